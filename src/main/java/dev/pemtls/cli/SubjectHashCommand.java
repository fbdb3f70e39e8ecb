package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.SubjectHash;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

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

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    boolean old = false;
    List<String> files = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-old")) {
        old = true;
      } else {
        files.add(a);
      }
    }
    if (files.isEmpty()) {
      err.println("usage: pemtls subject-hash [-old] FILE...");
      return 2;
    }
    int status = 0;
    for (String file : files) {
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
