package dev.pemtls.internal.jsse;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslCertVerificationError;
import dev.pemtls.SslEofError;
import dev.pemtls.SslError;
import dev.pemtls.internal.trust.VerificationFailure;
import java.io.IOException;
import java.util.Map;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;

/**
 * Turns BCJSSE's exceptions into Python-shaped {@link SslError}s: a failed verification on this
 * side into {@link SslCertVerificationError} with OpenSSL's verify code, an alert from the peer
 * into OpenSSL's reason for it ({@code SSLV3_ALERT_BAD_CERTIFICATE}, {@code
 * TLSV1_ALERT_UNKNOWN_CA}, ...), a TCP EOF without close_notify into {@code
 * UNEXPECTED_EOF_WHILE_READING}.
 */
public final class Errors {
  private Errors() {}

  /** OpenSSL's reason codes for alerts received from the peer (ssl/ssl_err.c). */
  private static final Map<Short, String> RECEIVED = Map.ofEntries(
      Map.entry(AlertDescription.unexpected_message, "SSLV3_ALERT_UNEXPECTED_MESSAGE"),
      Map.entry(AlertDescription.bad_record_mac, "SSLV3_ALERT_BAD_RECORD_MAC"),
      Map.entry(AlertDescription.handshake_failure, "SSLV3_ALERT_HANDSHAKE_FAILURE"),
      Map.entry(AlertDescription.bad_certificate, "SSLV3_ALERT_BAD_CERTIFICATE"),
      Map.entry(AlertDescription.unsupported_certificate, "SSLV3_ALERT_UNSUPPORTED_CERTIFICATE"),
      Map.entry(AlertDescription.certificate_revoked, "SSLV3_ALERT_CERTIFICATE_REVOKED"),
      Map.entry(AlertDescription.certificate_expired, "SSLV3_ALERT_CERTIFICATE_EXPIRED"),
      Map.entry(AlertDescription.certificate_unknown, "SSLV3_ALERT_CERTIFICATE_UNKNOWN"),
      Map.entry(AlertDescription.illegal_parameter, "SSLV3_ALERT_ILLEGAL_PARAMETER"),
      Map.entry(AlertDescription.unknown_ca, "TLSV1_ALERT_UNKNOWN_CA"),
      Map.entry(AlertDescription.access_denied, "TLSV1_ALERT_ACCESS_DENIED"),
      Map.entry(AlertDescription.decode_error, "TLSV1_ALERT_DECODE_ERROR"),
      Map.entry(AlertDescription.decrypt_error, "TLSV1_ALERT_DECRYPT_ERROR"),
      Map.entry(AlertDescription.protocol_version, "TLSV1_ALERT_PROTOCOL_VERSION"),
      Map.entry(AlertDescription.insufficient_security, "TLSV1_ALERT_INSUFFICIENT_SECURITY"),
      Map.entry(AlertDescription.internal_error, "TLSV1_ALERT_INTERNAL_ERROR"),
      Map.entry(AlertDescription.user_canceled, "TLSV1_ALERT_USER_CANCELLED"),
      Map.entry(AlertDescription.unrecognized_name, "TLSV1_UNRECOGNIZED_NAME"),
      Map.entry(AlertDescription.certificate_required, "TLSV13_ALERT_CERTIFICATE_REQUIRED"),
      Map.entry(AlertDescription.no_application_protocol, "TLSV1_ALERT_NO_APPLICATION_PROTOCOL"),
      Map.entry(AlertDescription.missing_extension, "TLSV13_ALERT_MISSING_EXTENSION"));

  /** The Python-shaped error for an I/O failure on a TLS connection; SslErrors pass through. */
  public static SslError translate(IOException e) {
    if (e instanceof SslError) {
      return (SslError) e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof VerificationFailure) { // BCJSSE wraps it in its own alert: look deep
        VerificationFailure f = (VerificationFailure) t;
        return new SslCertVerificationError(f.code().code(), f.code().message(), f.detail(), e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsFatalAlertReceived) {
        short alert = ((TlsFatalAlertReceived) t).getAlertDescription();
        String reason = RECEIVED.getOrDefault(alert, "TLSV1_ALERT_" + alert);
        return new SslError("SSL", reason, reason.toLowerCase(java.util.Locale.ROOT)
            .replace('_', ' ') + " (alert " + AlertDescription.getText(alert)
            + " from the peer)", e);
      }
      if (t instanceof TlsNoCloseNotifyException) {
        return unexpectedEof(e);
      }
      if (t instanceof TlsFatalAlert) {
        TlsFatalAlert a = (TlsFatalAlert) t;
        String msg = String.valueOf(a.getMessage());
        if (msg.contains("no selectable cipher suite") || msg.contains("no shared cipher")) {
          return Reason.SSL_NO_SHARED_CIPHER.error("no shared cipher: " + msg, e);
        }
        if (a.getAlertDescription() == AlertDescription.bad_record_mac) {
          // A record from the peer failed its authentication here (OpenSSL's receiving side)
          return Reason.SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC.error(
              "decryption failed or bad record mac: a record from the peer did not authenticate "
                  + "(corrupted or altered in transit)", e);
        }
        if (a.getAlertDescription() == AlertDescription.protocol_version) {
          return Reason.SSL_UNSUPPORTED_PROTOCOL.error("unsupported protocol: " + msg, e);
        }
        return new SslError("SSL", AlertDescription.getName(a.getAlertDescription())
            .toUpperCase(java.util.Locale.ROOT), msg, e);
      }
    }
    return Reason.SSL_SSL_ERROR.error(String.valueOf(e.getMessage()), e);
  }

  /** Python's SSLEOFError for a transport that ended without close_notify. */
  public static SslEofError unexpectedEof(Throwable cause) {
    return new SslEofError("EOF occurred in violation of protocol: the peer closed the "
        + "connection without close_notify", cause);
  }

  /** Whether {@code e} (or a cause) is a TCP EOF that arrived without close_notify. */
  public static boolean isRaggedEof(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsNoCloseNotifyException) {
        return true;
      }
    }
    return false;
  }
}
