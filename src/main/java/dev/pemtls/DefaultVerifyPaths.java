package dev.pemtls;

import dev.pemtls.internal.trust.OpenSslDefaultPaths;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Python's {@code ssl.DefaultVerifyPaths}, the named tuple {@link Ssl#getDefaultVerifyPaths()}
 * returns.
 *
 * @param cafile the CA file OpenSSL would load: {@code $SSL_CERT_FILE} if set, else {@code
 *     opensslCafile}; null when that is not a file
 * @param capath the CA directory: {@code $SSL_CERT_DIR} if set, else {@code opensslCapath};
 *     null when that is not a directory
 * @param opensslCafileEnv {@code "SSL_CERT_FILE"}
 * @param opensslCafile OpenSSL's built-in default file, e.g. {@code /usr/lib/ssl/cert.pem}
 * @param opensslCapathEnv {@code "SSL_CERT_DIR"}
 * @param opensslCapath OpenSSL's built-in default directory, e.g. {@code /usr/lib/ssl/certs}
 */
public record DefaultVerifyPaths(String cafile, String capath, String opensslCafileEnv,
    String opensslCafile, String opensslCapathEnv, String opensslCapath) {

  /** As Python computes it for the given environment (tests pass their own). */
  static DefaultVerifyPaths of(Map<String, String> env) {
    OpenSslDefaultPaths openssl = OpenSslDefaultPaths.of(Map.of());
    String fileEnv = OpenSslDefaultPaths.CAFILE_ENV;
    String dirEnv = OpenSslDefaultPaths.CAPATH_ENV;
    String defaultFile = openssl.opensslCafile().toString();
    String defaultDir = openssl.opensslCapath().toString();
    // os.environ.get(name, default): a variable set to "" is used as is (and is no file).
    String file = env.getOrDefault(fileEnv, defaultFile);
    String dir = env.getOrDefault(dirEnv, defaultDir);
    return new DefaultVerifyPaths(isFile(file) ? file : null, isDir(dir) ? dir : null, fileEnv,
        defaultFile, dirEnv, defaultDir);
  }

  private static boolean isFile(String p) {
    try {
      return !p.isEmpty() && Files.isRegularFile(Path.of(p));
    } catch (InvalidPathException e) {
      return false; // os.path.isfile is False for names the OS cannot take
    }
  }

  private static boolean isDir(String p) {
    try {
      return !p.isEmpty() && Files.isDirectory(Path.of(p));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
