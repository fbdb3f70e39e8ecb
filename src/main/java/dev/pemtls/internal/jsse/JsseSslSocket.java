package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.jsse.BCSSLSocket;

/**
 * A BCJSSE socket from {@code sslContext()}'s factories (client sockets, and the sockets its
 * server sockets accept) that keeps the JSSE exception contract: handshake failures are {@link
 * javax.net.ssl.SSLHandshakeException}s and later TLS failures {@link javax.net.ssl.SSLException}s
 * (see {@link JsseExceptions}). What an application sets is raised to the settings' floor at once
 * ({@link SocketConfigurer#enforce(SSLSocket)}). Everything else is BCJSSE's.
 */
final class JsseSslSocket extends DelegatingSslSocket {
  private final SSLSocket bc;
  private final SocketConfigurer configurer;
  private final HandshakeDeadline deadline;

  JsseSslSocket(SSLSocket bc, SocketConfigurer configurer) {
    this(bc, configurer, HandshakeDeadline.arm(null, null));
  }

  /** A socket whose handshake must finish before {@code deadline}, e.g. an accepted one. */
  JsseSslSocket(SSLSocket bc, SocketConfigurer configurer, HandshakeDeadline deadline) {
    super(bc);
    this.bc = bc;
    this.configurer = configurer;
    this.deadline = deadline;
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    bc.setSSLParameters(params);
    configurer.enforce(bc);
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    bc.setEnabledCipherSuites(suites);
    configurer.enforce(bc);
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    bc.setEnabledProtocols(protocols);
    configurer.enforce(bc);
  }

  @Override
  public void setUseClientMode(boolean mode) {
    bc.setUseClientMode(mode);
    configurer.enforce(bc);
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    bc.setNeedClientAuth(need);
    configurer.enforce(bc);
  }

  @Override
  public void setWantClientAuth(boolean want) {
    bc.setWantClientAuth(want);
    configurer.enforce(bc);
  }

  @Override
  protected SSLSocket tls() {
    return bc;
  }

  /**
   * Set after the first call that needed a finished handshake succeeded (startHandshake, a read,
   * a write): failures before it are handshake failures. Asking the socket instead would start a
   * handshake, as {@code getSession()} does.
   */
  private volatile boolean established;

  private IOException mapped(IOException e) {
    return established ? JsseExceptions.connection(e)
        : deadline.explain(JsseExceptions.handshake(e));
  }

  /**
   * Connecting a socket made unconnected names the host to check (and to send as SNI): the host
   * string of the address, i.e. the name it was created with or else its IP literal, as SunJSSE
   * does. BCJSSE would learn no host at all; there is never a reverse lookup.
   */
  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    if (endpoint instanceof InetSocketAddress && bc instanceof BCSSLSocket) {
      ((BCSSLSocket) bc).setHost(((InetSocketAddress) endpoint).getHostString());
    }
    bc.connect(endpoint, timeout);
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    bc.bind(bindpoint);
  }

  @Override
  public void startHandshake() throws IOException {
    try {
      bc.startHandshake();
      deadline.done();
      established = true;
    } catch (IOException e) {
      throw mapped(e);
    }
  }

  /** Reads and writes: the first success ends the handshake phase. */
  private final WatchedStreams.Watcher watcher = new WatchedStreams.Watcher() {
    @Override
    public void succeeded() {
      deadline.done();
      established = true;
    }

    @Override
    public IOException failed(IOException e) {
      return mapped(e);
    }
  };

  @Override
  public InputStream getInputStream() throws IOException {
    return WatchedStreams.in(bc.getInputStream(), watcher);
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return WatchedStreams.out(bc.getOutputStream(), watcher);
  }

  @Override
  public void close() throws IOException {
    deadline.done();
    bc.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    bc.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    bc.shutdownOutput();
  }

  @Override
  public String toString() {
    return bc.toString();
  }
}
