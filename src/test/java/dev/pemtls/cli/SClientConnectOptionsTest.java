package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s_client -host/-port} in place of {@code -connect}, and {@code -crlf}, against openssl
 * s_server, which prints what it receives: without -crlf a line ends in LF, with it in CR LF.
 */
@Tag("peer") // needs openssl on the PATH
class SClientConnectOptionsTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
  }

  @Test
  void hostAndPort_andCrlf_asOpensslsOptions() throws Exception {
    for (boolean crlf : new boolean[] {false, true}) {
      int port = Loopback.freePort();
      try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
          "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-naccept",
          "1")) {
        server.await("ACCEPT");
        CliRun r = crlf
            ? CliRun.withInput("hello\n", "s_client", "-host", "127.0.0.1", "-port",
                Integer.toString(port), "-CAfile", pki.caFile.toString(), "-crlf")
            : CliRun.withInput("hello\n", "s_client", "-host", "127.0.0.1", "-port",
                Integer.toString(port), "-CAfile", pki.caFile.toString());
        assertEquals(0, r.status(), r.err());
        server.waitFor();
        assertTrue(server.text().contains("hello"), server.text());
        assertEquals(crlf, server.text().contains("hello\r\n"), server.text());
        assertFalse(server.text().contains("\r\r"), server.text());
      }
    }
  }

  @Test
  void verifyIp_reportsOpensslsCode_forTheCertificatesIpSan() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-www")) {
      server.await("ACCEPT");
      for (String ip : new String[] {"127.0.0.1", "127.0.0.2"}) {
        Peer openssl = Peer.command(java.util.List.of("openssl", "s_client", "-connect",
            "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), "-verify_ip", ip))
            .separateStderr().start();
        openssl.closeInput();
        openssl.waitFor();
        CliRun ours = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:" + port,
            "-CAfile", pki.caFile.toString(), "-verify_ip", ip);
        String expected = openssl.line("Verify return code:");
        assertTrue(expected.startsWith(ip.endsWith(".1") ? "Verify return code: 0 (ok)"
            : "Verify return code: 64 (IP address mismatch)"), expected);
        assertTrue(ours.out().contains(expected), "openssl: " + expected + "; ours: "
            + ours.out());
      }
    }
  }

  @Test
  void connectWithHost_isAUsageError() {
    CliRun r = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:1", "-host", "x");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("-connect and -host exclude each other"), r.err());
  }
}
