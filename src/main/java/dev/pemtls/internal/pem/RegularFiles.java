package dev.pemtls.internal.pem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a path names a regular file, asked before opening it: opening a FIFO blocks until a
 * writer appears (forever, for a misconfigured path), and a device or socket never ends. Links
 * are followed, so a symlink to a regular file is fine.
 */
public final class RegularFiles {
  private static final int S_IFMT = 0170000;

  private RegularFiles() {}

  /**
   * Null when {@code path} is a regular file (after following links); otherwise what it is
   * instead, for an error message: "a directory", "a FIFO (named pipe)", "a character device",
   * ...
   *
   * @throws java.nio.file.NoSuchFileException when nothing is there
   */
  public static String notRegular(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    if (a.isRegularFile()) {
      return null;
    }
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      switch (((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT) {
        case 0010000:
          return "a FIFO (named pipe)";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0140000:
          return "a socket";
        default:
          break;
      }
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // no unix view on this file system: the generic description below
    }
    return "not a regular file";
  }

  /** The sentence every caller ends its error with. */
  public static String advice(Path path, String what) {
    return "'" + path + "' is " + what + ", not a regular file; PemTLS reads only regular files "
        + "(a FIFO or device would block start-up): point it at the PEM file itself";
  }
}
