package dev.pemtls.internal.jsse;

import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.List;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An {@link SSLSocket} over a caller's plain socket that forwards TLS queries and settings to the
 * TLS socket layered on it (once there is one) and socket options to the plain socket. {@link
 * PemSslSocket} adds what PemTLS does differently: connecting, handshakes, streams and unwrap.
 */
abstract class DelegatingSslSocket extends SSLSocket {
  /** The caller's plain socket under the TLS layer. */
  protected final java.net.Socket raw;

  DelegatingSslSocket(java.net.Socket raw) {
    this.raw = raw;
  }

  /** The TLS socket layered over {@link #raw}, or null before it is connected. */
  protected abstract SSLSocket tls();

  // --- TLS state, delegated ---

  @Override
  public SSLSession getSession() {
    SSLSocket s = tls();
    return s == null ? null : s.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    SSLSocket s = tls();
    return s == null ? null : s.getHandshakeSession();
  }

  @Override
  public String getApplicationProtocol() {
    SSLSocket s = tls();
    return s == null ? null : s.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    SSLSocket s = tls();
    return s == null ? null : s.getHandshakeApplicationProtocol();
  }

  @Override
  public SSLParameters getSSLParameters() {
    SSLSocket s = tls();
    return s == null ? new SSLParameters() : s.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    requireAttached().setSSLParameters(params);
  }

  /** The TLS socket; settings come from the context, so there must be one. */
  SSLSocket requireAttached() {
    SSLSocket s = tls();
    if (s == null) {
      throw new IllegalStateException("TLS settings come from the SslContext; the socket is "
          + "not connected yet");
    }
    return s;
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return requireAttached().getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return requireAttached().getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    requireAttached().setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return requireAttached().getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return requireAttached().getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    requireAttached().setEnabledProtocols(protocols);
  }

  @Override
  public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
    requireAttached().addHandshakeCompletedListener(listener);
  }

  @Override
  public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
    requireAttached().removeHandshakeCompletedListener(listener);
  }

  @Override
  public void setUseClientMode(boolean mode) {
    requireAttached().setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return requireAttached().getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    requireAttached().setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return requireAttached().getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    requireAttached().setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return requireAttached().getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    requireAttached().setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return requireAttached().getEnableSessionCreation();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(
      java.util.function.BiFunction<SSLSocket, List<String>, String> selector) {
    requireAttached().setHandshakeApplicationProtocolSelector(selector);
  }

  // --- plain socket state, from the caller's socket ---

  @Override
  public InetAddress getInetAddress() {
    return raw.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return raw.getLocalAddress();
  }

  @Override
  public int getPort() {
    return raw.getPort();
  }

  @Override
  public int getLocalPort() {
    return raw.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return raw.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return raw.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return null; // TLS bytes must not be read around the TLS layer
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    raw.setSoTimeout(timeout);
    SSLSocket s = tls();
    if (s != null) {
      s.setSoTimeout(timeout);
    }
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return raw.getSoTimeout();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    raw.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return raw.getTcpNoDelay();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    raw.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return raw.getKeepAlive();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    raw.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return raw.getSoLinger();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    raw.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return raw.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    raw.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return raw.getReceiveBufferSize();
  }

  @Override
  public boolean isConnected() {
    return raw.isConnected();
  }

  @Override
  public boolean isBound() {
    return raw.isBound();
  }

  @Override
  public boolean isClosed() {
    SSLSocket s = tls();
    return raw.isClosed() || (s != null && s.isClosed());
  }

  @Override
  public boolean isInputShutdown() {
    SSLSocket s = tls();
    return s != null ? s.isInputShutdown() : raw.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    SSLSocket s = tls();
    return s != null ? s.isOutputShutdown() : raw.isOutputShutdown();
  }

}
