package dev.pemtls.internal.trust;

import dev.pemtls.SslError;
import dev.pemtls.internal.pem.CaFileContents;
import dev.pemtls.internal.pem.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What {@code load_verify_locations} and {@code set_default_verify_paths} add to a context's
 * {@link TrustStore}: a CA file's certificates and CRLs, {@code cadata}'s certificates, and CA
 * directories opened lazily. Everything is read (or, for directories, checked) before anything is
 * added, so a failure adds nothing.
 *
 * @param certificates certificates from a cafile or cadata
 * @param crls CRLs from a cafile
 * @param directory CA directories for lazy look-up, or null
 */
public record VerifyLocations(List<X509Certificate> certificates, List<X509CRL> crls,
    CaDirectory directory) {
  private static final Logger LOG = Logger.getLogger(VerifyLocations.class.getName());

  public VerifyLocations {
    certificates = List.copyOf(certificates);
    crls = List.copyOf(crls);
  }

  /**
   * Python's {@code load_verify_locations(cafile, capath, cadata)}: {@code capath} may name
   * several directories separated by {@code ':'}, as OpenSSL splits them.
   *
   * @throws SslError naming the file that cannot be read or holds no certificate, or the
   *     directory that does not exist
   */
  public static VerifyLocations load(Path cafile, Path capath, String cadata) throws SslError {
    List<X509Certificate> certs = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    if (cafile != null) {
      CaFileContents contents = PemFiles.readCaFile(cafile);
      certs.addAll(contents.certificates());
      crls.addAll(contents.crls());
    }
    CaDirectory dir = null;
    if (capath != null) {
      List<Path> dirs = new ArrayList<>();
      for (String d : capath.toString().split(java.io.File.pathSeparator)) {
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
      dir = CaDirectory.open(dirs, CaFiles.system());
    }
    if (cadata != null) {
      certs.addAll(PemFiles.parseCaData(cadata).certificates());
    }
    return new VerifyLocations(certs, crls, dir);
  }

  /**
   * Python's {@code set_default_verify_paths()}: OpenSSL's default CA file and directories, or
   * those of {@code SSL_CERT_FILE} / {@code SSL_CERT_DIR}. As in OpenSSL, a location that does
   * not exist or cannot be read is skipped with a log line, never an error: where none exists
   * nothing is trusted.
   */
  public static VerifyLocations defaults(OpenSslDefaultPaths paths) {
    List<X509Certificate> certs = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    if (paths.cafile() != null && Files.isRegularFile(paths.cafile())) {
      try {
        CaFileContents contents = PemFiles.readCaFile(paths.cafile());
        certs.addAll(contents.certificates());
        crls.addAll(contents.crls());
      } catch (SslError e) {
        LOG.log(Level.WARNING, "default CA file skipped: {0}", e.getMessage());
      }
    }
    List<Path> dirs = new ArrayList<>();
    for (Path dir : paths.capaths()) {
      if (Files.isDirectory(dir)) {
        dirs.add(dir);
      } else {
        LOG.log(Level.FINE, "default CA directory {0} does not exist; skipped", dir);
      }
    }
    CaDirectory lazy = null;
    if (!dirs.isEmpty()) {
      try {
        lazy = CaDirectory.open(dirs, CaFiles.system());
      } catch (SslError e) {
        LOG.log(Level.WARNING, "default CA directories skipped: {0}", e.getMessage());
      }
    }
    return new VerifyLocations(certs, crls, lazy);
  }

  /** {@code store} with these locations added. */
  public TrustStore addTo(TrustStore store) {
    TrustStore out = store.plus(certificates).plusCrls(crls);
    return directory == null ? out : out.plusDirectory(directory);
  }
}
