package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pemtls s_client}'s exit status as openssl's: 0 when the session ends cleanly (the
 * server's close_notify, or the end of standard input), 1 only for a real failure.
 */
@Tag("peer") // needs openssl on the PATH
class SClientExitTest {
  private static final String REQUEST = "GET / HTTP/1.0\r\n\r\n";
  private static final int RUNS = 20;

  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
  }


  private static Peer opensslWww(int port) throws Exception {
    Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
        pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-www");
    server.await("ACCEPT");
    return server;
  }

  @Test
  void opensslWww_serverClosesAfterTheResponse_exitsZeroEveryTime() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = opensslWww(port)) {
      for (int i = 0; i < RUNS; i++) {
        CliRun r = CliRun.withInput(REQUEST, "s_client", "-connect", "127.0.0.1:" + port,
            "-CAfile", pki.caFile.toString(), "-ign_eof");
        assertEquals(0, r.status(), "run " + i + ": " + r.err());
        assertTrue(r.out().contains("HTTP/1.0 200 ok"), "run " + i + ": " + r.out());
        assertTrue(r.out().contains("Verify return code: 0 (ok)"), r.out());
        assertEquals("DONE", r.err().strip(), "run " + i);
      }
    }
  }

  @Test
  void opensslWww_endOfInputClosesFirst_exitsZeroEveryTime() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = opensslWww(port)) {
      for (int i = 0; i < RUNS; i++) {
        CliRun r = CliRun.withInput(REQUEST, "s_client", "-connect", "127.0.0.1:" + port,
            "-CAfile", pki.caFile.toString());
        assertEquals(0, r.status(), "run " + i + ": " + r.err());
        assertEquals("DONE", r.err().strip(), "run " + i);
      }
    }
  }

  @Test
  void serverHangsUpDuringTheHandshake_exitsOneNamingTheFailure() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread hangUp = new Thread(() -> {
        try (Socket s = raw.accept()) {
          s.getInputStream().read(); // the ClientHello's first byte, then TCP close
        } catch (Exception e) {
          // the client reports it
        }
      });
      hangUp.start();
      CliRun r = CliRun.withInput(REQUEST, "s_client", "-connect",
          "127.0.0.1:" + raw.getLocalPort(), "-ign_eof");
      hangUp.join(10_000);
      assertEquals(1, r.status(), r.out() + r.err());
      assertTrue(r.err().startsWith("pemtls s_client: [SSL: "), r.err());
    }
  }
}
