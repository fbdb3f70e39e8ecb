package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server sockets of {@code sslContext()} (and so of the provider): a plain server socket
 * whose accepted connections are layered with BCJSSE in server mode, as {@code wrapSocket(...,
 * serverSide=true)} layers them. Layering instead of BCJSSE's own server socket gives every
 * accepted connection what wrapSocket's have: the handshake deadline (closing the plain socket
 * ends a stalled handshake at once), the ClientHello read first by {@link ClientHelloRecorder},
 * and JSSE's exception contract ({@link JsseSslSocket}). What an application sets here is kept
 * and handed to each accepted socket, then raised to the configuration's floor ({@link Floor}).
 */
final class LayeredServerSocket extends SSLServerSocket {
  private final ServerSocket plain;
  private final SSLSocketFactory bc;
  private final SocketConfigurer configurer;
  private final String[] supportedProtocols;
  private SSLParameters params;
  private boolean clientMode;
  private boolean sessionCreation = true;

  LayeredServerSocket(ServerSocket plain, SSLSocketFactory bc, SocketConfigurer configurer,
      SSLParameters defaults, String[] supportedProtocols) throws IOException {
    this.plain = plain;
    this.supportedProtocols = supportedProtocols.clone();
    this.bc = bc;
    this.configurer = configurer;
    this.params = configurer.parameters(defaults);
  }

  @Override
  public Socket accept() throws IOException {
    Socket raw = plain.accept();
    try {
      HandshakeDeadline deadline = HandshakeDeadline.arm(raw, configurer.handshakeTimeout());
      SSLSocket tls = (SSLSocket) bc.createSocket(raw, new ClientHelloRecorder(raw), true);
      synchronized (this) {
        tls.setSSLParameters(params);
        tls.setUseClientMode(clientMode);
        tls.setEnableSessionCreation(sessionCreation);
      }
      configurer.enforce(tls); // what the application set on this server socket, raised to the floor
      return new JsseSslSocket(tls, configurer, deadline);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  // --- the TLS settings handed to each accepted socket ---

  @Override
  public synchronized SSLParameters getSSLParameters() {
    return copy(params);
  }

  @Override
  public synchronized void setSSLParameters(SSLParameters p) {
    params = copy(p);
    configurer.raise(params, clientMode);
  }

  private static SSLParameters copy(SSLParameters p) {
    SSLParameters c = new SSLParameters(p.getCipherSuites(), p.getProtocols());
    c.setApplicationProtocols(p.getApplicationProtocols());
    c.setEndpointIdentificationAlgorithm(p.getEndpointIdentificationAlgorithm());
    c.setUseCipherSuitesOrder(p.getUseCipherSuitesOrder());
    c.setAlgorithmConstraints(p.getAlgorithmConstraints());
    c.setServerNames(p.getServerNames());
    c.setSNIMatchers(p.getSNIMatchers());
    c.setEnableRetransmissions(p.getEnableRetransmissions());
    c.setMaximumPacketSize(p.getMaximumPacketSize());
    if (p.getNeedClientAuth()) {
      c.setNeedClientAuth(true);
    } else {
      c.setWantClientAuth(p.getWantClientAuth());
    }
    return c;
  }

  @Override
  public synchronized String[] getEnabledCipherSuites() {
    return params.getCipherSuites().clone();
  }

  @Override
  public synchronized void setEnabledCipherSuites(String[] suites) {
    params.setCipherSuites(suites.clone());
    configurer.raise(params, clientMode);
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return bc.getSupportedCipherSuites();
  }

  @Override
  public String[] getSupportedProtocols() {
    return supportedProtocols.clone();
  }

  @Override
  public synchronized String[] getEnabledProtocols() {
    return params.getProtocols().clone();
  }

  @Override
  public synchronized void setEnabledProtocols(String[] protocols) {
    params.setProtocols(protocols.clone());
    configurer.raise(params, clientMode);
  }

  @Override
  public synchronized void setNeedClientAuth(boolean need) {
    params.setNeedClientAuth(need);
    configurer.raise(params, clientMode);
  }

  @Override
  public synchronized boolean getNeedClientAuth() {
    return params.getNeedClientAuth();
  }

  @Override
  public synchronized void setWantClientAuth(boolean want) {
    params.setWantClientAuth(want);
    configurer.raise(params, clientMode);
  }

  @Override
  public synchronized boolean getWantClientAuth() {
    return params.getWantClientAuth();
  }

  @Override
  public synchronized void setUseClientMode(boolean mode) {
    clientMode = mode;
    configurer.raise(params, clientMode);
  }

  @Override
  public synchronized boolean getUseClientMode() {
    return clientMode;
  }

  @Override
  public synchronized void setEnableSessionCreation(boolean flag) {
    sessionCreation = flag;
  }

  @Override
  public synchronized boolean getEnableSessionCreation() {
    return sessionCreation;
  }

  // --- the listening socket itself ---

  @Override
  public void bind(SocketAddress endpoint) throws IOException {
    plain.bind(endpoint);
  }

  @Override
  public void bind(SocketAddress endpoint, int backlog) throws IOException {
    plain.bind(endpoint, backlog);
  }

  @Override
  public InetAddress getInetAddress() {
    return plain.getInetAddress();
  }

  @Override
  public int getLocalPort() {
    return plain.getLocalPort();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return plain.getLocalSocketAddress();
  }

  @Override
  public void close() throws IOException {
    plain.close();
  }

  @Override
  public boolean isBound() {
    return plain.isBound();
  }

  @Override
  public boolean isClosed() {
    return plain.isClosed();
  }

  @Override
  public void setSoTimeout(int timeout) throws java.net.SocketException {
    plain.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws IOException {
    return plain.getSoTimeout();
  }

  @Override
  public void setReuseAddress(boolean on) throws java.net.SocketException {
    plain.setReuseAddress(on);
  }

  @Override
  public boolean getReuseAddress() throws java.net.SocketException {
    return plain.getReuseAddress();
  }

  @Override
  public void setReceiveBufferSize(int size) throws java.net.SocketException {
    plain.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws java.net.SocketException {
    return plain.getReceiveBufferSize();
  }

  @Override
  public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
    plain.setPerformancePreferences(connectionTime, latency, bandwidth);
  }

  @Override
  public <T> ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
    plain.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return plain.getOption(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return plain.supportedOptions();
  }

  @Override
  public String toString() {
    return "PemTLS server socket[" + plain + "]";
  }
}
