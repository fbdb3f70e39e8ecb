package dev.pemtls;

import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.OfferedSuites;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLEngine;

/**
 * Python's {@code ssl.SSLObject}: TLS over two {@link MemoryBio}s instead of a socket, for event
 * loops and other transports. Made by {@link SslContext#wrapBio}. It does no I/O: the caller
 * moves the bytes between the BIOs and the network.
 *
 * <p>Every operation is non-blocking. When one needs bytes the peer has not sent yet, it raises
 * {@link SslWantReadError}: send what {@code outgoing} holds, wait for the peer's bytes, write
 * them to {@code incoming}, and call it again. {@link #read} and {@link #write} complete the
 * handshake first, as in Python.
 *
 * <p>The settings are those of the context's sockets, fixed when the object is made: versions,
 * suites, verify mode, the host-name check against {@code server_hostname}, ALPN and the
 * handshake floor. A rejected certificate raises {@link SslCertVerificationError} with OpenSSL's
 * verify code, as {@code wrapSocket} does. The context's handshake timeout does not apply: the
 * object cannot tell time from waiting, so the caller's event loop must.
 *
 * <p>How the connection ends: the peer's close_notify makes {@link #read} return no bytes (and
 * BCJSSE answers it with ours at once, into {@code outgoing}, so writes after it fail with {@code
 * PROTOCOL_IS_SHUTDOWN}; OpenSSL would allow them); after {@link #unwrap()} reads raise {@link
 * SslZeroReturnError}; {@link MemoryBio#writeEof()} on {@code incoming} without the peer's
 * close_notify raises {@link SslEofError}. Not thread-safe, as Python's is not: use it from one
 * thread at a time.
 */
public final class SslObject {
  private static final int DEFAULT_READ = 1024;

  private final SslContext context;
  private final BioEngine bio;
  private final OfferedSuites offered;
  private final boolean serverSide;
  private final String serverHostname;
  private final javax.net.ssl.SSLContext snapshot;
  private boolean reused;

  private SslObject(SslContext context, SSLEngine engine, MemoryBio incoming,
      MemoryBio outgoing, OfferedSuites offered, boolean serverSide, String serverHostname,
      javax.net.ssl.SSLContext snapshot, byte[] offeredSession) {
    this.context = context;
    this.offered = offered;
    this.serverSide = serverSide;
    this.serverHostname = serverHostname;
    this.snapshot = snapshot;
    dev.pemtls.internal.jsse.SessionCounters counters = context.sessionCounters();
    this.bio = new BioEngine(engine, new BioRecords(incoming, offered), outgoing,
        () -> counters.started(serverSide),
        () -> reused = counters.completed(serverSide, engine.getSession(),
            serverSide ? offered.sessionId() : offeredSession));
  }

  /** {@link SslContext#wrapBio}: Python's checks, then an engine from the context's snapshot. */
  static SslObject create(SslContext context, MemoryBio incoming, MemoryBio outgoing,
      boolean serverSide, String serverHostname, SslSession session) {
    Objects.requireNonNull(incoming, "incoming");
    Objects.requireNonNull(outgoing, "outgoing");
    if (incoming == outgoing) {
      throw new IllegalArgumentException("incoming and outgoing must be two MemoryBio objects");
    }
    SocketWrapping.checkRole(context, serverSide, serverHostname);
    SocketWrapping.checkSession(context, serverSide, serverHostname, session);
    javax.net.ssl.SSLContext snapshot = context.sslContext();
    // The host gives SNI and the name to check; without it, as in Python, no SNI is sent. With
    // no port BCJSSE picks no cached session by itself: only the one passed is offered.
    SSLEngine engine = serverHostname != null
        ? snapshot.createSSLEngine(serverHostname, -1)
        : snapshot.createSSLEngine();
    engine.setUseClientMode(!serverSide);
    byte[] offeredSession = null;
    if (!serverSide && session != null) {
      org.bouncycastle.jsse.BCExtendedSSLSession offer = SocketWrapping.offer(session, snapshot);
      ConfiguredSslContext.offerSession(engine, offer);
      offeredSession = offer.getId();
    }
    OfferedSuites offered = serverSide ? new OfferedSuites() : null;
    return new SslObject(context, engine, incoming, outgoing, offered, serverSide,
        serverHostname, snapshot, offeredSession);
  }

  /** Python's {@code context}: the context this object was made from. */
  public SslContext context() {
    return context;
  }

  /**
   * Python's {@code session}: the session of the completed handshake, to pass to a later {@link
   * SslContext#wrapBio(MemoryBio, MemoryBio, boolean, String, SslSession)} or {@code
   * wrapSocket}; null before the handshake.
   */
  public SslSession session() {
    SSLEngine bc = ConfiguredSslContext.bcEngine(bio.engine());
    if (!bio.established() || !(bc instanceof org.bouncycastle.jsse.BCSSLEngine)) {
      return null;
    }
    return new SslSession(context, snapshot, ((org.bouncycastle.jsse.BCSSLEngine) bc)
        .getBCSession(), serverHostname);
  }

  /** Python's {@code session_reused}: whether the handshake resumed a session (TLS 1.2). */
  public boolean sessionReused() {
    return reused;
  }

  /** Python's {@code server_side}. */
  public boolean serverSide() {
    return serverSide;
  }

  /** Python's {@code server_hostname}: the name given to {@code wrapBio}, or null. */
  public String serverHostname() {
    return serverHostname;
  }

  /**
   * Python's {@code do_handshake()}: advances the handshake as far as the incoming bytes allow;
   * a no-op once it is done.
   *
   * @throws SslWantReadError when it needs the peer's next bytes
   * @throws SslCertVerificationError when the peer's certificate or host name is rejected
   * @throws SslError any other failure ({@code SslEofError} when {@code incoming} ended)
   */
  public void doHandshake() throws SslError {
    bio.handshake();
  }

  /** Python's {@code read()}: up to 1024 bytes. */
  public byte[] read() throws SslError {
    return read(DEFAULT_READ);
  }

  /**
   * Python's {@code read(len=1024)}: up to {@code len} decrypted bytes, completing the
   * handshake first.
   *
   * @return at least one byte; none once the peer's close_notify arrived (or for {@code len} 0)
   * @throws SslWantReadError when no decrypted bytes are ready and the next record is not in
   *     {@code incoming} yet
   * @throws SslZeroReturnError after {@link #unwrap()}, once the peer's close_notify came too
   * @throws SslEofError {@code incoming} ended without close_notify
   * @throws IllegalArgumentException for a negative {@code len}
   */
  public byte[] read(int len) throws SslError {
    if (len < 0) {
      throw new IllegalArgumentException("size should not be negative: " + len);
    }
    return bio.read(len);
  }

  /**
   * Python's {@code read(len, buffer)}: reads up to {@code len} bytes (the buffer's length when
   * {@code len} is not positive or larger) into the start of {@code buffer}.
   *
   * @return the number of bytes read; 0 once the peer's close_notify arrived
   * @throws SslWantReadError as {@link #read(int)}
   */
  public int read(int len, byte[] buffer) throws SslError {
    int max = len <= 0 || len > buffer.length ? buffer.length : len;
    byte[] got = bio.read(max);
    System.arraycopy(got, 0, buffer, 0, got.length);
    return got.length;
  }

  /**
   * Python's {@code write(data)}: encrypts all of {@code data} into {@code outgoing},
   * completing the handshake first.
   *
   * @return {@code data.length}
   * @throws SslWantReadError while the handshake needs the peer's bytes
   * @throws SslError {@code PROTOCOL_IS_SHUTDOWN} after close_notify was sent
   */
  public int write(byte[] data) throws SslError {
    return bio.write(Objects.requireNonNull(data, "data"));
  }

  /**
   * Python's {@code pending()}: decrypted bytes that {@link #read} returns without needing
   * more input. As with OpenSSL, records still in {@code incoming} are not counted.
   */
  public int pending() {
    return bio.pending();
  }

  /**
   * Python's {@code unwrap()}: ends TLS. Sends our close_notify (once) into {@code outgoing},
   * then waits for the peer's; bytes after it stay in {@code incoming}, for cleartext.
   *
   * @throws SslWantReadError until the peer's close_notify is in {@code incoming}: call again
   * @throws SslEofError {@code incoming} ended first
   */
  public void unwrap() throws SslError {
    bio.shutdown();
  }

  /**
   * Python's {@code getpeercert()}: see {@link Ssl#getpeercert}.
   *
   * @throws IllegalStateException "handshake not done yet", as Python's ValueError
   */
  public Map<String, Object> getpeercert() throws SslError {
    return ConnectionQueries.getpeercert(established().getSession());
  }

  /**
   * Python's {@code getpeercert(binary_form=True)}: see {@link Ssl#getpeercertDer}.
   *
   * @throws IllegalStateException "handshake not done yet", as Python's ValueError
   */
  public byte[] getpeercertDer() throws SslError {
    return ConnectionQueries.getpeercertDer(established().getSession());
  }

  /** Python's {@code cipher()}: see {@link Ssl#cipher}; null before the handshake. */
  public CipherInfo cipher() {
    return bio.established() ? ConnectionQueries.cipher(bio.engine().getSession()) : null;
  }

  /** Python's {@code version()}, e.g. "TLSv1.3"; null before the handshake. */
  public String version() {
    return bio.established() ? ConnectionQueries.version(bio.engine().getSession()) : null;
  }

  /**
   * Python's {@code shared_ciphers()}: on the server, the suites enabled here that the client
   * also offered, in this side's order. Null on the client side and before the ClientHello.
   */
  public List<CipherInfo> sharedCiphers() {
    return offered == null ? null : ConnectionQueries.sharedCiphers(offered.suites(),
        bio.engine().getEnabledCipherSuites());
  }

  /** Python's {@code selected_alpn_protocol()}: the agreed ALPN protocol, or null. */
  public String selectedAlpnProtocol() {
    return ConnectionQueries.selectedAlpnProtocol(bio.engine().getApplicationProtocol());
  }

  /** Python's {@code get_channel_binding()}, for {@code "tls-unique"}. */
  public byte[] getChannelBinding() {
    return getChannelBinding("tls-unique");
  }

  /**
   * Python's {@code get_channel_binding(cb_type)}: see {@link SslSocket#getChannelBinding(String)};
   * null before the handshake and for TLS 1.3.
   *
   * @throws IllegalArgumentException for any type other than {@code "tls-unique"}, as Python
   */
  public byte[] getChannelBinding(String cbType) {
    return ConnectionQueries.channelBinding(cbType,
        bio.established() ? ConfiguredSslContext.connection(bio.engine()) : null);
  }

  private SSLEngine established() {
    if (!bio.established()) {
      throw new IllegalStateException("handshake not done yet");
    }
    return bio.engine();
  }

  @Override
  public String toString() {
    return "SslObject[" + (serverSide ? "server" : "client")
        + (serverHostname != null ? ", " + serverHostname : "") + ", " + bio.engine() + "]";
  }
}
