package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The socket {@code wrapSocket} returns: a BCJSSE socket layered over the caller's socket, plus
 * the spec's socket options that JSSE lacks.
 *
 * <ul>
 *   <li>{@code suppress_ragged_eofs} through {@link RaggedEofInputStream};
 *   <li>{@code do_handshake_on_connect} on a socket that was not yet connected: the TLS layer is
 *       created, and the handshake run, when {@link #connect} is called, as in Python;
 *   <li>handshake failures surface as Python-shaped {@code SslError}s.
 * </ul>
 */
public final class PemSslSocket extends DelegatingSslSocket {
  /** Creates the TLS layer over the connected plain socket. */
  @FunctionalInterface
  public interface Layer {
    /**
     * @param consumed server side: the bytes read off {@code connected} to record the
     *     ClientHello, for {@code SSLSocketFactory.createSocket(Socket, InputStream, boolean)};
     *     null on the client side
     */
    SSLSocket over(java.net.Socket connected, InputStream consumed) throws IOException;
  }

  private final Layer layer;
  private final boolean handshakeOnConnect;
  private final boolean suppressRaggedEofs;
  private final boolean serverSide;
  private final String serverHostname;
  private final ClientHelloRecorder hello;
  private final java.time.Duration handshakeTimeout;
  private volatile HandshakeDeadline deadline;
  private volatile SSLSocket ssl;
  private volatile boolean unwrapped;
  private RaggedEofInputStream in;
  private final SessionCounters counters;
  private final byte[] offeredSession; // client: the id of the session passed to wrapSocket
  private final Object owner;
  private final javax.net.ssl.SSLContext snapshot;
  private final Object sessionLock = new Object();
  private boolean started;
  private volatile boolean completed;
  private volatile boolean reused;

  /**
   * @param raw the caller's plain socket, connected or not
   * @param layer makes the TLS socket over {@code raw} once it is connected
   * @param handshakeTimeout the whole handshake's time limit, from its start; zero for none
   */
  public PemSslSocket(java.net.Socket raw, Layer layer, boolean handshakeOnConnect,
      boolean suppressRaggedEofs, boolean serverSide, String serverHostname,
      java.time.Duration handshakeTimeout) throws IOException {
    this(raw, layer, handshakeOnConnect, suppressRaggedEofs, serverSide, serverHostname,
        handshakeTimeout, new SessionCounters(), null, null, null);
  }

  /**
   * As the other constructor, counting the handshake in {@code counters} (Python's {@code
   * session_stats()}).
   *
   * @param offered client side: the id of the session offered to resume, or null
   * @param owner the {@code SslContext} that makes the socket
   * @param snapshot the settings snapshot the layer uses
   */
  public PemSslSocket(java.net.Socket raw, Layer layer, boolean handshakeOnConnect,
      boolean suppressRaggedEofs, boolean serverSide, String serverHostname,
      java.time.Duration handshakeTimeout, SessionCounters counters, byte[] offered,
      Object owner, javax.net.ssl.SSLContext snapshot) throws IOException {
    super(raw);
    this.counters = counters;
    this.offeredSession = offered;
    this.owner = owner;
    this.snapshot = snapshot;
    this.handshakeTimeout = handshakeTimeout;
    this.layer = layer;
    this.handshakeOnConnect = handshakeOnConnect;
    this.suppressRaggedEofs = suppressRaggedEofs;
    this.serverSide = serverSide;
    this.serverHostname = serverHostname;
    this.hello = serverSide ? new ClientHelloRecorder(raw) : null;
    if (raw.isConnected()) {
      attach();
    }
  }


  /** The {@code SslContext} that made this socket (Python's {@code context}), or null. */
  public Object owner() {
    return owner;
  }

  /** The settings snapshot (a {@code ConfiguredSslContext}) this socket was made from. */
  public javax.net.ssl.SSLContext snapshot() {
    return snapshot;
  }

  /** Whether the handshake has completed (Python's session is then set). */
  public boolean handshakeCompleted() {
    return completed;
  }

  /** Python's {@code session_reused}: whether the completed handshake resumed a session. */
  public boolean sessionReused() {
    return reused;
  }

  private void noteStarted() {
    synchronized (sessionLock) {
      if (!started) {
        started = true;
        counters.started(serverSide);
      }
    }
  }

  /** Once, when a handshake call or the first read or write returned. */
  private void noteCompleted() {
    if (completed) {
      return;
    }
    synchronized (sessionLock) {
      if (!completed && ssl != null) {
        noteStarted();
        byte[] offered = serverSide ? hello.offeredSessionId() : offeredSession;
        reused = counters.completed(serverSide, ssl.getSession(), offered);
        completed = true;
      }
    }
  }

  private void attach() throws IOException {
    ssl = layer.over(raw, hello);
    if (handshakeOnConnect) {
      startHandshake();
    }
  }

  /** Starts the handshake clock, once: at the handshake's start, explicit or by a read/write. */
  private synchronized HandshakeDeadline deadline() {
    if (deadline == null) {
      noteStarted();
      deadline = HandshakeDeadline.arm(raw, handshakeTimeout);
    }
    return deadline;
  }

  private void stopDeadline() {
    HandshakeDeadline d = deadline;
    if (d != null) {
      d.done();
    }
  }

  private SSLSocket ssl() throws SocketException {
    SSLSocket s = ssl;
    if (s == null) {
      throw new SocketException("Socket is not connected: call connect() first");
    }
    return s;
  }

  @Override
  protected SSLSocket tls() {
    return ssl;
  }

  /** Whether a ragged EOF reads as end of stream (Python's suppress_ragged_eofs). */
  public boolean suppressRaggedEofs() {
    return suppressRaggedEofs;
  }

  /** The underlying BCJSSE socket, or null before connect. */
  public SSLSocket tlsSocket() {
    return ssl;
  }

  /** The caller's plain socket under the TLS layer. */
  public java.net.Socket plainSocket() {
    return raw;
  }

  /** Whether this is the server side (Python's {@code server_side}). */
  public boolean serverSide() {
    return serverSide;
  }

  /** The name given to {@code wrapSocket} (Python's {@code server_hostname}), or null. */
  public String serverHostname() {
    return serverHostname;
  }

  /**
   * Server side: the IANA codes of the cipher suites the client offered, in its order; null on
   * the client side or before the ClientHello was read.
   */
  public List<Integer> clientOfferedSuites() {
    return hello == null ? null : hello.offeredSuites();
  }

  /**
   * Server side: the client's whole ClientHello message (handshake header included), as it was
   * read and checked; null on the client side or before it was read.
   */
  public byte[] clientHello() {
    return hello == null ? null : hello.clientHello();
  }

  /** Whether {@link #unwrap()} has run: the TLS layer is gone. */
  public boolean isUnwrapped() {
    return unwrapped;
  }

  /**
   * Python's {@code unwrap()}: sends close_notify, waits for the peer's (unless it came
   * already), and returns the plain socket, still open, for cleartext use. The handshake is
   * completed first if it has not happened.
   *
   * @throws SocketException if already unwrapped
   */
  public synchronized java.net.Socket unwrap() throws IOException {
    if (unwrapped) {
      throw new SocketException("No SSL wrapper around " + this);
    }
    startHandshake();
    SSLSocket s = ssl();
    if (!s.isClosed()) { // closed: the peer's close_notify was read and BCJSSE answered it
      SSLSession session = s.getSession();
      s.close(); // our close_notify; the layer was made with autoClose=false, TCP stays open
      try {
        CloseNotify.consume(raw.getInputStream(), "TLSv1.3".equals(session.getProtocol()),
            CloseNotify.tagLength(session.getCipherSuite()));
      } catch (java.io.EOFException e) {
        throw Errors.unexpectedEof(e);
      }
    }
    unwrapped = true;
    return raw;
  }

  // --- connection set-up ---

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    if (ssl != null) {
      throw new SocketException("already connected");
    }
    raw.connect(endpoint, timeout);
    attach();
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    raw.bind(bindpoint);
  }

  @Override
  public void startHandshake() throws IOException {
    SSLSocket s = ssl();
    HandshakeDeadline d = deadline();
    try {
      s.startHandshake();
      d.done();
      noteCompleted();
    } catch (UnsupportedOperationException e) {
      // BCJSSE's "Renegotiation not supported": the handshake is done. Like OpenSSL's
      // SSL_do_handshake, a second call is a no-op.
    } catch (SocketException e) {
      throw d.explain(e.getCause() == null ? e : Errors.translate(e));
    } catch (IOException e) {
      throw d.explain(Errors.translate(e));
    }
  }

  // --- streams ---

  /** Data or EOF means the handshake is over; a failure after the deadline is its timeout. */
  private WatchedStreams.Watcher watcher(HandshakeDeadline d) {
    return new WatchedStreams.Watcher() {
      @Override
      public void succeeded() {
        d.done();
        noteCompleted();
      }

      @Override
      public IOException failed(IOException e) {
        return d.explain(e);
      }
    };
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      SSLSocket s = ssl();
      HandshakeDeadline d = deadline(); // a first read may run the handshake
      in = new RaggedEofInputStream(WatchedStreams.in(s.getInputStream(), watcher(d)),
          suppressRaggedEofs);
    }
    return in;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    SSLSocket s = ssl();
    HandshakeDeadline d = deadline(); // a first write may run the handshake
    return WatchedStreams.out(s.getOutputStream(), watcher(d));
  }

  @Override
  public void close() throws IOException {
    stopDeadline();
    SSLSocket s = ssl;
    if (s != null) {
      s.close();
    }
    raw.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    ssl().shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    ssl().shutdownOutput();
  }

  @Override
  public String toString() {
    SSLSocket s = ssl;
    return "PemSslSocket[" + (s != null ? s : raw) + "]";
  }
}
