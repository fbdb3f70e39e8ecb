package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import javax.net.ssl.SSLSocket;

/**
 * A BCJSSE socket from {@code sslContext()}'s factories that keeps the JSSE exception contract:
 * handshake failures are {@link javax.net.ssl.SSLHandshakeException}s and later TLS failures
 * {@link javax.net.ssl.SSLException}s (see {@link JsseExceptions}). Everything else is BCJSSE's.
 */
final class JsseSslSocket extends DelegatingSslSocket {
  private final SSLSocket bc;
  private final HandshakeDeadline deadline;

  JsseSslSocket(SSLSocket bc) {
    this(bc, HandshakeDeadline.arm(null, null));
  }

  /** A socket whose handshake must finish before {@code deadline}, e.g. an accepted one. */
  JsseSslSocket(SSLSocket bc, HandshakeDeadline deadline) {
    super(bc);
    this.bc = bc;
    this.deadline = deadline;
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

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    bc.connect(endpoint, timeout);
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    bc.connect(endpoint);
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
