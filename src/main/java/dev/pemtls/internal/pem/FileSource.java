package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The single place where this package touches the file system.
 *
 * <p>Every file is read exactly once per load, through {@link #read}, so that hot reload and lazy
 * loading can later swap or count reads here. Errors become {@code SYS} {@link SslError}s naming
 * the path, like Python's {@code OSError} from {@code load_cert_chain}.
 */
final class FileSource {
  /** No certificate or key file is anywhere near this; bigger input is refused, not parsed. */
  static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

  private FileSource() {}

  /**
   * Reads the whole file.
   *
   * @param role what the file is for ("certfile", "keyfile", "cafile"), for error messages
   */
  static byte[] read(Path path, String role) throws SslError {
    if (path == null) {
      throw Reason.SYS_INVALID_ARGUMENT.error(role + " must not be null");
    }
    byte[] data;
    String notRegular = null;
    try {
      notRegular = RegularFiles.notRegular(path);
    } catch (NoSuchFileException e) {
      throw notFound(path, role, e);
    } catch (IOException e) {
      // unreadable attributes: opening below reports the real reason
    }
    if ("a directory".equals(notRegular)) {
      throw Reason.SYS_IS_A_DIRECTORY.error("Is a directory: " + role + " '" + path
          + "' must be a file");
    } else if (notRegular != null) {
      throw Reason.SYS_NOT_A_REGULAR_FILE.error(role + " "
          + RegularFiles.advice(path, notRegular));
    }
    try (InputStream in = Files.newInputStream(path)) {
      // Read one byte past the limit instead of trusting size(): pipes and /proc files lie.
      data = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw notFound(path, role, e);
    } catch (AccessDeniedException e) {
      throw Reason.SYS_PERMISSION_DENIED.error("Permission denied: cannot read " + role
          + " '" + path + "'; check the file's permissions", e);
    } catch (IOException e) {
      if (Files.isDirectory(path)) {
        throw Reason.SYS_IS_A_DIRECTORY.error("Is a directory: " + role + " '" + path
            + "' must be a file", e);
      }
      throw Reason.SYS_READ_FAILED.error("cannot read " + role + " '" + path + "': "
          + e.getMessage(), e);
    } catch (SecurityException | UnsupportedOperationException e) {
      throw Reason.SYS_PERMISSION_DENIED.error("cannot read " + role + " '" + path + "': "
          + e.getMessage(), e);
    }
    if (data.length > MAX_FILE_BYTES) {
      throw Reason.SYS_FILE_TOO_LARGE.error(role + " '" + path + "' is larger than "
          + (MAX_FILE_BYTES >> 20) + " MiB; refusing to read it (is it the right file?)");
    }
    return data;
  }

  private static SslError notFound(Path path, String role, NoSuchFileException e) {
    return Reason.SYS_FILE_NOT_FOUND.error("No such file or directory: " + role + " '"
        + path + "' does not exist; check the path", e);
  }
}
