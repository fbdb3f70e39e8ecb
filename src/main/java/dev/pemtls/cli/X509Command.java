package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.pem.PemWriter;
import dev.pemtls.internal.x509.OpenSslFields;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pemtls x509 [-in FILE] [-noout] [-subject] [-issuer] [-serial] [-dates] [-fingerprint
 * [-sha256 | -sha1]] [-ext subjectAltName] [-text]}: the fields operators check, byte for byte as
 * {@code openssl x509} (OpenSSL 3.0) prints them.
 *
 * <p>Without {@code -in} the certificate is read from standard input, as openssl does, so
 * {@code openssl s_client ... | pemtls x509 -noout -dates} works (text around the PEM block is
 * skipped). As in openssl, the fields come out in the order of each option's <em>last</em> occurrence on
 * the command line, and then, unless {@code -noout}, the certificate as PEM. {@code -fingerprint}
 * is SHA-1 by default, printed as {@code SHA1 Fingerprint=}; with a digest option the digest's
 * name as given ({@code sha256 Fingerprint=}). {@code -ext subjectAltName} without the extension
 * writes {@code No extensions in certificate} to standard error and still succeeds, as openssl.
 * {@code -text} is PemTLS's own short readable form ({@link CertificateText}), not openssl's
 * full dump.
 */
final class X509Command implements Command {
  /** The options that print something, each once, at the place of its last occurrence. */
  private static final Set<String> PRINTERS = Set.of("-subject", "-issuer", "-serial", "-dates",
      "-fingerprint", "-ext", "-text");

  @Override
  public String name() {
    return "x509";
  }

  @Override
  public String summary() {
    return "print a certificate's subject, issuer, serial, dates, fingerprint or names, "
        + "as openssl x509";
  }

  private static final OptionTable OPTIONS = new OptionTable("x509")
      .value("-in", "FILE", "the certificate (PEM or DER, the file's first); default: stdin")
      .flag("-noout", "do not print the certificate as PEM")
      .flag("-subject", "print subject=NAME (OpenSSL's oneline form)")
      .flag("-issuer", "print issuer=NAME")
      .flag("-serial", "print serial=HEX")
      .flag("-dates", "print notBefore= and notAfter=")
      .flag("-fingerprint", "print the fingerprint (SHA-1 unless -sha256)")
      .flag("-sha256", "digest for -fingerprint: SHA-256")
      .flag("-sha1", "digest for -fingerprint: SHA-1 (the default)")
      .value("-ext", "subjectAltName", "print the extension (only subjectAltName is supported)")
      .flag("-text", "print PemTLS's readable summary (not openssl's full dump)");

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception {
    String file = o.get("-in");
    String ext = o.get("-ext");
    if (ext != null && !ext.equals("subjectAltName")) {
      throw new UsageError("-ext " + ext + " is not supported; use -ext subjectAltName");
    }
    String digest = digestOption(o);
    X509Certificate cert;
    try {
      cert = file == null
          ? PemFiles.firstCertificate(in.readAllBytes(), "standard input", "certificate")
          : PemFiles.readFirstCertificate(Path.of(file), "certificate file");
    } catch (SslError e) {
      err.println("Unable to load certificate: " + e.getMessage());
      return 1;
    }
    OpenSslFields f = OpenSslFields.of(cert);
    for (String option : printOrder(o.order())) {
      switch (option) {
        case "-subject" -> out.println("subject=" + f.subject());
        case "-issuer" -> out.println("issuer=" + f.issuer());
        case "-serial" -> out.println("serial=" + f.serial());
        case "-dates" -> {
          out.println("notBefore=" + f.notBefore());
          out.println("notAfter=" + f.notAfter());
        }
        case "-fingerprint" -> out.println(fingerprint(cert, digest));
        case "-ext" -> {
          String san = f.subjectAltNameText();
          if (san == null) {
            err.println("No extensions in certificate");
          } else {
            out.write(san.getBytes(StandardCharsets.ISO_8859_1)); // openssl's octets as is
          }
        }
        case "-text" -> CertificateText.print(cert, f, out);
        default -> throw new IllegalStateException(option);
      }
    }
    if (!o.has("-noout")) {
      out.print(PemWriter.certificates(cert));
    }
    out.flush();
    return 0;
  }

  /** openssl numbers each printing option as it is seen; a repeat takes the later number. */
  static List<String> printOrder(List<String> given) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      if (PRINTERS.contains(given.get(i))) {
        last.put(given.get(i), i);
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String option = given.get(i);
      if (last.getOrDefault(option, -1) == i && seen.add(option)) {
        order.add(option);
      }
    }
    return order;
  }

  /** The digest option's name as openssl prints it; the last one given wins, as in openssl. */
  private static String digestOption(Options o) {
    String digest = null;
    for (String option : o.order()) {
      if (option.equals("-sha256") || option.equals("-sha1")) {
        digest = option.substring(1);
      }
    }
    return digest;
  }

  static String fingerprint(X509Certificate cert, String digest) throws Exception {
    String label = digest == null ? "SHA1" : digest;
    String algorithm = "sha256".equalsIgnoreCase(digest) ? "SHA-256" : "SHA-1";
    byte[] hash;
    try {
      hash = MessageDigest.getInstance(algorithm).digest(cert.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
    StringBuilder sb = new StringBuilder(label).append(" Fingerprint=");
    for (int i = 0; i < hash.length; i++) {
      sb.append(i == 0 ? "" : ":").append(String.format("%02X", hash[i] & 0xff));
    }
    return sb.toString();
  }
}
