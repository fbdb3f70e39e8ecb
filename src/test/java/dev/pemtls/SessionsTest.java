package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions between two PemTLS contexts, and the session arguments Python (and PemTLS) refuse.
 * The interop with CPython is {@link SessionsPythonTest}.
 */
class SessionsTest {
  @TempDir static Path dir;
  static TestPki pki;

  private SslContext server;
  private ServerSocket listener;
  private final LinkedBlockingQueue<Boolean> serverReused = new LinkedBlockingQueue<>();

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  @BeforeEach
  void serve() throws Exception {
    server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setMaximumVersion(TlsVersion.TLSv1_2);
    listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket raw = listener.accept();
            SslSocket tls = SslSocket.of(server.wrapSocket(raw, true, null))) {
          raw.setSoTimeout(10_000);
          tls.write(new byte[] {'x'});
          tls.read(1);
          serverReused.add(tls.sessionReused());
        } catch (IOException e) {
          // the listener closed, or a refused client: the test says which
        }
      }
    }, "sessions-test-server");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void stop() throws IOException {
    listener.close();
  }

  private SslSocket connect(SslContext client, String host, SslSession session)
      throws IOException {
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort());
    raw.setSoTimeout(10_000);
    SslSocket tls = SslSocket.of(client.wrapSocket(raw, false, true, true, host, session));
    assertEquals(1, tls.read(1).length);
    tls.write(new byte[] {'x'});
    return tls;
  }

  private boolean serverSaw() throws InterruptedException {
    Boolean b = serverReused.poll(15, TimeUnit.SECONDS);
    assertTrue(b != null, "the server finished the connection");
    return b;
  }

  @Test
  void sessionPassedBack_resumesOnBothSides_andNoSessionResumesNothing() throws Exception {
    SslContext client = pki.clientContext();
    SslSession first;
    try (SslSocket tls = connect(client, "localhost", null)) {
      first = tls.session();
      assertFalse(tls.sessionReused());
    }
    assertFalse(serverSaw());
    try (SslSocket tls = connect(client, "localhost", first)) {
      assertTrue(tls.sessionReused());
      assertEquals(first, tls.session());
    }
    assertTrue(serverSaw());
    try (SslSocket tls = connect(client, "localhost", null)) {
      assertFalse(tls.sessionReused(), "as in Python, no session given, none resumed");
    }
    assertFalse(serverSaw());
    assertEquals(1L, client.sessionStats().get("hits"));
    assertEquals(1L, server.sessionStats().get("hits"));
    assertEquals(3L, server.sessionStats().get("accept_good"));
  }

  @Test
  void sessionFromBeforeASettingsChange_isNotOffered() throws Exception {
    SslContext client = pki.clientContext();
    SslSession first;
    try (SslSocket tls = connect(client, "localhost", null)) {
      first = tls.session();
    }
    assertFalse(serverSaw());
    client.setCiphers("ECDHE+AESGCM"); // a new snapshot: its handshakes apply the new settings
    try (SslSocket tls = connect(client, "localhost", first)) {
      assertFalse(tls.sessionReused());
    }
    assertFalse(serverSaw());
  }

  @Test
  void sessionArguments_thatPythonRefuses_areRefused() throws Exception {
    SslContext client = pki.clientContext();
    SslSession first;
    try (SslSocket tls = connect(client, "localhost", null)) {
      first = tls.session();
    }
    assertEquals("session can only be specified in client mode",
        assertThrows(IllegalArgumentException.class, () -> server.wrapSocket(new Socket(), true,
            true, true, null, first)).getMessage());
    assertEquals("Session refers to a different SSLContext.",
        assertThrows(IllegalArgumentException.class, () -> pki.clientContext().wrapSocket(
            new Socket(), false, true, true, "localhost", first)).getMessage());
    String other = assertThrows(IllegalArgumentException.class, () -> client.wrapSocket(
        new Socket(), false, true, true, "other.example", first)).getMessage();
    assertTrue(other.contains("localhost") && other.contains("other.example"), other);
    assertEquals("Session refers to a different SSLContext.",
        assertThrows(IllegalArgumentException.class, () -> pki.clientContext().wrapBio(
            new MemoryBio(), new MemoryBio(), false, "localhost", first)).getMessage());
  }

  @Test
  void session_isNullBeforeTheHandshake_andNotReused() throws Exception {
    SslContext client = pki.clientContext();
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort());
    try (SslSocket tls = SslSocket.of(client.wrapSocket(raw, false, false, true, "localhost"))) {
      assertNull(tls.session());
      assertFalse(tls.sessionReused());
      tls.doHandshake();
      assertTrue(tls.session() != null && tls.session().id().length == 32);
      assertTrue(tls.session().timeout() > 0);
      tls.read(1);
      tls.write(new byte[] {'x'});
    }
    assertFalse(serverSaw());
  }

  @Test
  void sessionStats_hasPythonsKeys_inPythonsOrder() {
    assertEquals(List.of("number", "connect", "connect_good", "connect_renegotiate", "accept",
        "accept_good", "accept_renegotiate", "hits", "misses", "timeouts", "cache_full"),
        new ArrayList<>(new SslContext(Protocol.TLS_CLIENT).sessionStats().keySet()));
    assertTrue(new SslContext(Protocol.TLS_CLIENT).sessionStats().values().stream()
        .allMatch(v -> v == 0L));
  }
}
