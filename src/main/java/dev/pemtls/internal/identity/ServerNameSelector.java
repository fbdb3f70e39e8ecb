package dev.pemtls.internal.identity;

import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;

/**
 * The server side's choice of identity by the name the client asked for (SNI): what Python's
 * {@code sni_callback} decides. {@link IdentityKeyManager} asks once per handshake, before it
 * picks a key, and presents what this returns.
 */
@FunctionalInterface
public interface ServerNameSelector {
  /**
   * The identities to present for one handshake.
   *
   * @param serverName the host name of the client's server_name extension (ASCII, as sent), or
   *     null when the client sent none
   * @param handshake the handshake in progress (its requested names, peer host), or null when
   *     the TLS stack gives none
   * @return the identities, most preferred first (empty: none, so the handshake fails), or null
   *     to present the context's own
   * @throws Abort to end the handshake with a fatal alert
   */
  List<? extends Supplier<Identity>> select(String serverName, SSLSession handshake);

  /** Ends the handshake with the fatal alert {@code description} (RFC 8446's numbers). */
  final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int description;

    public Abort(int description, String message, Throwable cause) {
      super(message, cause);
      this.description = description;
    }

    /** The alert to send, 0 to 255. */
    public int description() {
      return description;
    }
  }
}
