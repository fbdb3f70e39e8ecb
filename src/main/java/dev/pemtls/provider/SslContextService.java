package dev.pemtls.provider;

import dev.pemtls.internal.config.Configured;
import dev.pemtls.TlsVersion;
import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.Settings;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The provider's {@code SSLContext} implementation. {@code "Default"} is ready at once with the
 * config's managers; the others wait for {@code init(km, tm, random)}, which uses the managers it
 * is given and the config's in place of null ones. Protocols, cipher suites, the verify modes'
 * socket settings, and the host-name check always come from the config; a versioned context
 * ({@code "TLSv1.2"}) also caps the protocols at its version.
 */
final class SslContextService extends SSLContextSpi {
  private final Configured config;
  private final boolean isDefault;
  private final TlsVersion cap;
  private volatile SSLContext delegate;

  /**
   * @param cap the highest version this context may enable, or null for the config's
   */
  SslContextService(Configured config, boolean isDefault, TlsVersion cap) {
    this.config = config;
    this.isDefault = isDefault;
    this.cap = cap;
    if (isDefault) {
      delegate = config.defaultContext();
    }
  }

  @Override
  protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
      throws KeyManagementException {
    if (isDefault) {
      // As SunJSSE: the default context is initialised from its configuration alone.
      throw new KeyManagementException("Default SSLContext is initialized automatically");
    }
    Settings settings = capped(config.settings());
    delegate = ConfiguredSslContext.create(settings,
        km != null ? km : config.keyManagers(), tm != null ? tm : config.trustManagers(), random);
  }

  private Settings capped(Settings s) throws KeyManagementException {
    if (cap == null) {
      return s;
    }
    List<String> kept = new ArrayList<>();
    for (String p : s.protocols()) {
      if (TlsVersion.fromJsseName(p).wireValue() <= cap.wireValue()) {
        kept.add(p);
      }
    }
    if (kept.isEmpty()) {
      throw new KeyManagementException("SSLContext " + cap.jsseName() + " enables none of the "
          + "configured protocols " + s.protocols() + " (minimum_version in "
          + config.config().origin("minimum_version") + "); use SSLContext \"TLS\" or lower "
          + "minimum_version");
    }
    return s.withProtocols(kept);
  }

  private SSLContext context() {
    SSLContext d = delegate;
    if (d == null) {
      throw new IllegalStateException("SSLContext is not initialized; call init(km, tm, random)"
          + " first (null arguments use the PemTLS config)");
    }
    return d;
  }

  @Override
  protected SSLSocketFactory engineGetSocketFactory() {
    return context().getSocketFactory();
  }

  @Override
  protected SSLServerSocketFactory engineGetServerSocketFactory() {
    return context().getServerSocketFactory();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine() {
    return context().createSSLEngine();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine(String host, int port) {
    return context().createSSLEngine(host, port);
  }

  @Override
  protected SSLSessionContext engineGetServerSessionContext() {
    return context().getServerSessionContext();
  }

  @Override
  protected SSLSessionContext engineGetClientSessionContext() {
    return context().getClientSessionContext();
  }

  @Override
  protected SSLParameters engineGetDefaultSSLParameters() {
    return context().getDefaultSSLParameters();
  }

  @Override
  protected SSLParameters engineGetSupportedSSLParameters() {
    return context().getSupportedSSLParameters();
  }
}
