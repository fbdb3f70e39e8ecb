package dev.pemtls.internal.jsse;

import dev.pemtls.SslError;
import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.tls.TlsException;

/**
 * BCJSSE's sockets throw its own {@code TlsException}s (plain {@code IOException}s) where JSSE
 * code expects {@code javax.net.ssl} exceptions. That difference is not cosmetic: HTTP clients
 * retry plain I/O errors but not {@code SSLException}s, and OkHttp gives up on a handshake only
 * for an {@link SSLHandshakeException} caused by a {@link CertificateException}. These methods
 * restore the JSSE contract, with PemTLS's Python-shaped message ({@code [SSL:
 * CERTIFICATE_VERIFY_FAILED] certificate verify failed: hostname mismatch (...)}).
 */
final class JsseExceptions {
  private JsseExceptions() {}

  /** Whether {@code e} is one BCJSSE raised instead of a javax.net.ssl exception. */
  static boolean needsMapping(IOException e) {
    if (e instanceof SSLException) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsException || t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failed handshake as {@link SSLHandshakeException}; its cause is the {@link
   * CertificateException} when the peer's certificate was rejected, else the original error.
   */
  static IOException handshake(IOException e) {
    if (!needsMapping(e)) {
      return e;
    }
    SslError python = Errors.translate(e);
    SSLHandshakeException mapped = new SSLHandshakeException(python.getMessage());
    mapped.initCause(certificateCause(e) != null ? certificateCause(e) : e);
    return mapped;
  }

  /** A failure after the handshake (a bad record, an alert) as {@link SSLException}. */
  static IOException connection(IOException e) {
    return needsMapping(e) ? new SSLException(Errors.translate(e).getMessage(), e) : e;
  }

  /**
   * An engine's failure. BCJSSE's engines wrap its {@code TlsException}s in a plain {@link
   * SSLException} whose message is the BouncyCastle type ({@code
   * org.bouncycastle.tls.TlsFatalAlertReceived: certificate_required(116)}); JSSE users expect
   * an {@link SSLHandshakeException} for a failed handshake, with a message they can read.
   *
   * @param handshaking whether the engine had not finished its first handshake
   */
  static SSLException engine(SSLException e, boolean handshaking) {
    if (!fromBouncyCastle(e)) {
      return e;
    }
    SslError python = Errors.translate(e);
    SSLException mapped = handshaking ? new SSLHandshakeException(python.getMessage())
        : new SSLException(python.getMessage());
    CertificateException certificate = certificateCause(e);
    mapped.initCause(certificate != null ? certificate : e.getCause() != null ? e.getCause() : e);
    return mapped;
  }

  private static boolean fromBouncyCastle(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsException || t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static CertificateException certificateCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return (CertificateException) t;
      }
    }
    return null;
  }
}
