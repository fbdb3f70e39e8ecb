package dev.pemtls.internal.trust;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import dev.pemtls.internal.pem.CaFileContents;
import dev.pemtls.internal.pem.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;

/**
 * CA directories (Python's {@code capath}), looked up lazily as OpenSSL's {@code by_dir} lookup
 * does: opening checks only that each directory exists; a look-up for a name hashes it ({@link
 * SubjectHash}) and reads {@code <hash>.0}, {@code <hash>.1}, ... (CRLs: {@code <hash>.r0}, ...)
 * in each directory until a number is missing, keeping the certificates (CRLs) of exactly that
 * subject (issuer).
 *
 * <p>Files read are cached by file identity and re-read only when their stamp (file key, size,
 * modification time) changes; OpenSSL never re-reads. Unlike OpenSSL, a file that cannot be read
 * or parsed does not end the scan: it is skipped with a warning and the next number is tried.
 * Dangling links, directories and missing directories count as missing files. Nothing from a
 * skipped file is trusted.
 *
 * <p>Thread-safe; the set of directories is fixed, so a {@link TrustStore} holding one stays
 * immutable from the outside.
 */
public final class CaDirectory {
  private static final Logger LOG = Logger.getLogger(CaDirectory.class.getName());
  /** OpenSSL's rehash makes at most 256 links per hash; stop scanning there. */
  private static final int MAX_SUFFIX = 256;

  private final List<Path> dirs;
  private final CaFiles files;
  private final ConcurrentMap<Object, Loaded> cache = new ConcurrentHashMap<>();

  /** One version of one file: its stamp and what it held (null if unreadable or malformed). */
  private record Loaded(CaFiles.Stamp stamp, CaFileContents contents) {}

  private CaDirectory(List<Path> dirs, CaFiles files) {
    this.dirs = List.copyOf(dirs);
    this.files = files;
  }

  /** A lazy CA directory on the real file system; see {@link #open(List, CaFiles)}. */
  public static CaDirectory open(Path dir) throws SslError {
    return open(List.of(dir), CaFiles.system());
  }

  /**
   * Lazy CA directories, searched in the given order. Nothing is read now.
   *
   * @throws SslError {@code SYS} if one of {@code dirs} is not a directory
   */
  public static CaDirectory open(List<Path> dirs, CaFiles files) throws SslError {
    for (Path dir : dirs) {
      if (!files.isDirectory(dir)) {
        throw Reason.SYS_FILE_NOT_FOUND.error("capath " + dir + " is not a directory; "
            + "pass the folder of hashed CA links (e.g. /etc/ssl/certs), or use cafile for a "
            + "bundle file");
      }
    }
    return new CaDirectory(dirs, files);
  }

  /** The directories, in search order. */
  public List<Path> directories() {
    return dirs;
  }

  /** Certificates whose subject is {@code subject}, from {@code <hash>.<n>} files. */
  public List<X509Certificate> certificates(X500Principal subject) {
    byte[] canon = canonical(subject);
    return canon == null ? List.of() : lookup(subject, "", CaFileContents::certificates,
        c -> Arrays.equals(canon, canonical(c.getSubjectX500Principal())));
  }

  /** CRLs whose issuer is {@code issuer}, from {@code <hash>.r<n>} files. */
  public List<X509CRL> crls(X500Principal issuer) {
    byte[] canon = canonical(issuer);
    return canon == null ? List.of() : lookup(issuer, "r", CaFileContents::crls,
        c -> Arrays.equals(canon, canonical(c.getIssuerX500Principal())));
  }

  private <T> List<T> lookup(X500Principal name, String infix,
      Function<CaFileContents, List<T>> part, java.util.function.Predicate<T> matches) {
    String hash = SubjectHash.hex(SubjectHash.canonicalHash(name.getEncoded()));
    List<T> out = new ArrayList<>();
    for (Path dir : dirs) {
      for (int n = 0; n < MAX_SUFFIX; n++) {
        Path file = dir.resolve(hash + "." + infix + n);
        CaFileContents contents;
        try {
          CaFiles.Stamp stamp = files.stamp(file);
          if (stamp == null) {
            break; // the first missing number ends the scan, as in OpenSSL
          }
          contents = load(file, stamp);
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "capath: skipping {0}: {1}", new Object[] {file, e.toString()});
          continue;
        }
        if (contents != null) {
          for (T item : part.apply(contents)) {
            if (matches.test(item) && !out.contains(item)) {
              out.add(item);
            }
          }
        }
      }
    }
    return out;
  }

  private CaFileContents load(Path file, CaFiles.Stamp stamp) throws IOException {
    Object key = stamp.fileKey() != null ? stamp.fileKey() : file; // two links, one read
    Loaded cached = cache.get(key);
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.contents();
    }
    CaFileContents contents = null;
    try {
      contents = PemFiles.parseCaFile(files.read(file), file.toString());
      if (contents.certificates().isEmpty() && contents.crls().isEmpty()) {
        LOG.log(Level.WARNING, "capath: {0} holds no certificate or CRL; skipped", file);
      }
    } catch (SslError e) {
      LOG.log(Level.WARNING, "capath: skipping {0}: {1}", new Object[] {file, e.getMessage()});
    }
    cache.put(key, new Loaded(stamp, contents));
    return contents;
  }

  private static byte[] canonical(X500Principal name) {
    try {
      return SubjectHash.canonicalEncoding(name.getEncoded());
    } catch (IllegalArgumentException e) {
      return null; // OpenSSL cannot parse such a name either: nothing to find
    }
  }

  @Override
  public String toString() {
    return "CaDirectory" + dirs + "[" + cache.size() + " files read]";
  }
}
