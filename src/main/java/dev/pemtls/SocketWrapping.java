package dev.pemtls;

import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.PemSslSocket;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.bouncycastle.jsse.BCExtendedSSLSession;
import org.bouncycastle.jsse.BCSSLSocket;

/** {@code SslContext.wrapSocket}: Python's argument checks, then the TLS layer. */
final class SocketWrapping {
  private SocketWrapping() {}

  static SSLSocket wrap(SslContext ctx, Socket sock, boolean serverSide,
      boolean doHandshakeOnConnect, boolean suppressRaggedEofs, String serverHostname,
      SslSession session) throws IOException {
    if (sock == null) {
      throw new IllegalArgumentException("sock is null");
    }
    if (sock instanceof SSLSocket) {
      throw new IllegalArgumentException("sock is already a TLS socket: " + sock);
    }
    checkRole(ctx, serverSide, serverHostname);
    checkSession(ctx, serverSide, serverHostname, session);
    SSLContext jsse = ctx.sslContext(); // one snapshot for this socket
    if (ctx.settings().protocols().isEmpty()) { // OpenSSL fails the handshake so
      throw new SslError("SSL", "NO_PROTOCOLS_AVAILABLE", "no protocols available: "
          + "minimum_version " + ctx.minimumVersion() + ", maximum_version "
          + ctx.maximumVersion() + " and options " + ctx.options() + " leave no TLS version");
    }
    BCExtendedSSLSession offer = serverSide ? null : offer(session, jsse);
    // autoClose=false: BCJSSE must not close the TCP socket when the TLS session ends, so that
    // unwrap() can hand it back; PemSslSocket.close() closes it itself.
    PemSslSocket.Layer layer = (raw, consumed) -> {
      SSLSocketFactory factory = jsse.getSocketFactory();
      SSLSocket tls;
      if (serverSide) {
        tls = ConfiguredSslContext.bcjsseSocket(factory.createSocket(raw, consumed, false));
        tls.setUseClientMode(false);
      } else {
        // Without server_hostname Python sends no SNI: pass the address, never a name.
        String host = serverHostname != null ? serverHostname
            : raw.getInetAddress().getHostAddress();
        tls = ConfiguredSslContext.bcjsseSocket(factory.createSocket(raw, host, raw.getPort(),
            false));
        tls.setUseClientMode(true);
        ((BCSSLSocket) tls).setBCSessionToResume(offer);
      }
      return tls;
    };
    return new PemSslSocket(sock, layer, doHandshakeOnConnect, suppressRaggedEofs, serverSide,
        serverHostname, ctx.handshakeTimeout(), ctx.sessionCounters(),
        offer == null ? null : offer.getId(), ctx, jsse);
  }

  /**
   * Python's checks of a {@code session} argument, and PemTLS's: a session is offered only to
   * the server name it was made with, since resuming skips the certificate and host checks.
   *
   * @throws IllegalArgumentException for a session Python or PemTLS refuses
   */
  static void checkSession(SslContext ctx, boolean serverSide, String serverHostname,
      SslSession session) {
    if (session == null) {
      return;
    }
    if (serverSide) {
      throw new IllegalArgumentException("session can only be specified in client mode");
    }
    if (session.context() != ctx) {
      throw new IllegalArgumentException("Session refers to a different SSLContext.");
    }
    String was = session.serverHostname();
    if (was == null ? serverHostname != null : !was.equalsIgnoreCase(String.valueOf(
        serverHostname))) {
      throw new IllegalArgumentException("session was made with server_hostname " + was
          + ", not " + serverHostname + ": a resumed session skips the certificate and host "
          + "checks, so PemTLS offers it only to the name it was verified for");
    }
  }

  /**
   * What a client offers BCJSSE to resume: the session passed in, when it comes from this very
   * settings snapshot (a session made before the context changed is not offered: a full
   * handshake applies the new settings); otherwise a session that cannot resume, so that BCJSSE
   * does not pick one from its cache by host and port, as Python never does. Null on the server.
   */
  static BCExtendedSSLSession offer(SslSession session, SSLContext snapshot) {
    if (session != null && session.snapshot() == snapshot && session.bc().isValid()) {
      return session.bc();
    }
    return ConfiguredSslContext.noSession();
  }

  /**
   * Python's checks of the side and the server name against the context, for sockets and
   * {@link SslObject}s alike.
   *
   * @throws IllegalArgumentException for combinations Python refuses
   */
  static void checkRole(SslContext ctx, boolean serverSide, String serverHostname) {
    if (serverSide && ctx.protocol() == Protocol.TLS_CLIENT) {
      throw new IllegalArgumentException(
          "Cannot create a server socket with a PROTOCOL_TLS_CLIENT context");
    }
    if (!serverSide && ctx.protocol() == Protocol.TLS_SERVER) {
      throw new IllegalArgumentException(
          "Cannot create a client socket with a PROTOCOL_TLS_SERVER context");
    }
    if (serverSide && serverHostname != null) {
      throw new IllegalArgumentException("server_hostname can only be specified in client mode");
    }
    if (serverHostname != null && (serverHostname.isEmpty() || serverHostname.startsWith("."))) {
      throw new IllegalArgumentException("server_hostname cannot be an empty string or start "
          + "with a leading dot: '" + serverHostname + "'");
    }
    if (!serverSide && ctx.checkHostname() && serverHostname == null) {
      throw new IllegalArgumentException("check_hostname requires server_hostname");
    }
  }
}
