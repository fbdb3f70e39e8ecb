package dev.pemtls;

/**
 * Python's {@code ssl.SSLEOFError}: the transport ended (a TCP close, or {@link
 * MemoryBio#writeEof()} on an {@link SslObject}'s incoming BIO) without the peer's close_notify,
 * so the data may have been cut short. Library {@code SSL}, reason {@code
 * UNEXPECTED_EOF_WHILE_READING}, as Python 3.11 with OpenSSL 3.0 reports it.
 */
public class SslEofError extends SslError {
  private static final long serialVersionUID = 1L;

  public SslEofError(String text, Throwable cause) {
    super("SSL", "UNEXPECTED_EOF_WHILE_READING", text, cause);
  }
}
