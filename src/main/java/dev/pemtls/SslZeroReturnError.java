package dev.pemtls;

/**
 * Python's {@code ssl.SSLZeroReturnError}: a read on a TLS connection that is closed both ways,
 * the peer's close_notify received and ours sent by {@code unwrap()}. (A read after only the
 * peer's close_notify returns no bytes, as in Python.)
 *
 * <p>As in Python, {@link #library()} and {@link #reason()} are null and the message is "TLS/SSL
 * connection has been closed (EOF)".
 */
public class SslZeroReturnError extends SslError {
  private static final long serialVersionUID = 1L;

  public SslZeroReturnError() {
    super("TLS/SSL connection has been closed (EOF)");
  }
}
