package dev.pemtls.cli;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.SslError;
import dev.pemtls.internal.x509.CertificateDict;
import dev.pemtls.internal.pem.PemFiles;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * {@code pemtls decode-cert FILE...}: one JSON line per file, the dictionary Python's
 * {@code ssl._ssl._test_decode_cert(FILE)} returns for the file's first certificate.
 */
final class DecodeCertCommand implements Command {
  @Override
  public String name() {
    return "decode-cert";
  }

  @Override
  public String summary() {
    return "print each file's certificate as Python's getpeercert() dictionary (JSON)";
  }

  private static final OptionTable OPTIONS = new OptionTable("decode-cert")
      .operands("FILE...", 1, Integer.MAX_VALUE);

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) {
    int status = 0;
    for (String file : o.operands()) {
      try {
        X509Certificate cert = PemFiles.readFirstCertificate(Path.of(file), "certificate file");
        out.println(Json.write(CertificateDict.decode(cert)));
      } catch (SslError e) {
        err.println("pemtls decode-cert: " + file + ": " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
