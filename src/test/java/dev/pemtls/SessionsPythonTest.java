package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.BioDriver;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session resumption against CPython 3.11 in both directions: a session passed back to {@code
 * wrap_socket(session=...)} resumes in TLS 1.2, {@code session_reused} says so on both ends, and
 * both contexts' {@code session_stats()} count the hit; without a session nothing resumes, as in
 * Python. TLS 1.3 never resumes: BCJSSE 1.84 has no TLS 1.3 resumption.
 */
@Tag("peer") // needs python3
class SessionsPythonTest {
  @TempDir static Path dir;
  static TestPki pki;

  /**
   * Three connections; prints session_reused of each, then session_stats() as JSON. Each ends
   * with close_notify both ways: OpenSSL drops a session from its cache when the connection was
   * not shut down properly.
   */
  private static final String PY_SERVER = String.join("\n",
      "import json, socket, ssl, sys",
      "cert, key, version = sys.argv[1:4]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.maximum_version = getattr(ssl.TLSVersion, version)",
      "with socket.create_server(('127.0.0.1', 0)) as srv:",
      "    print(srv.getsockname()[1], flush=True)",
      "    for i in range(3):",
      "        conn, _ = srv.accept()",
      "        t = ctx.wrap_socket(conn, server_side=True)",
      "        t.sendall(b'x')",
      "        t.recv(1)",
      "        print('reused', t.session_reused, flush=True)",
      "        t.unwrap().close()",
      "print('STATS', json.dumps(ctx.session_stats()), flush=True)");

  /** Connects three times (the second with the first's session); prints session_reused. */
  private static final String PY_CLIENT = String.join("\n",
      "import json, socket, ssl, sys",
      "port, ca = int(sys.argv[1]), sys.argv[2]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
      "ctx.load_verify_locations(ca)",
      "first = None",
      "for i in range(3):",
      "    s = socket.create_connection(('127.0.0.1', port))",
      "    t = ctx.wrap_socket(s, server_hostname='localhost',",
      "                        session=first if i == 1 else None)",
      "    t.recv(1)",
      "    t.sendall(b'x')",
      "    print('reused', t.session_reused, t.version(), flush=True)",
      "    if i == 0:",
      "        first = t.session",
      "    t.recv(1)",
      "    t.close()",
      "print('STATS', json.dumps(ctx.session_stats()), flush=True)");

  @BeforeAll
  static void pki() throws IOException {
    Peer.require("python3", "CPython as the resuming peer");
    pki = new TestPki(dir, "EC");
  }

  @Test
  void pemtlsClient_resumesWithSession_againstPythonServer_tls12() throws Exception {
    try (Peer server = pythonServer("TLSv1_2")) {
      int port = Integer.parseInt(server.awaitLine("").trim());
      SslContext client = pki.clientContext();
      List<Boolean> reused = new ArrayList<>();
      SslSession first = null;
      for (int i = 0; i < 3; i++) {
        try (SslSocket tls = connect(client, port, i == 1 ? first : null)) {
          reused.add(tls.sessionReused());
          if (i == 0) {
            first = tls.session();
          } else if (i == 1) {
            assertEquals(first, tls.session(), "the resumed session is the first one");
          }
        }
      }
      assertEquals(List.of(false, true, false), reused, "PemTLS's session_reused");
      assertEquals(List.of("reused False", "reused True", "reused False"), reusedLines(server),
          "Python server's session_reused");
      assertEquals(32, first.id().length);
      assertFalse(first.hasTicket(), "BCJSSE accepts no tickets");
      Map<String, Object> pyStats = stats(server);
      assertEquals(1L, ((Number) pyStats.get("hits")).longValue(), "Python's hits: " + pyStats);
      Map<String, Long> ours = client.sessionStats();
      assertEquals(3L, ours.get("connect"), ours.toString());
      assertEquals(3L, ours.get("connect_good"), ours.toString());
      assertEquals(1L, ours.get("hits"), ours.toString());
    }
  }

  @Test
  void pythonClient_resumesWithSession_againstPemtlsServer_tls12() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setMaximumVersion(TlsVersion.TLSv1_2);
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<List<Boolean>> seen = serveThree(server, listener);
      Peer client = Peer.command(List.of("python3", "-c", PY_CLIENT,
          Integer.toString(listener.getLocalPort()), pki.caFile.toString())).run();
      assertEquals(List.of("reused False TLSv1.2", "reused True TLSv1.2",
          "reused False TLSv1.2"), reusedLines(client), client.toString());
      assertEquals(List.of(false, true, false), seen.get(20, TimeUnit.SECONDS),
          "PemTLS server's session_reused");
      Map<String, Long> ours = server.sessionStats();
      assertEquals(3L, ours.get("accept_good"), ours.toString());
      assertEquals(1L, ours.get("hits"), ours.toString());
      // Python's client sends a random session id from its TLS 1.3-capable ClientHello on the
      // first and the third connection: ids the server does not know.
      assertEquals(2L, ours.get("misses"), ours.toString());
      assertTrue(ours.get("number") >= 1, "the server caches the session: " + ours);
    }
  }

  @Test
  void sslObject_resumesWithSession_againstPythonServer_andSocketsTakeItsSession()
      throws Exception {
    try (Peer server = pythonServer("TLSv1_2")) {
      int port = Integer.parseInt(server.awaitLine("").trim());
      SslContext client = pki.clientContext();
      SslSession first = null;
      List<Boolean> reused = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        try (Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
          raw.setSoTimeout(10_000);
          BioDriver d = new BioDriver(client, raw, false, "localhost", first);
          assertEquals(null, d.object.session(), "no session before the handshake");
          d.handshake();
          assertEquals(1, d.drive(() -> d.object.read(1)).length);
          d.drive(() -> d.object.write(new byte[] {'x'}));
          assertEquals(0, d.drive(() -> d.object.read(1)).length, "the server's close_notify");
          reused.add(d.object.sessionReused());
          if (first == null) {
            first = d.object.session();
          }
        }
      }
      try (SslSocket tls = connect(client, port, first)) {
        reused.add(tls.sessionReused());
      }
      assertEquals(List.of(false, true, true), reused, "PemTLS's session_reused");
      assertEquals(List.of("reused False", "reused True", "reused True"), reusedLines(server));
      assertEquals(2L, client.sessionStats().get("hits"));
    }
  }

  @Test
  void tls13_resumesNeither_againstPython_inEitherDirection() throws Exception {
    try (Peer server = pythonServer("TLSv1_3")) {
      int port = Integer.parseInt(server.awaitLine("").trim());
      SslContext client = pki.clientContext();
      SslSession first;
      try (SslSocket tls = connect(client, port, null)) {
        first = tls.session();
        assertNotNull(first);
        assertEquals("TLSv1.3", tls.version());
      }
      for (int i = 0; i < 2; i++) {
        try (SslSocket tls = connect(client, port, first)) {
          assertFalse(tls.sessionReused(), "BCJSSE 1.84 resumes no TLS 1.3 session");
        }
      }
      assertEquals(List.of("reused False", "reused False", "reused False"), reusedLines(server));
    }
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<List<Boolean>> seen = serveThree(server, listener);
      Peer client = Peer.command(List.of("python3", "-c", PY_CLIENT,
          Integer.toString(listener.getLocalPort()), pki.caFile.toString())).run();
      assertEquals(List.of("reused False TLSv1.3", "reused False TLSv1.3",
          "reused False TLSv1.3"), reusedLines(client), client.toString());
      assertEquals(List.of(false, false, false), seen.get(20, TimeUnit.SECONDS));
      assertEquals(0L, server.sessionStats().get("hits"));
    }
  }

  private static Peer pythonServer(String version) throws IOException {
    return Peer.command(List.of("python3", "-c", PY_SERVER, pki.serverChain.toString(),
        pki.serverKey.toString(), version)).separateStderr().start();
  }

  private static SslSocket connect(SslContext client, int port, SslSession session)
      throws IOException {
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(10_000);
    SslSocket tls = SslSocket.of(client.wrapSocket(raw, false, true, true, "localhost",
        session));
    assertEquals(1, tls.read(1).length);
    tls.write(new byte[] {'x'});
    assertEquals(0, tls.read(1).length, "the server's close_notify");
    return tls;
  }

  /** Accepts three connections, sends a byte, reads one, and sends one more. */
  private static CompletableFuture<List<Boolean>> serveThree(SslContext server,
      ServerSocket listener) {
    CompletableFuture<List<Boolean>> seen = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      List<Boolean> reused = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket raw = listener.accept();
          raw.setSoTimeout(10_000);
          try (SslSocket tls = SslSocket.of(server.wrapSocket(raw, true, null))) {
            tls.write(new byte[] {'x'});
            tls.read(1);
            reused.add(tls.sessionReused());
            tls.write(new byte[] {'y'});
          }
        }
        seen.complete(reused);
      } catch (Throwable e) {
        seen.completeExceptionally(e);
      }
    }, "sessions-server");
    t.setDaemon(true);
    t.start();
    return seen;
  }

  private static List<String> reusedLines(Peer peer) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(peer.awaitLine("reused").trim());
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stats(Peer peer) throws InterruptedException {
    String line = peer.awaitLine("STATS ");
    return (Map<String, Object>) dev.pemtls.testing.MiniJson.parse(line.substring(6).trim());
  }
}
