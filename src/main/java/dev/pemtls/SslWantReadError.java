package dev.pemtls;

/**
 * Python's {@code ssl.SSLWantReadError}: a non-blocking operation on an {@link SslObject} needs
 * more bytes from the peer. Feed them to the incoming {@link MemoryBio} (and send what the
 * outgoing one holds) and call the operation again. Not a failure: the connection is intact.
 *
 * <p>As in Python, {@link #library()} and {@link #reason()} are null and the message is "The
 * operation did not complete (read)".
 */
public class SslWantReadError extends SslError {
  private static final long serialVersionUID = 1L;

  public SslWantReadError() {
    super("The operation did not complete (read)");
  }
}
