package dev.pemtls.internal.jsse;

import dev.pemtls.internal.crypto.KeyLog;
import dev.pemtls.internal.crypto.Tls;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The BCJSSE context under one {@link ConfiguredSslContext}, built at its first use rather than
 * when the context is made. BCJSSE's context set-up (its cipher-suite table, the named-group and
 * signature-scheme probes) was about 100 ms of a fresh JVM's {@code SSLContext.getDefault()},
 * and many programs ask for the default context without ever connecting. What can be wrong in
 * the configuration (files, keys, the key matching its certificate) is checked before this, when
 * the managers are built; the managers are fixed here, so the context built later is the same.
 */
final class BcContext {
  private final KeyManager[] keyManagers;
  private final TrustManager[] trustManagers;
  private final SecureRandom random;
  private final KeyLog keyLog;
  private volatile SSLContext context;
  private volatile SSLSocketFactory socketFactory;

  /**
   * The arguments of {@code SSLContext.init}, kept for the first use (null as there), and the
   * key log its connections write to, or null.
   */
  BcContext(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random,
      KeyLog keyLog) {
    this.keyManagers = keyManagers == null ? null : keyManagers.clone();
    this.trustManagers = trustManagers == null ? null : trustManagers.clone();
    this.random = random;
    this.keyLog = keyLog;
  }

  /** The BCJSSE context, built on the first call. */
  SSLContext get() {
    SSLContext c = context;
    if (c == null) {
      synchronized (this) {
        c = context;
        if (c == null) {
          c = build();
          context = c;
        }
      }
    }
    return c;
  }

  /** Its client socket factory, one for the context's life. */
  SSLSocketFactory socketFactory() {
    SSLSocketFactory f = socketFactory;
    if (f == null) {
      f = get().getSocketFactory();
      socketFactory = f;
    }
    return f;
  }

  /** Whether the context exists yet: before, there are no sessions to forget. */
  boolean built() {
    return context != null;
  }

  private SSLContext build() {
    try {
      SSLContext bc = SSLContext.getInstance("TLS", Tls.jsseProvider());
      Tls.init(bc, keyManagers, trustManagers, random, keyLog);
      return bc;
    } catch (NoSuchAlgorithmException | KeyManagementException e) {
      throw new IllegalStateException("BCJSSE cannot create a TLS context: " + e, e);
    }
  }
}
