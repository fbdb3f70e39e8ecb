package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handshake timeout bounds the whole handshake of wrapSocket's sockets (both sides) and of
 * sslContext()'s server sockets, against a silent peer and one that trickles a byte at a time
 * (which SO_TIMEOUT alone never stops), and leaves application reads to SO_TIMEOUT. The time
 * limits in these tests only guard the build against a hang; no test measures time.
 */
class HandshakeTimeoutTest {
  private static final Duration SHORT = Duration.ofMillis(400);
  /** For handshakes that must complete: long enough for a loaded machine's loopback handshake. */
  private static final Duration ROOMY = Duration.ofSeconds(3);
  private static final Duration GUARD = Duration.ofSeconds(20);
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
  }

  @Test
  void defaultTimeout_is30Seconds() throws Exception {
    assertEquals(Duration.ofSeconds(30), new SslContext(Protocol.TLS_SERVER).handshakeTimeout());
  }

  @Test
  void negativeTimeout_isRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> new SslContext(Protocol.TLS_SERVER)
        .setHandshakeTimeout(Duration.ofSeconds(-1)));
  }

  @Test
  void serverSide_silentPeer_failsWithHandshakeTimeout() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setHandshakeTimeout(SHORT);
    try (Loopback lo = Loopback.serve(server, tls -> "handshake finished");
        Socket silent = lo.connect()) {
      assertTimedOut(lo.failure());
    }
  }

  @Test
  void serverSide_peerTricklingOneBytePerRead_failsAlthoughSoTimeoutNeverTrips() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setHandshakeTimeout(SHORT);
    try (Loopback lo = Loopback.serve(server, tls -> "handshake finished");
        Socket slow = lo.connect()) {
      // Loopback's server socket has SO_TIMEOUT 10 s; each byte arrives well within it.
      CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
        try {
          OutputStream out = slow.getOutputStream();
          byte[] start = {22, 3, 1, 2, 0, 1, 0, 1, (byte) 0xfc, 3, 3};
          for (byte b : start) {
            out.write(b);
            out.flush();
            Thread.sleep(150);
          }
        } catch (Exception e) {
          // the server hung up: that is the point
        }
      });
      assertTimedOut(lo.failure());
      trickle.join();
    }
  }

  @Test
  void clientSide_serverThatNeverAnswers_failsWithHandshakeTimeout() throws Exception {
    SslContext client = pki.clientContext();
    client.setHandshakeTimeout(SHORT);
    try (ServerSocket mute = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), mute.getLocalPort());
        Socket accepted = mute.accept()) {
      raw.setSoTimeout(10_000);
      Exception e = assertThrows(Exception.class, () -> assertTimeoutPreemptively(GUARD,
          () -> client.wrapSocket(raw, false, "localhost")));
      assertTimedOut(e);
    }
  }

  @Test
  void afterTheHandshake_soTimeoutStillGovernsReads_andTheDeadlineNoLongerApplies()
      throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setHandshakeTimeout(ROOMY);
    try (Loopback lo = Loopback.serve(server, tls -> {
      tls.setSoTimeout(200);
      InputStream in = tls.getInputStream();
      assertThrows(SocketTimeoutException.class, in::read, "SO_TIMEOUT applies to app reads");
      tls.setSoTimeout(10_000);
      return Loopback.readLine(in); // the client writes only after the deadline has passed
    }); Socket raw = lo.connect();
        SSLSocket tls = pki.clientContext().wrapSocket(raw, false, "localhost")) {
      Thread.sleep(ROOMY.toMillis() + 500);
      Loopback.write(tls.getOutputStream(), "still here\n");
      assertEquals("still here", lo.result());
    }
  }

  @Test
  void sslContextServerSocket_silentPeer_failsWithHandshakeTimeout() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setHandshakeTimeout(SHORT);
    try (SSLServerSocket ss = (SSLServerSocket) server.sslContext().getServerSocketFactory()
        .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        Socket silent = new Socket(InetAddress.getByName("127.0.0.1"), ss.getLocalPort());
        SSLSocket accepted = (SSLSocket) ss.accept()) {
      accepted.setSoTimeout(10_000);
      Exception e = assertThrows(Exception.class, () -> assertTimeoutPreemptively(GUARD,
          accepted::startHandshake));
      assertTimedOut(e);
    }
  }

  @Test
  void sslContextServerSocket_realClient_completesAndExchangesData() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setHandshakeTimeout(ROOMY);
    try (SSLServerSocket ss = (SSLServerSocket) server.sslContext().getServerSocketFactory()
        .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.setSoTimeout(10_000);
          s.startHandshake(); // bounds the handshake alone; a first read would include the wait
          String line = Loopback.readLine(s.getInputStream());
          Loopback.write(s.getOutputStream(), "echo: " + line + "\n");
          return line + " over " + s.getSession().getProtocol();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), ss.getLocalPort());
          SSLSocket tls = pki.clientContext().wrapSocket(raw, false, "localhost")) {
        raw.setSoTimeout(10_000);
        Thread.sleep(ROOMY.toMillis() + 500); // past the deadline: a done handshake stays up
        Loopback.write(tls.getOutputStream(), "hello\n");
        assertEquals("echo: hello", Loopback.readLine(tls.getInputStream()));
      }
      assertEquals("hello over TLSv1.3", served.get());
    }
  }

  private static void assertTimedOut(Throwable e) {
    assertInstanceOf(SocketTimeoutException.class, e, String.valueOf(e));
    assertTrue(e.getMessage().contains("handshake") && e.getMessage().contains("400 ms"),
        e.getMessage());
  }
}
