package dev.pemtls.internal.crypto;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.AbstractTlsSecret;

/**
 * {@link PemTlsCrypto} for a context with a key log: BCJSSE exposes no connection secrets, but
 * they all pass through its crypto, and this one writes them in NSS's key-log format.
 *
 * <ul>
 *   <li>The TLS 1.3 secrets are {@link KeyLoggingSecret}s from {@link #hkdfInit} on, which carry
 *       their derivation label. BCJSSE asks for a record cipher ({@link #createCipher}) right
 *       after deriving each pair of traffic secrets, with the connection's parameters: the
 *       handshake traffic secrets are logged there, and the master secret is bound to the
 *       connection's client random, so that the application traffic secrets and the exporter
 *       secret derived from it afterwards are logged as they are made.
 *   <li>Before TLS 1.3, the master secret is complete when the record cipher is made (also for a
 *       resumed session): {@code CLIENT_RANDOM} is logged there.
 * </ul>
 *
 * <p>A context without a key log gets a plain {@link PemTlsCrypto}: no wrapper, no cost.
 */
final class KeyLoggingCrypto extends PemTlsCrypto {
  private final KeyLog log;

  KeyLoggingCrypto(JdkFirstJcaJceHelper helper, SecureRandom keyRandom, SecureRandom nonceRandom,
      KeyLog log) {
    super(helper, keyRandom, nonceRandom);
    this.log = log;
  }

  @Override
  public TlsSecret hkdfInit(int cryptoHashAlgorithm) {
    return adopt(super.hkdfInit(cryptoHashAlgorithm));
  }

  @Override
  public TlsSecret createSecret(byte[] data) {
    return adopt(super.createSecret(data));
  }

  private TlsSecret adopt(TlsSecret secret) {
    return new KeyLoggingSecret(this, secret.extract(), null);
  }

  @Override
  public TlsCipher createCipher(TlsCryptoParameters params, int encryptionAlgorithm,
      int macAlgorithm) throws IOException {
    SecurityParameters sp = params.getSecurityParametersHandshake();
    byte[] clientRandom = sp.getClientRandom();
    if (TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
      for (TlsSecret traffic : new TlsSecret[] {sp.getTrafficSecretServer(),
          sp.getTrafficSecretClient()}) {
        if (traffic instanceof KeyLoggingSecret) {
          ((KeyLoggingSecret) traffic).logOnce(log, clientRandom);
        }
      }
      if (sp.getMasterSecret() instanceof KeyLoggingSecret) {
        ((KeyLoggingSecret) sp.getMasterSecret()).bind(log, clientRandom);
      }
    } else if (sp.getMasterSecret() instanceof AbstractTlsSecret) {
      log.write("CLIENT_RANDOM", clientRandom,
          KeyLoggingSecret.copy((AbstractTlsSecret) sp.getMasterSecret()));
    }
    return super.createCipher(params, encryptionAlgorithm, macAlgorithm);
  }
}
