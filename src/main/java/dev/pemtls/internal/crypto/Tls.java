package dev.pemtls.internal.crypto;

import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * The single place that decides which crypto BCJSSE runs on: the JDK's providers first, the
 * private BouncyCastle instance for the rest (see {@link JdkFirstJcaJceHelper}).
 *
 * <p>The BCJSSE provider made here is private to PemTLS and never registered JVM-wide.
 */
public final class Tls {
  private Tls() {}

  /** Keeps BCJSSE's logger configured; java.util.logging holds loggers weakly. */
  private static final Logger BCJSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");

  private static final class Holder {
    static final Provider JSSE = create();

    private static Provider create() {
      // BCJSSE logs its property look-ups at INFO and harmless config quirks at WARNING on
      // every start. Quiet it unless the user configured that logger explicitly.
      if (BCJSSE_LOG.getLevel() == null) {
        BCJSSE_LOG.setLevel(Level.SEVERE);
      }
      return new BouncyCastleJsseProvider(false, new CryptoProvider());
    }
  }

  /**
   * Initialises {@code context} (one of {@link #jsseProvider()}'s) with the given managers, on
   * crypto that writes each connection's secrets to {@code keyLog}; with a null {@code keyLog},
   * as {@code context.init(km, tm, random)}. BCJSSE makes a context's crypto inside {@code
   * init}, on the calling thread: the key log reaches it from there.
   */
  public static void init(SSLContext context, KeyManager[] km, TrustManager[] tm,
      SecureRandom random, KeyLog keyLog) throws KeyManagementException {
    if (keyLog == null) {
      context.init(km, tm, random);
      return;
    }
    CryptoProvider.KEY_LOG.set(keyLog);
    try {
      context.init(km, tm, random);
    } finally {
      CryptoProvider.KEY_LOG.remove();
    }
  }

  /** The BCJSSE provider running on the JDK's crypto, created on first use. */
  public static Provider jsseProvider() {
    return Holder.JSSE;
  }

  /**
   * Builds BCJSSE's crypto from {@link JdkFirstJcaJceHelper}. A null SecureRandom (as in {@code
   * SSLContext.init(km, tm, null)}) means the JDK's default one: BCJSSE would otherwise ask for
   * "DEFAULT", which only BouncyCastle's own provider defines.
   */
  private static final class CryptoProvider extends JcaTlsCryptoProvider {
    /** The key log of the context {@link Tls#init} initialises on this thread, if any. */
    static final ThreadLocal<KeyLog> KEY_LOG = new ThreadLocal<>();

    private final JdkFirstJcaJceHelper helper = new JdkFirstJcaJceHelper();

    @Override
    public JcaJceHelper getHelper() {
      return helper;
    }

    @Override
    public JcaTlsCrypto create(SecureRandom random) {
      SecureRandom r = random != null ? random : new SecureRandom();
      return create(r, r);
    }

    @Override
    public JcaTlsCrypto create(SecureRandom keyRandom, SecureRandom nonceRandom) {
      SecureRandom k = keyRandom != null ? keyRandom : new SecureRandom();
      SecureRandom n = nonceRandom != null ? nonceRandom : k;
      KeyLog keyLog = KEY_LOG.get();
      return keyLog == null ? new PemTlsCrypto(helper, k, n)
          : new KeyLoggingCrypto(helper, k, n, keyLog);
    }
  }
}
