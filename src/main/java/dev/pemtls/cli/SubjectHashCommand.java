package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.SubjectHash;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * {@code pemtls subject-hash [-old] FILE...}: one line per file, in argument order, the subject
 * hash of the file's first certificate, as {@code openssl x509 -noout -subject_hash -in FILE}
 * ({@code -subject_hash_old} with {@code -old}) prints it.
 */
final class SubjectHashCommand implements Command {
  @Override
  public String name() {
    return "subject-hash";
  }

  @Override
  public String summary() {
    return "print the OpenSSL subject hash (capath link name) of each file's first certificate";
  }

  private static final OptionTable OPTIONS = new OptionTable("subject-hash")
      .flag("-old", "the pre-1.0 MD5 hash, as openssl x509 -subject_hash_old")
      .operands("FILE...", 1, Integer.MAX_VALUE);

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) {
    boolean old = o.has("-old");
    int status = 0;
    for (String file : o.operands()) {
      try {
        X509Certificate cert = PemFiles.readFirstCertificate(Path.of(file), "certificate file");
        out.println(old ? SubjectHash.oldOf(cert) : SubjectHash.of(cert));
      } catch (SslError | IllegalArgumentException e) {
        err.println("pemtls subject-hash: " + file + ": " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
