package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.internal.pem.CaFileContents;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.SubjectHash;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * OpenSSL's {@code openssl rehash DIR} (apps/rehash.c): makes the {@code <hash>.<n>} links of a
 * CA directory for every {@code .pem}, {@code .crt}, {@code .cer} or {@code .crl} file holding
 * exactly one certificate or CRL ({@code <hash>.r<n>} for CRLs), skips duplicates by SHA-1
 * fingerprint, keeps links that are already right, and removes stale hash links. Same files in,
 * same links out, including OpenSSL's numbering.
 */
final class Rehash {
  /** Which hash names the links: OpenSSL's default, {@code -old}, or {@code -compat} (both). */
  enum HashKind { NEW, OLD, BOTH }

  /**
   * What {@code openssl rehash}'s options ask for.
   *
   * @param kind {@code -old}, {@code -compat} or the default hash
   * @param removeLinks false as {@code -n}: keep existing links that are no longer needed
   * @param verbose {@code -v}: print each link made or removed
   */
  record Options(HashKind kind, boolean removeLinks, boolean verbose) {
    /** OpenSSL's defaults: the new hash, stale links removed, quiet. */
    static final Options DEFAULTS = new Options(HashKind.NEW, true, false);
  }

  private static final int MAX_COLLISIONS = 256;
  private static final List<String> EXTENSIONS = List.of("pem", "crt", "cer", "crl");
  private static final int NO_ID = 0xffff; // OpenSSL's (unsigned short) ~0

  private final Path dir;
  private final HashKind kind;
  private final boolean removeLinks;
  private final boolean verbose;
  private final PrintStream out;
  private final PrintStream err;
  /** Buckets by type and hash, in creation order; entries in insertion order. */
  private final Map<String, Bucket> buckets = new LinkedHashMap<>();
  private int errors;

  private static final class Bucket {
    final boolean crl;
    final int hash;
    final List<Entry> entries = new ArrayList<>();
    int numNeeded;

    Bucket(boolean crl, int hash) {
      this.crl = crl;
      this.hash = hash;
    }
  }

  private static final class Entry {
    final String filename;
    int oldId = NO_ID;
    boolean needSymlink;
    byte[] digest;

    Entry(String filename) {
      this.filename = filename;
    }
  }

  private Rehash(Path dir, Options options, PrintStream out, PrintStream err) {
    this.dir = dir;
    this.kind = options.kind();
    this.removeLinks = options.removeLinks();
    this.verbose = options.verbose();
    this.out = out;
    this.err = err;
  }

  /**
   * Rehashes one directory.
   *
   * @return the number of errors, as OpenSSL's exit status counts them
   */
  static int directory(Path dir, Options options, PrintStream out, PrintStream err) {
    return new Rehash(dir, options, out, err).run();
  }

  private int run() {
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      err.println("Skipping " + dir + ", can't write");
      return 1;
    }
    if (verbose) {
      out.println("Doing " + dir);
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      err.println("Skipping " + dir + ", " + e.getMessage());
      return 1;
    }
    names.sort(null); // OpenSSL sorts with strcmp
    for (String name : names) {
      Path full = dir.resolve(name);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(full, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue;
      }
      if (a.isSymbolicLink() && handleSymlink(name, full)) {
        continue;
      }
      doFile(name, full);
    }
    writeLinks();
    return errors;
  }

  /** An existing {@code <hash>.[r]<n>} link: remembered; true if the name is such a link. */
  private boolean handleSymlink(String name, Path full) {
    if (name.length() < 9 || name.charAt(8) != '.') {
      return false;
    }
    int hash;
    try {
      hash = Integer.parseUnsignedInt(name.substring(0, 8), 16);
    } catch (NumberFormatException e) {
      return false;
    }
    String rest = name.substring(9);
    boolean crl = rest.regionMatches(true, 0, "r", 0, 1);
    String digits = crl ? rest.substring(1) : rest;
    if (!digits.chars().allMatch(Character::isDigit) || !digits.chars().allMatch(c -> c < 128)) {
      return false;
    }
    int id = digits.isEmpty() ? 0 : (int) (Long.parseLong(digits.length() > 18
        ? digits.substring(digits.length() - 18) : digits) & 0xffff);
    String target;
    try {
      target = Files.readSymbolicLink(full).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
    addEntry(crl, hash, target, null, false, id);
    return true;
  }

  private void doFile(String name, Path full) {
    int dot = name.lastIndexOf('.');
    if (dot < 0 || !EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return;
    }
    byte[] data;
    try {
      data = Files.isDirectory(full) ? new byte[0] : Files.readAllBytes(full);
    } catch (IOException e) {
      err.println("pemtls rehash: error: skipping " + name + ", cannot open file");
      errors++;
      return;
    }
    CaFileContents contents;
    try {
      contents = PemFiles.parseCaFile(data, full.toString());
    } catch (SslError e) {
      return; // OpenSSL's PEM_X509_INFO_read_bio fails: the file is passed over silently
    }
    int found = contents.certificates().size() + contents.crls().size();
    if (found == 0 && contents.privateKeyBlocks() == 1) {
      errors++; // OpenSSL reads one X509_INFO holding only a key: an error, silently
      return;
    }
    if (found != 1) {
      err.println("pemtls rehash: warning: skipping " + name
          + ",it does not contain exactly one certificate or CRL");
      return;
    }
    boolean crl = contents.certificates().isEmpty();
    X500Principal subject;
    byte[] der;
    try {
      if (crl) {
        subject = contents.crls().get(0).getIssuerX500Principal();
        der = contents.crls().get(0).getEncoded();
      } else {
        subject = contents.certificates().get(0).getSubjectX500Principal();
        der = contents.certificates().get(0).getEncoded();
      }
    } catch (GeneralSecurityException e) {
      errors++;
      return;
    }
    byte[] digest = sha1(der);
    if (kind != HashKind.OLD) {
      addEntry(crl, SubjectHash.canonicalHash(subject.getEncoded()), name, digest, true, NO_ID);
    }
    if (kind != HashKind.NEW) {
      addEntry(crl, SubjectHash.oldHash(subject.getEncoded()), name, digest, true, NO_ID);
    }
  }

  private void addEntry(boolean crl, int hash, String filename, byte[] digest,
      boolean needSymlink, int oldId) {
    Bucket b = buckets.computeIfAbsent((crl ? "r" : "") + hash, k -> new Bucket(crl, hash));
    Entry found = null;
    for (Entry e : b.entries) {
      if (digest != null && e.digest != null && Arrays.equals(digest, e.digest)) {
        err.println("pemtls rehash: warning: skipping duplicate " + (crl ? "CRL" : "certificate")
            + " in " + filename);
        return;
      }
      if (filename.equals(e.filename)) {
        found = e;
        if (digest == null) {
          break;
        }
      }
    }
    if (found == null) {
      if (b.numNeeded >= MAX_COLLISIONS) {
        err.println("pemtls rehash: error: hash table overflow for " + filename);
        errors++;
        return;
      }
      found = new Entry(filename);
      b.entries.add(found);
    }
    found.oldId = Math.min(found.oldId, oldId);
    if (needSymlink && !found.needSymlink) {
      found.needSymlink = true;
      b.numNeeded++;
      found.digest = digest;
    }
  }

  private void writeLinks() {
    for (Bucket b : buckets.values()) {
      BitSet used = new BitSet();
      for (Entry e : b.entries) {
        if (e.oldId < b.numNeeded) {
          used.set(e.oldId);
        }
      }
      int nextId = 0;
      for (Entry e : b.entries) {
        if (e.oldId < b.numNeeded) {
          if (verbose) {
            out.println("link " + e.filename + " -> " + linkName(b, e.oldId));
          }
        } else if (e.needSymlink) {
          while (used.get(nextId)) {
            nextId++;
          }
          String link = linkName(b, nextId);
          if (verbose) {
            out.println("link " + e.filename + " -> " + link);
          }
          try {
            Files.deleteIfExists(dir.resolve(link));
            Files.createSymbolicLink(dir.resolve(link), Path.of(e.filename));
          } catch (IOException | UnsupportedOperationException ex) {
            err.println("pemtls rehash: Can't symlink " + e.filename + ", " + ex.getMessage());
            errors++;
          }
          used.set(nextId);
        } else if (removeLinks) {
          String link = linkName(b, e.oldId);
          if (verbose) {
            out.println("unlink " + link);
          }
          try {
            Files.deleteIfExists(dir.resolve(link));
          } catch (IOException ex) {
            err.println("pemtls rehash: Can't unlink " + link + ", " + ex.getMessage());
            errors++;
          }
        }
      }
    }
  }

  private static String linkName(Bucket b, int id) {
    return SubjectHash.hex(b.hash) + "." + (b.crl ? "r" : "") + id;
  }

  private static byte[] sha1(byte[] der) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(der);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is missing from this JDK", e);
    }
  }
}
