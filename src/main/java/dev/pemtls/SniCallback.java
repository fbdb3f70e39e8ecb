package dev.pemtls;

/**
 * Python's {@code SSLContext.sni_callback} (older Pythons' {@code set_servername_callback}):
 * called on the server side once per handshake, after the client's hello is read and before a
 * certificate is chosen, with the host name the client asked for.
 *
 * <p>To serve another identity for this connection, call {@link SniConnection#setContext} with
 * the context that holds it (Python: {@code sslsocket.context = other}). Return null to go on
 * (Python's {@code None}), or one of the {@code ALERT_DESCRIPTION_*} numbers to end the
 * handshake with that fatal alert. A number outside 0 to 255 ends it with {@code
 * internal_error}, as Python does for a return value it cannot use; an exception thrown ends it
 * with {@code handshake_failure}, as Python does (PemTLS logs the exception at WARNING on the
 * {@code dev.pemtls} logger, where Python prints it as unraisable).
 *
 * <p>It runs on the thread doing the handshake, and may be called for many connections at once.
 */
@FunctionalInterface
public interface SniCallback {
  /** Python's {@code ALERT_DESCRIPTION_HANDSHAKE_FAILURE} (40). */
  int ALERT_DESCRIPTION_HANDSHAKE_FAILURE = 40;
  /** Python's {@code ALERT_DESCRIPTION_ACCESS_DENIED} (49). */
  int ALERT_DESCRIPTION_ACCESS_DENIED = 49;
  /** Python's {@code ALERT_DESCRIPTION_INTERNAL_ERROR} (80). */
  int ALERT_DESCRIPTION_INTERNAL_ERROR = 80;
  /** Python's {@code ALERT_DESCRIPTION_UNRECOGNIZED_NAME} (112): no such host here. */
  int ALERT_DESCRIPTION_UNRECOGNIZED_NAME = 112;

  /**
   * Decides about one handshake.
   *
   * @param connection the connection being set up (Python's {@code SSLSocket} or {@code
   *     SSLObject} argument): its {@link SniConnection#context()} and {@link
   *     SniConnection#setContext}
   * @param serverName the host name the client sent as SNI, as sent (an internationalised name
   *     as its A-label, {@code xn--...}, as in Python 3.7+), or null when it sent none
   * @param context the context the callback is set on
   * @return null to go on, or the alert to end the handshake with
   * @throws Exception to end the handshake with {@code handshake_failure}
   */
  Integer call(SniConnection connection, String serverName, SslContext context) throws Exception;
}
