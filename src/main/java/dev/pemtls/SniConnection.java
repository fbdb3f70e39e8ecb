package dev.pemtls;

import java.util.Objects;
import javax.net.ssl.SSLSession;

/**
 * The connection an {@link SniCallback} decides about: Python's {@code SSLSocket} (or {@code
 * SSLObject}) argument of {@code sni_callback}, with the one attribute that callback uses, {@code
 * context}.
 *
 * <p>Setting another context switches this connection to that context's identities (its
 * certificate chains and keys, one per key type, as loaded with {@link
 * SslContext#loadCertChain}). Everything else stays the listening context's: verify mode,
 * trusted CAs, ciphers, versions, ALPN. OpenSSL, under Python, also keeps the verify mode and
 * options of the first context ({@code SSL_set_SSL_CTX}).
 */
public final class SniConnection {
  private final SSLSession handshake;
  private volatile SslContext context;

  SniConnection(SslContext context, SSLSession handshake) {
    this.context = context;
    this.handshake = handshake;
  }

  /** Python's {@code SSLSocket.context}: the context whose identity this connection presents. */
  public SslContext context() {
    return context;
  }

  /**
   * Python's {@code SSLSocket.context = ctx}: presents {@code ctx}'s identities on this
   * connection instead, as loaded in {@code ctx} now. A context with none leaves the
   * handshake without a certificate, so it fails.
   */
  public void setContext(SslContext ctx) {
    context = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * The handshake in progress (a Java addition): its requested server names, the peer's host;
   * null when the TLS stack gives none. Only what the client's hello set is meaningful yet.
   */
  public SSLSession handshakeSession() {
    return handshake;
  }

  @Override
  public String toString() {
    return "SniConnection[" + context + "]";
  }
}
