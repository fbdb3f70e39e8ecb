package dev.pemtls.internal.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenSSL's default CA locations, as {@code X509_get_default_cert_file()} / {@code _dir()} and
 * the {@code SSL_CERT_FILE} / {@code SSL_CERT_DIR} environment variables define them; Python's
 * {@code ssl.get_default_verify_paths()}.
 *
 * <p>PemTLS is not linked against OpenSSL, so it takes OPENSSLDIR to be the first of the usual
 * distribution locations that exists: {@code /usr/lib/ssl} (Debian, Ubuntu), {@code
 * /etc/pki/tls} (RHEL, Fedora), {@code /etc/ssl} (Alpine, SUSE, Arch), {@code
 * /usr/local/etc/openssl@3} and {@code /opt/homebrew/etc/openssl@3} (Homebrew), and otherwise
 * OpenSSL's own build default {@code /usr/local/ssl}.
 *
 * @param cafile the file that will be loaded (may not exist)
 * @param capaths the directories that will be searched (may not exist)
 * @param opensslCafile OpenSSL's compiled-in default file
 * @param opensslCapath OpenSSL's compiled-in default directory
 */
public record OpenSslDefaultPaths(Path cafile, List<Path> capaths, Path opensslCafile,
    Path opensslCapath) {
  public static final String CAFILE_ENV = "SSL_CERT_FILE";
  public static final String CAPATH_ENV = "SSL_CERT_DIR";

  private static final List<String> OPENSSLDIRS = List.of("/usr/lib/ssl", "/etc/pki/tls",
      "/etc/ssl", "/usr/local/etc/openssl@3", "/opt/homebrew/etc/openssl@3", "/usr/local/ssl");

  /**
   * These paths with the default file left out ({@code file} false: a null {@code cafile}) or
   * the directories ({@code directories} false: none), as openssl's tools load only the
   * defaults of what was not given on the command line.
   */
  public OpenSslDefaultPaths only(boolean file, boolean directories) {
    return new OpenSslDefaultPaths(file ? cafile : null, directories ? capaths : List.of(),
        opensslCafile, opensslCapath);
  }

  /** The paths for this process's environment. */
  public static OpenSslDefaultPaths current() {
    return of(System.getenv());
  }

  /** The paths for the given environment (tests pass their own). */
  public static OpenSslDefaultPaths of(Map<String, String> env) {
    Path dir = Path.of(OPENSSLDIRS.get(OPENSSLDIRS.size() - 1));
    for (String candidate : OPENSSLDIRS) {
      if (Files.isDirectory(Path.of(candidate))) {
        dir = Path.of(candidate);
        break;
      }
    }
    Path defaultFile = dir.resolve("cert.pem");
    Path defaultDir = dir.resolve("certs");
    String fileEnv = env.get(CAFILE_ENV);
    String dirEnv = env.get(CAPATH_ENV);
    Path file = fileEnv != null && !fileEnv.isEmpty() ? Path.of(fileEnv) : defaultFile;
    List<Path> dirs = new ArrayList<>();
    if (dirEnv != null && !dirEnv.isEmpty()) {
      for (String d : dirEnv.split(":")) { // OpenSSL's list separator on Unix
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
    } else {
      dirs.add(defaultDir);
    }
    return new OpenSslDefaultPaths(file, List.copyOf(dirs), defaultFile, defaultDir);
  }
}
