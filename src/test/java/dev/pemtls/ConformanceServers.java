package dev.pemtls;

import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * TLS servers on 127.0.0.1 for the conformance tests, each accepting connections until closed
 * and handshaking every one on its own thread (failures are the point, and are dropped): PemTLS
 * through {@code wrapSocket(server_side=True)}, PemTLS through {@code sslContext()}'s server
 * socket, and SunJSSE with the same certificate and key for comparison.
 */
final class ConformanceServers implements AutoCloseable {
  enum Kind { WRAP_SOCKET, SERVER_SOCKET, SUNJSSE }

  private final ServerSocket listener;
  private final Kind kind;

  private ConformanceServers(Kind kind, ServerSocket listener) {
    this.kind = kind;
    this.listener = listener;
  }

  static ConformanceServers start(Kind kind, TestPki pki) throws Exception {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
    ServerSocket listener;
    switch (kind) {
      case WRAP_SOCKET:
        listener = new ServerSocket(0, 50, lo);
        break;
      case SERVER_SOCKET:
        listener = ctx.sslContext().getServerSocketFactory().createServerSocket(0, 50, lo);
        break;
      default:
        listener = sunJsse(pki).getServerSocketFactory().createServerSocket(0, 50, lo);
        ((SSLServerSocket) listener).setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        break;
    }
    ConformanceServers s = new ConformanceServers(kind, listener);
    Thread t = new Thread(() -> s.acceptLoop(ctx), "conformance-" + kind);
    t.setDaemon(true);
    t.start();
    return s;
  }

  private void acceptLoop(SslContext ctx) {
    while (!listener.isClosed()) {
      Socket accepted;
      try {
        accepted = listener.accept();
      } catch (IOException e) {
        return;
      }
      Thread t = new Thread(() -> serve(ctx, accepted), "conformance-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(SslContext ctx, Socket accepted) {
    try (Socket s = accepted) {
      s.setSoTimeout(10_000);
      SSLSocket tls = kind == Kind.WRAP_SOCKET ? ctx.wrapSocket(s, true, null) : (SSLSocket) s;
      tls.startHandshake();
      // A finished handshake: echo until the client goes, so renegotiation and KeyUpdate tests
      // see the server's reaction to what they send next.
      byte[] buf = new byte[4096];
      int n;
      while ((n = tls.getInputStream().read(buf)) > 0) {
        tls.getOutputStream().write(buf, 0, n);
        tls.getOutputStream().flush();
      }
    } catch (Exception e) {
      // the handshake or the connection failed: what the client saw is what is tested
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  Kind kind() {
    return kind;
  }

  private static SSLContext sunJsse(TestPki pki) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", pki.server.keys().getPrivate(), new char[0],
        new X509Certificate[] {pki.server.certificate(), pki.root.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(ks, new char[0]);
    SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
    c.init(kmf.getKeyManagers(), null, null);
    return c;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
