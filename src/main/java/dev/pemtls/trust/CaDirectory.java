package dev.pemtls.trust;

import dev.pemtls.SslError;
import dev.pemtls.pem.PemFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A CA directory (Python's {@code capath}, OpenSSL's hashed directory), read eagerly: every
 * readable file that holds certificates contributes them; anything else (dangling links,
 * non-certificate files, unreadable files) is skipped with a log line, never trusted.
 *
 * <p>OpenSSL looks certificates up lazily by subject hash; reading them all gives the same trust
 * for the directories people use (/etc/ssl/certs holds a few hundred files).
 */
public final class CaDirectory {
  private static final Logger LOG = Logger.getLogger(CaDirectory.class.getName());

  private CaDirectory() {}

  /**
   * Reads every certificate in {@code dir}.
   *
   * @throws SslError {@code SYS} if {@code dir} is not a readable directory
   */
  public static List<X509Certificate> readAll(Path dir) throws SslError {
    if (!Files.isDirectory(dir)) {
      throw new SslError("SYS", Files.exists(dir) ? "NOT_A_DIRECTORY" : "FILE_NOT_FOUND",
          "capath " + dir + " is not a directory; pass the folder of hashed CA links "
              + "(e.g. /etc/ssl/certs), or use cafile for a bundle file");
    }
    List<X509Certificate> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (!Files.isRegularFile(entry)) {
          continue; // subdirectories, dangling links: OpenSSL would not find them either
        }
        try {
          out.addAll(PemFiles.readCaFile(entry).certificates());
        } catch (SslError e) {
          LOG.log(Level.FINE, "capath {0}: skipping {1}: {2}",
              new Object[] {dir, entry.getFileName(), e.getMessage()});
        }
      }
    } catch (IOException e) {
      throw new SslError("SYS", "READ_ERROR", "cannot list capath " + dir + ": " + e, e);
    }
    return out;
  }
}
