package dev.pemtls;

/**
 * Python's {@code ssl.CertificateError} (an alias of {@code SSLCertVerificationError} since
 * Python 3.7), raised by {@link Ssl#matchHostname}: the certificate does not match the host
 * name, or one of its names is a wildcard pattern that RFC 6125 does not allow.
 *
 * <p>{@link #getMessage()} is exactly Python's message, {@code e.args[0]}, e.g. {@code hostname
 * 'www.example.org' doesn't match 'example.com'} (Python's {@code str(e)} shows it as a
 * one-element tuple, {@code ("hostname ...",)}). The verify code is OpenSSL's 62, "hostname
 * mismatch".
 */
public final class CertificateError extends SslCertVerificationError {
  private static final long serialVersionUID = 1L;
  private static final int X509_V_ERR_HOSTNAME_MISMATCH = 62;

  private final String pythonMessage;

  public CertificateError(String message) {
    super(X509_V_ERR_HOSTNAME_MISMATCH, "hostname mismatch", message);
    this.pythonMessage = message;
  }

  /** Python's {@code args[0]}, without the {@code [SSL: ...]} prefix of other errors. */
  @Override
  public String getMessage() {
    return pythonMessage;
  }
}
