package dev.pemtls;

/**
 * A certificate failed verification, mirroring Python's {@code ssl.SSLCertVerificationError}.
 *
 * <p>{@link #verifyCode()} and {@link #verifyMessage()} are OpenSSL's {@code X509_V_ERR_*} code
 * and text, e.g. 20 "unable to get local issuer certificate", 10 "certificate has expired", 62
 * "hostname mismatch". The library is {@code SSL} and the reason {@code
 * CERTIFICATE_VERIFY_FAILED}, as in Python.
 */
public class SslCertVerificationError extends SslError {
  private static final long serialVersionUID = 1L;

  private final int verifyCode;
  private final String verifyMessage;

  public SslCertVerificationError(int verifyCode, String verifyMessage, String detail) {
    this(verifyCode, verifyMessage, detail, null);
  }

  public SslCertVerificationError(int verifyCode, String verifyMessage, String detail,
      Throwable cause) {
    super("SSL", "CERTIFICATE_VERIFY_FAILED", "certificate verify failed: " + verifyMessage
        + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), cause);
    this.verifyCode = verifyCode;
    this.verifyMessage = verifyMessage;
  }

  /** OpenSSL's verify result code, as Python's {@code verify_code}. */
  public int verifyCode() {
    return verifyCode;
  }

  /** OpenSSL's verify result text, as Python's {@code verify_message}. */
  public String verifyMessage() {
    return verifyMessage;
  }
}
