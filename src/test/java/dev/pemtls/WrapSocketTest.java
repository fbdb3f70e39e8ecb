package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.jsse.PemSslSocket;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wrapSocket's options and Python's argument checks, over loopback. */
class WrapSocketTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  /** A server that sends one line, then drops TCP without close_notify. */
  private static Loopback raggedServer() throws IOException {
    return Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
      Loopback.write(tls.getOutputStream(), "bye\n");
      ((PemSslSocket) tls).plainSocket().close();
      return null;
    });
  }

  @Test
  void suppressRaggedEofs_true_readsEndOfStream() throws Exception {
    try (Loopback lo = raggedServer();
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, true, true,
            "localhost")) {
      InputStream in = tls.getInputStream();
      assertEquals("bye", Loopback.readLine(in));
      assertEquals(-1, in.read());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void suppressRaggedEofs_false_raisesSslEofError() throws Exception {
    try (Loopback lo = raggedServer();
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, true, false,
            "localhost")) {
      InputStream in = tls.getInputStream();
      assertEquals("bye", Loopback.readLine(in));
      SslError e = assertThrows(SslEofError.class, in::read); // Python's SSLEOFError
      assertEquals("UNEXPECTED_EOF_WHILE_READING", e.reason());
    }
  }

  @Test
  void closeNotify_readsEndOfStream_evenWithoutSuppression() throws Exception {
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
          Loopback.write(tls.getOutputStream(), "bye\n");
          return null; // Loopback closes the TLS socket: close_notify is sent
        });
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, true, false,
            "localhost")) {
      assertEquals("bye", Loopback.readLine(tls.getInputStream()));
      assertEquals(-1, tls.getInputStream().read());
    }
  }

  @Test
  void doHandshakeOnConnect_false_defersTheHandshake() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, false, true,
            "localhost")) {
      assertNull(tls.getHandshakeSession(), "no handshake has started");
      tls.startHandshake();
      assertEquals("TLSv1.3", Ssl.version(tls));
    }
  }

  @Test
  void unconnectedSocket_handshakesOnConnect() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = pki.clientContext().wrapSocket(new Socket(), false, "localhost")) {
      assertNull(tls.getSession(), "nothing to report before connect");
      tls.connect(new InetSocketAddress("127.0.0.1", lo.port()), 5000);
      assertNotNull(Ssl.cipher(tls));
      Loopback.write(tls.getOutputStream(), "after connect\n");
      assertEquals("echo: after connect", Loopback.readLine(tls.getInputStream()));
    }
  }

  @Test
  void unconnectedSocket_certificateProblem_raisedAtConnect() throws Exception {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = client.wrapSocket(new Socket(), false, "localhost")) {
      SslCertVerificationError e = assertThrows(SslCertVerificationError.class,
          () -> tls.connect(new InetSocketAddress("127.0.0.1", lo.port()), 5000));
      assertEquals(19, e.verifyCode());
    }
  }

  @Test
  void clientContext_serverSide_isRefusedLikePython() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pki.clientContext().wrapSocket(new Socket(), true, null));
    assertEquals("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context",
        e.getMessage());
  }

  @Test
  void serverContext_clientSide_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> pki.serverContext(VerifyMode.CERT_NONE).wrapSocket(new Socket(), false, null));
  }

  @Test
  void checkHostname_withoutServerHostname_isRefusedLikePython() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pki.clientContext().wrapSocket(new Socket(), false, null));
    assertEquals("check_hostname requires server_hostname", e.getMessage());
  }

  @Test
  void serverHostname_onServerSide_isRefusedLikePython() {
    SslContext ctx = new SslContext(Protocol.TLS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ctx.wrapSocket(new Socket(), true, "localhost"));
    assertEquals("server_hostname can only be specified in client mode", e.getMessage());
  }

  @Test
  void closingTheTlsSocket_closesTheWrappedSocket() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE))) {
      Socket raw = lo.connect();
      SSLSocket tls = pki.clientContext().wrapSocket(raw, false, "localhost");
      tls.close();
      assertTrue(raw.isClosed());
    }
  }
}
