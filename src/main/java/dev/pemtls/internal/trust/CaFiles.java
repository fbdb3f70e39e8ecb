package dev.pemtls.internal.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file access of a CA directory: the only place {@link CaDirectory} touches the file system,
 * so that a test can count reads and a watcher could use the same stamps.
 */
public interface CaFiles {
  /**
   * What identifies one version of a file: OpenSSL re-reads nothing, PemTLS re-reads a file
   * whose stamp changed.
   *
   * @param fileKey the file system's identity of the file (device and inode), or null where the
   *     file system has none
   * @param size size in bytes
   * @param modified last modification time, in nanoseconds since the epoch
   */
  record Stamp(Object fileKey, long size, long modified) {}

  /** Whether {@code dir} is a directory now. */
  boolean isDirectory(Path dir);

  /**
   * The stamp of the regular file at {@code file} (following links), or null when there is none:
   * no such file, a dangling link, a directory, or a directory that disappeared.
   */
  Stamp stamp(Path file) throws IOException;

  /** The whole file. */
  byte[] read(Path file) throws IOException;

  /** The real file system. */
  static CaFiles system() {
    return SystemCaFiles.INSTANCE;
  }

  /** {@link CaFiles} on {@link Files}. */
  final class SystemCaFiles implements CaFiles {
    static final SystemCaFiles INSTANCE = new SystemCaFiles();
    /** No CA file comes near this; larger ones are skipped, not read. */
    private static final long MAX_BYTES = 32L << 20;

    private SystemCaFiles() {}

    @Override
    public boolean isDirectory(Path dir) {
      return Files.isDirectory(dir);
    }

    @Override
    public Stamp stamp(Path file) throws IOException {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        return null;
      }
      if (!a.isRegularFile()) {
        return null;
      }
      return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toMillis() * 1_000_000L
          + a.lastModifiedTime().toInstant().getNano() % 1_000_000);
    }

    @Override
    public byte[] read(Path file) throws IOException {
      if (Files.size(file) > MAX_BYTES) {
        throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      return Files.readAllBytes(file);
    }
  }
}
