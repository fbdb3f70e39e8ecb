package dev.pemtls.internal.trust;

import java.security.cert.CertificateException;

/**
 * A certificate chain failed verification, carrying OpenSSL's verify code and the depth of the
 * failing certificate (0 is the peer's own). Thrown by PemTLS's trust manager into the JSSE
 * handshake; PemTLS turns it into {@code SslCertVerificationError} for the caller.
 */
public final class VerificationFailure extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final VerifyCode code;
  private final int depth;
  private final String detail;

  public VerificationFailure(VerifyCode code, int depth, String detail) {
    this(code, depth, detail, null);
  }

  public VerificationFailure(VerifyCode code, int depth, String detail, Throwable cause) {
    super("certificate verify failed: " + code.message() + " (verify code " + code.code()
        + ", depth " + depth + (detail == null ? "" : ": " + detail) + ")", cause);
    this.code = code;
    this.depth = depth;
    this.detail = "depth " + depth + (detail == null ? "" : ": " + detail);
  }

  /** Where and why, without the code's text: "depth 0: issuer CN=x is not trusted". */
  public String detail() {
    return detail;
  }

  public VerifyCode code() {
    return code;
  }

  public int depth() {
    return depth;
  }
}
