package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A BCJSSE server socket whose settings an application cannot lower (see {@link Floor}) and whose
 * accepted sockets keep the JSSE exception contract ({@link JsseSslSocket}).
 */
final class ConfiguredServerSocket extends SSLServerSocket {
  private final SSLServerSocket bc;
  private final SocketConfigurer configurer;

  ConfiguredServerSocket(SSLServerSocket bc, SocketConfigurer configurer) throws IOException {
    this.bc = bc;
    this.configurer = configurer;
  }

  @Override
  public Socket accept() throws IOException {
    Socket s = bc.accept();
    if (!(s instanceof SSLSocket)) {
      return s;
    }
    configurer.enforce((SSLSocket) s);
    return new JsseSslSocket((SSLSocket) s, configurer);
  }

  // --- TLS settings: passed on, then raised to the floor ---

  @Override
  public void setSSLParameters(SSLParameters params) {
    bc.setSSLParameters(params);
    configurer.enforce(bc);
  }

  @Override
  public SSLParameters getSSLParameters() {
    return bc.getSSLParameters();
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
  public String[] getSupportedCipherSuites() {
    return bc.getSupportedCipherSuites();
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
  public void setUseClientMode(boolean mode) {
    bc.setUseClientMode(mode);
    configurer.enforce(bc);
  }

  @Override
  public boolean getUseClientMode() {
    return bc.getUseClientMode();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    bc.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return bc.getEnableSessionCreation();
  }

  // --- the listening socket, passed on ---

  @Override
  public void bind(SocketAddress endpoint) throws IOException {
    bc.bind(endpoint);
  }

  @Override
  public void bind(SocketAddress endpoint, int backlog) throws IOException {
    bc.bind(endpoint, backlog);
  }

  @Override
  public InetAddress getInetAddress() {
    return bc.getInetAddress();
  }

  @Override
  public int getLocalPort() {
    return bc.getLocalPort();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return bc.getLocalSocketAddress();
  }

  @Override
  public void close() throws IOException {
    bc.close();
  }

  @Override
  public ServerSocketChannel getChannel() {
    return bc.getChannel();
  }

  @Override
  public boolean isBound() {
    return bc.isBound();
  }

  @Override
  public boolean isClosed() {
    return bc.isClosed();
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    bc.setSoTimeout(timeout);
  }

  @Override
  public synchronized int getSoTimeout() throws IOException {
    return bc.getSoTimeout();
  }

  @Override
  public void setReuseAddress(boolean on) throws SocketException {
    bc.setReuseAddress(on);
  }

  @Override
  public boolean getReuseAddress() throws SocketException {
    return bc.getReuseAddress();
  }

  @Override
  public synchronized void setReceiveBufferSize(int size) throws SocketException {
    bc.setReceiveBufferSize(size);
  }

  @Override
  public synchronized int getReceiveBufferSize() throws SocketException {
    return bc.getReceiveBufferSize();
  }

  @Override
  public <T> java.net.ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
    bc.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return bc.getOption(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return bc.supportedOptions();
  }

  @Override
  public String toString() {
    return "PemTLS " + bc;
  }
}
