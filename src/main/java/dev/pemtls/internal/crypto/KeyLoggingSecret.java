package dev.pemtls.internal.crypto;

import dev.pemtls.SslError;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.AbstractTlsSecret;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JceTlsSecret;

/**
 * A BCJSSE secret that remembers which TLS 1.3 label it was derived under, so that {@link
 * KeyLoggingCrypto} can log the traffic secrets, and that, once bound to a connection's key log
 * and client random, logs the key-log secrets derived from it (the application traffic secrets
 * and the exporter secret come from the master secret after its connection is known).
 *
 * <p>BCJSSE derives every TLS 1.3 secret from the one {@link JcaTlsCrypto#hkdfInit} returns, by
 * {@code hkdfExtract} and {@code hkdfExpand} (whose {@code info} is the HkdfLabel of RFC 8446,
 * 7.1, naming the label). Each derivation here returns a {@code KeyLoggingSecret} again, so the
 * whole tree of a handshake is made of them. Only contexts with a key log use this class.
 */
final class KeyLoggingSecret extends JceTlsSecret {
  private static final String TLS13 = "tls13 ";

  /** The NSS label for this secret's TLS 1.3 derivation label, or null when none is logged. */
  private final String nssLabel;
  private volatile KeyLog log;
  private volatile byte[] clientRandom;
  private boolean logged;

  KeyLoggingSecret(JcaTlsCrypto crypto, byte[] data, String nssLabel) {
    super(crypto, data);
    this.nssLabel = nssLabel;
  }

  /** The key-log label of RFC 8446's derivation label (NSS's names), or null. */
  static String nssLabel(String tls13Label) {
    switch (tls13Label) {
      case "c hs traffic":
        return "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
      case "s hs traffic":
        return "SERVER_HANDSHAKE_TRAFFIC_SECRET";
      case "c ap traffic":
        return "CLIENT_TRAFFIC_SECRET_0";
      case "s ap traffic":
        return "SERVER_TRAFFIC_SECRET_0";
      case "exp master":
        return "EXPORTER_SECRET";
      default:
        return null;
    }
  }

  /** The label inside an HkdfLabel ({@code uint16 length, opaque label<7..255>, ...}), or "". */
  static String tls13Label(byte[] info) {
    if (info.length < 3) {
      return "";
    }
    int n = info[2] & 0xff;
    if (3 + n > info.length || n < TLS13.length()) {
      return "";
    }
    String label = new String(info, 3, n, StandardCharsets.US_ASCII);
    return label.startsWith(TLS13) ? label.substring(TLS13.length()) : "";
  }

  /**
   * Writes this secret's line once, for the connection of {@code clientRandom}, when it is a
   * secret the key log holds.
   */
  synchronized void logOnce(KeyLog to, byte[] random) throws SslError {
    if (nssLabel == null || logged || data == null) {
      return;
    }
    logged = true;
    to.write(nssLabel, random, data.clone());
  }

  /** From now on the key-log secrets derived from this one are logged for {@code random}. */
  void bind(KeyLog to, byte[] random) {
    clientRandom = random.clone();
    log = to;
  }

  private TlsSecret adopt(TlsSecret derived, String label) {
    if (derived instanceof KeyLoggingSecret) {
      return derived;
    }
    return new KeyLoggingSecret(crypto, derived.extract(), label);
  }

  @Override
  public TlsSecret hkdfExpand(int cryptoHashAlgorithm, byte[] info, int length) {
    KeyLoggingSecret derived = (KeyLoggingSecret) adopt(
        super.hkdfExpand(cryptoHashAlgorithm, info, length), nssLabel(tls13Label(info)));
    KeyLog to = log;
    if (to != null) {
      try {
        derived.logOnce(to, clientRandom);
      } catch (SslError e) {
        throw new UncheckedIOException(e.getMessage(), e); // BCJSSE: an internal_error alert
      }
    }
    return derived;
  }

  @Override
  public TlsSecret hkdfExtract(int cryptoHashAlgorithm, TlsSecret ikm) {
    return adopt(super.hkdfExtract(cryptoHashAlgorithm, ikm), null);
  }

  @Override
  public TlsSecret deriveUsingPRF(int prfAlgorithm, String label, byte[] seed, int length) {
    return adopt(super.deriveUsingPRF(prfAlgorithm, label, seed, length), null);
  }

  /** A copy of any BCJSSE secret's bytes (the TLS 1.2 master secret is not one of these). */
  static byte[] copy(AbstractTlsSecret secret) {
    return copyData(secret);
  }
}
