package dev.pemtls.internal.jsse;

import dev.pemtls.internal.crypto.Tls;
import dev.pemtls.internal.identity.IdentityKeyManager;
import dev.pemtls.internal.trust.PemTrustManager;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A standard {@link SSLContext} built from one {@link Settings}: BCJSSE on the JDK's crypto,
 * with PemTLS's key and trust managers, whose socket factories, server socket factories and
 * engines all come out with the settings' protocols, cipher suites, client-certificate request
 * and host-name check applied. This is what {@code SslContext.sslContext()} hands to HttpClient,
 * OkHttp, Netty or Jetty.
 */
public final class ConfiguredSslContext extends SSLContext {
  private ConfiguredSslContext(Spi spi, String protocol) {
    super(spi, Tls.jsseProvider(), protocol);
  }

  /** Builds the context; the settings are fixed from here on. */
  public static ConfiguredSslContext create(Settings settings) {
    return create(settings, keyManagers(settings), trustManagers(settings), new SecureRandom());
  }

  /**
   * Builds the context with the given managers instead of those of the settings; everything else
   * (protocols, suites, client-certificate request, host-name check, ALPN) comes from {@code
   * settings}. This is how the provider honours {@code SSLContext.init(km, tm, random)}.
   *
   * @param random null for the JDK's default {@link SecureRandom}
   */
  public static ConfiguredSslContext create(Settings settings, KeyManager[] km, TrustManager[] tm,
      SecureRandom random) {
    BcContext bc = new BcContext(km, tm, random != null ? random : new SecureRandom(),
        settings.keyLog());
    Spi spi = new Spi(bc, new SocketConfigurer(settings));
    // A reload must reach resumed sessions too: one made under a CA since removed, or with
    // the previous certificate, is never resumed after the change.
    settings.liveTrust().onChange(spi.forgetSessions);
    for (dev.pemtls.internal.reload.Live<?> identity : settings.identities()) {
      identity.onChange(spi.forgetSessions);
    }
    return new ConfiguredSslContext(spi, "TLS");
  }

  /**
   * The key manager presenting the settings' identities (one per key type, and by SNI when a
   * selector is set); none when no identity is loaded and none is chosen by SNI. It follows the
   * live identities: each handshake presents the ones current at its start.
   */
  public static KeyManager[] keyManagers(Settings settings) {
    return settings.hasIdentity() || settings.serverNames() != null
        ? new KeyManager[] {new IdentityKeyManager(settings.identities(),
            settings.serverNames())}
        : new KeyManager[0];
  }

  /**
   * The trust manager applying the settings' trust store and client-side verify mode; it follows
   * the live trust store as the key manager follows the identity.
   */
  public static TrustManager[] trustManagers(Settings settings) {
    return new TrustManager[] {new PemTrustManager(settings.liveTrust(), settings.verifyMode(),
        settings.verifyFlags(), settings.securityLevel(), settings.hostnameChecksCommonName())};
  }

  /**
   * The BCJSSE socket under one of this context's client sockets: PemTLS's own socket types
   * ({@code wrapSocket}'s) layer on it directly and map its errors themselves.
   */
  public static SSLSocket bcjsseSocket(java.net.Socket socket) {
    return socket instanceof JsseSslSocket ? ((JsseSslSocket) socket).tls() : (SSLSocket) socket;
  }

  /** BCJSSE's engine under one of this context's engines (or {@code engine} itself). */
  public static SSLEngine bcEngine(SSLEngine engine) {
    return engine instanceof JsseSslEngine ? ((JsseSslEngine) engine).bc() : engine;
  }

  /** Offers {@code session} for a client engine to resume. */
  public static void offerSession(SSLEngine engine, org.bouncycastle.jsse.BCExtendedSSLSession
      session) {
    ((org.bouncycastle.jsse.BCSSLEngine) bcEngine(engine)).setBCSessionToResume(session);
  }

  /**
   * A session BCJSSE cannot resume, to offer when the caller passed none: a client then never
   * picks a cached session by host and port on its own, as Python's never does. BCJSSE takes only
   * its own session objects; an unconnected socket's is such a one, with no TLS session inside.
   */
  public static org.bouncycastle.jsse.BCExtendedSSLSession noSession() {
    return NoSession.SESSION;
  }

  private static final class NoSession {
    static final org.bouncycastle.jsse.BCExtendedSSLSession SESSION = make();

    private static org.bouncycastle.jsse.BCExtendedSSLSession make() {
      // nothing loaded: no keys, no trust, no key log
      return unconnectedSession(new BcContext(new KeyManager[0], new TrustManager[0],
          new SecureRandom(), null).get());
    }

    private static org.bouncycastle.jsse.BCExtendedSSLSession unconnectedSession(SSLContext bc) {
      try (java.net.Socket unconnected = bc.getSocketFactory().createSocket()) {
        org.bouncycastle.jsse.BCExtendedSSLSession s =
            ((org.bouncycastle.jsse.BCSSLSocket) unconnected).getBCSession();
        if (s.isValid() || s.getId().length != 0) {
          throw new IllegalStateException("BCJSSE gave a real session for an unconnected socket");
        }
        return s;
      } catch (java.io.IOException e) {
        throw new IllegalStateException("BCJSSE cannot make an unconnected socket: " + e, e);
      }
    }
  }

  /**
   * BCJSSE's connection under one of this context's engines, for what only BCJSSE tells
   * (channel bindings); null before the handshake or for an engine from elsewhere.
   */
  public static org.bouncycastle.jsse.BCSSLConnection connection(SSLEngine engine) {
    SSLEngine bc = engine instanceof JsseSslEngine ? ((JsseSslEngine) engine).bc() : engine;
    return bc instanceof org.bouncycastle.jsse.BCSSLEngine
        ? ((org.bouncycastle.jsse.BCSSLEngine) bc).getConnection() : null;
  }

  /**
   * Delegates to BCJSSE and configures whatever it creates. The BCJSSE context is built at the
   * first call that needs it ({@link BcContext}).
   */
  private static final class Spi extends SSLContextSpi {
    private final BcContext bc;
    private final SocketConfigurer configurer;
    /** Held here so that the live values' weak registration lasts as long as this context. */
    final Runnable forgetSessions;

    Spi(BcContext bc, SocketConfigurer configurer) {
      this.bc = bc;
      this.configurer = configurer;
      this.forgetSessions = () -> {
        if (bc.built()) {
          invalidateAll(bc.get().getServerSessionContext());
          invalidateAll(bc.get().getClientSessionContext());
        }
      };
    }

    private static void invalidateAll(SSLSessionContext sessions) {
      if (sessions == null) {
        return;
      }
      for (java.util.Enumeration<byte[]> ids = sessions.getIds(); ids.hasMoreElements(); ) {
        javax.net.ssl.SSLSession s = sessions.getSession(ids.nextElement());
        if (s != null) {
          s.invalidate();
        }
      }
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
      throw new IllegalStateException("this context is already initialised from its settings");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new ConfiguredSocketFactory(bc, configurer);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return new ConfiguredServerSocketFactory(bc, configurer);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return new JsseSslEngine(configurer.configure(bc.get().createSSLEngine()), configurer);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return new JsseSslEngine(configurer.configure(bc.get().createSSLEngine(host, port)),
          configurer);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return bc.get().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return bc.get().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return configurer.parameters(bc.get().getDefaultSSLParameters());
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return bc.get().getSupportedSSLParameters();
    }
  }
}
