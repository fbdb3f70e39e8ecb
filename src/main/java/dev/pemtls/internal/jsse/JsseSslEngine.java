package dev.pemtls.internal.jsse;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A BCJSSE engine that keeps the settings and the JSSE contract, for the engine-based stacks
 * (Tomcat NIO, Jetty, Netty, gRPC, java.net.http.HttpClient):
 *
 * <ul>
 *   <li>what an application sets (modes, client-certificate requests, protocols, suites) is
 *       raised to the settings' floor at once ({@link SocketConfigurer#enforce(SSLEngine)}), and
 *       the host-name check follows the mode: on for a client, off for a server;
 *   <li>a failed handshake is an {@link javax.net.ssl.SSLHandshakeException} with PemTLS's
 *       message, not BCJSSE's {@code SSLException("org.bouncycastle.tls.TlsFatalAlert...")}.
 * </ul>
 *
 * <p>Frameworks that pick an ALPN helper by the engine's class name (Jetty's {@code
 * ALPNProcessor}s) see this class, not BCJSSE's; the standard Java 9 ALPN methods are passed on.
 */
final class JsseSslEngine extends SSLEngine {
  private final SSLEngine bc;
  private final SocketConfigurer configurer;
  /** Set once a first handshake finished: failures before it are handshake failures. */
  private volatile boolean established;

  JsseSslEngine(SSLEngine bc, SocketConfigurer configurer) {
    super(bc.getPeerHost(), bc.getPeerPort());
    this.bc = bc;
    this.configurer = configurer;
  }

  /** BCJSSE's engine inside. */
  SSLEngine bc() {
    return bc;
  }

  private SSLException mapped(SSLException e) {
    return JsseExceptions.engine(e, !established);
  }

  private SSLEngineResult seen(SSLEngineResult r) {
    if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED) {
      established = true;
    }
    return r;
  }

  @Override
  public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
      throws SSLException {
    try {
      return seen(bc.wrap(srcs, offset, length, dst));
    } catch (SSLException e) {
      throw mapped(e);
    }
  }

  @Override
  public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
      throws SSLException {
    try {
      return seen(bc.unwrap(src, dsts, offset, length));
    } catch (SSLException e) {
      throw mapped(e);
    }
  }

  @Override
  public void beginHandshake() throws SSLException {
    try {
      bc.beginHandshake();
    } catch (SSLException e) {
      throw mapped(e);
    }
  }

  @Override
  public Runnable getDelegatedTask() {
    return bc.getDelegatedTask();
  }

  @Override
  public void closeInbound() throws SSLException {
    try {
      bc.closeInbound();
    } catch (SSLException e) {
      throw JsseExceptions.engine(e, false);
    }
  }

  @Override
  public boolean isInboundDone() {
    return bc.isInboundDone();
  }

  @Override
  public void closeOutbound() {
    bc.closeOutbound();
  }

  @Override
  public boolean isOutboundDone() {
    return bc.isOutboundDone();
  }

  @Override
  public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
    return bc.getHandshakeStatus();
  }

  // --- settings: passed on, then raised to the floor ---

  @Override
  public String[] getSupportedCipherSuites() {
    return bc.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return bc.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    bc.setEnabledCipherSuites(suites);
    configurer.enforce(bc);
  }

  @Override
  public String[] getSupportedProtocols() {
    return bc.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return bc.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    bc.setEnabledProtocols(protocols);
    configurer.enforce(bc);
  }

  @Override
  public void setUseClientMode(boolean mode) {
    bc.setUseClientMode(mode);
    configurer.modeChanged(bc);
  }

  @Override
  public boolean getUseClientMode() {
    return bc.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    bc.setNeedClientAuth(need);
    configurer.enforce(bc);
  }

  @Override
  public boolean getNeedClientAuth() {
    return bc.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    bc.setWantClientAuth(want);
    configurer.enforce(bc);
  }

  @Override
  public boolean getWantClientAuth() {
    return bc.getWantClientAuth();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return bc.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    bc.setSSLParameters(params);
    configurer.enforce(bc);
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    bc.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return bc.getEnableSessionCreation();
  }

  // --- state, passed on ---

  @Override
  public SSLSession getSession() {
    return bc.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return bc.getHandshakeSession();
  }

  @Override
  public String getApplicationProtocol() {
    return bc.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return bc.getHandshakeApplicationProtocol();
  }

  /** The selector sees this engine, as it would on SunJSSE, not the BCJSSE one inside. */
  @Override
  public void setHandshakeApplicationProtocolSelector(
      BiFunction<SSLEngine, List<String>, String> selector) {
    handshakeSelector = selector;
    bc.setHandshakeApplicationProtocolSelector(
        selector == null ? null : (engine, offered) -> selector.apply(this, offered));
  }

  private volatile BiFunction<SSLEngine, List<String>, String> handshakeSelector;

  @Override
  public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return handshakeSelector;
  }

  @Override
  public String toString() {
    return "PemTLS " + bc;
  }
}
