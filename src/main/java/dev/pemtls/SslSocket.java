package dev.pemtls;

import dev.pemtls.internal.jsse.PemSslSocket;
import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.jsse.BCSSLConnection;
import org.bouncycastle.jsse.BCSSLSocket;

/**
 * Python's {@code ssl.SSLSocket} methods over a socket from {@link SslContext#wrapSocket} or
 * {@link Ssl#wrapSocket}: {@code read}, {@code write}, {@code pending}, {@code do_handshake},
 * {@code unwrap}, {@code getpeercert}, {@code cipher}, {@code version}, {@code shared_ciphers},
 * {@code selected_alpn_protocol}, {@code server_hostname}, {@code get_channel_binding}, {@code
 * session}, {@code session_reused}.
 *
 * <p>A view: it holds no state of its own, and the {@link SSLSocket} stays usable directly.
 */
public final class SslSocket implements Closeable {
  private static final int DEFAULT_READ = 1024;

  private final PemSslSocket socket;

  private SslSocket(PemSslSocket socket) {
    this.socket = socket;
  }

  /**
   * The view over a socket PemTLS made.
   *
   * @throws IllegalArgumentException for an {@link SSLSocket} from elsewhere
   */
  public static SslSocket of(SSLSocket socket) {
    if (!(socket instanceof PemSslSocket)) {
      throw new IllegalArgumentException("not a socket made by PemTLS's wrapSocket: " + socket
          + "; wrap the plain socket with SslContext.wrapSocket or Ssl.wrapSocket");
    }
    return new SslSocket((PemSslSocket) socket);
  }

  /** The underlying {@link SSLSocket}. */
  public SSLSocket sslSocket() {
    return socket;
  }

  /** Python's {@code read()}: up to 1024 bytes; empty at the end of the stream. */
  public byte[] read() throws IOException {
    return read(DEFAULT_READ);
  }

  /**
   * Python's {@code read(len)}: up to {@code len} bytes, from one TLS record at most; empty at
   * the end of the stream (the peer's close_notify, or a ragged EOF with {@code
   * suppress_ragged_eofs}).
   *
   * @throws IllegalArgumentException for a negative {@code len}
   * @throws IllegalStateException after {@link #unwrap()}
   */
  public byte[] read(int len) throws IOException {
    if (len < 0) {
      throw new IllegalArgumentException("size should not be negative: " + len);
    }
    byte[] buf = new byte[len];
    int n = read(len, buf);
    return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
  }

  /**
   * Python's {@code read(len, buffer)}: reads up to {@code len} bytes (the buffer's length when
   * {@code len} is not positive or larger) into {@code buffer}.
   *
   * @return the number of bytes read, 0 at the end of the stream
   */
  public int read(int len, byte[] buffer) throws IOException {
    requireWrapped("Read");
    int max = len <= 0 || len > buffer.length ? buffer.length : len;
    if (max == 0) {
      return 0;
    }
    int n = socket.getInputStream().read(buffer, 0, max);
    return Math.max(n, 0);
  }

  /**
   * Python's {@code write(data)}: sends all of {@code data}.
   *
   * @return {@code data.length}
   */
  public int write(byte[] data) throws IOException {
    requireWrapped("Write");
    socket.getOutputStream().write(data);
    socket.getOutputStream().flush();
    return data.length;
  }

  /** Python's {@code pending()}: decrypted bytes ready to read without blocking. */
  public int pending() throws IOException {
    return socket.isUnwrapped() ? 0 : socket.getInputStream().available();
  }

  /** Python's {@code do_handshake()}; a no-op once the handshake is done. */
  public void doHandshake() throws IOException {
    socket.startHandshake();
  }

  /**
   * Python's {@code unwrap()}: ends TLS (our close_notify, then the peer's) and returns the
   * plain socket, open, for cleartext. Afterwards {@code read}/{@code write} here fail.
   */
  public Socket unwrap() throws IOException {
    return socket.unwrap();
  }

  /** Python's {@code getpeercert()}: see {@link Ssl#getpeercert}. */
  public Map<String, Object> getpeercert() throws SslError {
    return Ssl.getpeercert(socket);
  }

  /** Python's {@code getpeercert(binary_form=True)}: see {@link Ssl#getpeercertDer}. */
  public byte[] getpeercertDer() throws SslError {
    return Ssl.getpeercertDer(socket);
  }

  /** Python's {@code cipher()}: see {@link Ssl#cipher}. */
  public CipherInfo cipher() {
    return Ssl.cipher(socket);
  }

  /** Python's {@code version()}, e.g. "TLSv1.3". */
  public String version() {
    return Ssl.version(socket);
  }

  /**
   * Python's {@code shared_ciphers()}: on the server, the suites enabled here that the client
   * also offered, in this side's order. Null on the client side (OpenSSL only knows the list on
   * the server) and before the handshake.
   */
  public List<CipherInfo> sharedCiphers() {
    return ConnectionQueries.sharedCiphers(socket.clientOfferedSuites(),
        socket.getEnabledCipherSuites());
  }

  /** Python's {@code selected_alpn_protocol()}: the agreed ALPN protocol, or null. */
  public String selectedAlpnProtocol() {
    return ConnectionQueries.selectedAlpnProtocol(socket.getApplicationProtocol());
  }

  /** Python's {@code server_hostname}: the name given when wrapping, or null. */
  public String serverHostname() {
    return socket.serverHostname();
  }

  /**
   * Python's {@code session}: the session of the completed handshake, to pass to a later {@link
   * SslContext#wrapSocket(Socket, boolean, boolean, boolean, String, SslSession)}; null before
   * the handshake and for a socket from elsewhere than an {@link SslContext}.
   */
  public SslSession session() {
    if (!socket.handshakeCompleted() || !(socket.owner() instanceof SslContext)
        || !(socket.tlsSocket() instanceof BCSSLSocket)) {
      return null;
    }
    return new SslSession((SslContext) socket.owner(), socket.snapshot(),
        ((BCSSLSocket) socket.tlsSocket()).getBCSession(), socket.serverHostname());
  }

  /**
   * Python's {@code session_reused}: whether the handshake resumed a session (TLS 1.2 and older
   * only, with BCJSSE 1.84); false before the handshake.
   */
  public boolean sessionReused() {
    return socket.sessionReused();
  }

    /** Python's {@code server_side}. */
  public boolean serverSide() {
    return socket.serverSide();
  }

  /** Python's {@code get_channel_binding()}, for {@code "tls-unique"}. */
  public byte[] getChannelBinding() throws IOException {
    return getChannelBinding("tls-unique");
  }

  /**
   * Python's {@code get_channel_binding(cb_type)}: the RFC 5929 {@code tls-unique} value (the
   * first Finished message of the handshake) of a TLS 1.2 connection. Null before the
   * handshake and for TLS 1.3, where tls-unique is not defined (RFC 9266).
   *
   * @throws IllegalArgumentException for any type other than {@code "tls-unique"}, as Python
   */
  public byte[] getChannelBinding(String cbType) throws IOException {
    BCSSLConnection connection = socket.isUnwrapped()
        || !(socket.tlsSocket() instanceof BCSSLSocket) ? null
        : ((BCSSLSocket) socket.tlsSocket()).getConnection();
    return ConnectionQueries.channelBinding(cbType, connection);
  }

  /** Closes the TLS connection (sending close_notify) and the socket under it. */
  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void requireWrapped(String what) {
    if (socket.isUnwrapped()) {
      throw new IllegalStateException(what + " on closed or unwrapped SSL socket.");
    }
  }

  @Override
  public String toString() {
    return "SslSocket[" + socket + "]";
  }
}
