package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.internal.x509.CertificateDict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pemtls decode-cert FILE...}: one JSON line per file, the dictionary Python's
 * {@code ssl._ssl._test_decode_cert(FILE)} returns for the file's first certificate.
 */
final class DecodeCertCommand implements Command {
  /**
   * The labels OpenSSL's {@code PEM_read_bio_X509} accepts; other blocks (keys, CRLs, TRUSTED
   * CERTIFICATE) are skipped as it skips them. A minimal reader: the project's PEM package will
   * replace it.
   */
  private static final Pattern CERT_BLOCK = Pattern.compile(
      "-----BEGIN (X509 )?CERTIFICATE-----(.*?)-----END (X509 )?CERTIFICATE-----",
      Pattern.DOTALL);

  @Override
  public String name() {
    return "decode-cert";
  }

  @Override
  public String summary() {
    return "print each file's certificate as Python's getpeercert() dictionary (JSON)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.println("usage: pemtls decode-cert FILE...");
      return 2;
    }
    int status = 0;
    for (String file : args) {
      try {
        out.println(Json.write(CertificateDict.decode(firstCertificate(Path.of(file)))));
      } catch (IOException e) {
        // SslError is an IOException too; both name the file.
        err.println("pemtls decode-cert: " + file + ": " + describe(e));
        status = 1;
      }
    }
    return status;
  }

  private static String describe(IOException e) {
    if (e instanceof SslError) {
      return e.getMessage();
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The DER of the first PEM certificate block, or the whole file when it has no PEM block. */
  private static byte[] firstCertificate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    Matcher m = CERT_BLOCK.matcher(text);
    if (m.find()) {
      try {
        return Base64.getMimeDecoder().decode(stripHeaders(m.group(2)));
      } catch (IllegalArgumentException e) {
        throw new SslError("PEM", "BAD_BASE64_DECODE", "bad base64 in certificate block", e);
      }
    }
    if (text.contains("-----BEGIN ") || bytes.length == 0 || bytes[0] != 0x30) {
      throw new SslError("PEM", "NO_START_LINE", "no certificate found");
    }
    return bytes;
  }

  /** Drops RFC 1421 header lines ("Name: value") that may precede the base64 body. */
  private static String stripHeaders(String body) {
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\r?\n")) {
      if (!line.contains(":")) {
        sb.append(line.strip());
      }
    }
    return sb.toString();
  }
}
