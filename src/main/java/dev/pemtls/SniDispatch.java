package dev.pemtls;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.ServerNameSelector;
import dev.pemtls.internal.reload.Live;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSession;

/** Runs a context's {@link SniCallback} for the key manager, with Python's outcomes. */
final class SniDispatch implements ServerNameSelector {
  private static final Logger LOG = Logger.getLogger("dev.pemtls");

  private final SslContext owner;
  private final SniCallback callback;

  SniDispatch(SslContext owner, SniCallback callback) {
    this.owner = owner;
    this.callback = callback;
  }

  @Override
  public List<Live<Identity>> select(String serverName, SSLSession handshake) {
    SniConnection connection = new SniConnection(owner, handshake);
    Integer alert;
    try {
      alert = callback.call(connection, serverName, owner);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "PemTLS: the sni_callback failed for server name " + serverName
          + "; the handshake ends with handshake_failure", e);
      throw new Abort(SniCallback.ALERT_DESCRIPTION_HANDSHAKE_FAILURE, "sni_callback failed: "
          + e, e);
    }
    if (alert != null) {
      int description = alert >= 0 && alert <= 255 ? alert
          : SniCallback.ALERT_DESCRIPTION_INTERNAL_ERROR;
      throw new Abort(description, "sni_callback returned alert " + alert + " for server name "
          + serverName, null);
    }
    SslContext chosen = connection.context();
    return chosen == owner ? null : chosen.identities();
  }
}
