package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s_client -reconnect} against openssl s_server: the first connection and five more, each
 * reported "New" or "Reused" as openssl s_client reports it against the same server: TLS 1.2
 * sessions resume from the session cache, a server without cache and tickets resumes none, and
 * TLS 1.3 resumes none (openssl drops each connection before the ticket is read; BCJSSE 1.84
 * has no TLS 1.3 resumption).
 */
@Tag("peer") // needs openssl on the PATH
class SClientReconnectTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
  }

  @Test
  void tls12_reusesTheSessionFiveTimes_asOpenssl() throws Exception {
    List<String> ours = compare("-tls1_2");
    assertEquals(1, ours.stream().filter(l -> l.startsWith("New, TLSv1.2")).count(), "" + ours);
    assertEquals(5, ours.stream().filter(l -> l.startsWith("Reused, TLSv1.2")).count(),
        "" + ours);
  }

  @Test
  void serverWithoutSessionCache_isNewEachTime_asOpenssl() throws Exception {
    List<String> ours = compare("-tls1_2", "-no_cache", "-no_ticket");
    assertEquals(6, ours.stream().filter(l -> l.startsWith("New, TLSv1.2")).count(), "" + ours);
  }

  @Test
  void tls13_isNewEachTime_asOpenssl() throws Exception {
    List<String> ours = compare("-tls1_3");
    assertEquals(6, ours.stream().filter(l -> l.startsWith("New, TLSv1.3")).count(), "" + ours);
  }

  /** Runs openssl's and our -reconnect against one server; returns ours after comparing. */
  private static List<String> compare(String... serverOptions) throws Exception {
    int port = Loopback.freePort();
    List<String> server = new ArrayList<>(List.of("openssl", "s_server", "-accept",
        "127.0.0.1:" + port, "-cert", pki.serverChain.toString(), "-key",
        pki.serverKey.toString(), "-www"));
    server.addAll(List.of(serverOptions));
    try (Peer s = Peer.start(server)) {
      s.await("ACCEPT");
      Peer openssl = Peer.command(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), "-reconnect"))
          .separateStderr().start();
      openssl.closeInput();
      assertEquals(0, openssl.waitFor(), openssl.stderr());
      CliRun ours = CliRun.of("s_client", "-connect", "127.0.0.1:" + port, "-CAfile",
          pki.caFile.toString(), "-reconnect");
      assertEquals(0, ours.status(), ours.err());
      List<String> expected = sessionLines(openssl.text());
      List<String> actual = sessionLines(ours.out());
      assertEquals(11, expected.size(), openssl.text());
      assertEquals(expected, actual, ours.out());
      assertTrue(ours.out().contains("Verify return code: 0 (ok)"), ours.out());
      return actual;
    }
  }

  private static List<String> sessionLines(String out) {
    return out.lines().filter(l -> l.startsWith("New, ") || l.startsWith("Reused, ")
        || l.equals("drop connection and then reconnect")).toList();
  }
}
