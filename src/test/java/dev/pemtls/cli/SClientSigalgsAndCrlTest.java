package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.trust.TestCrls;
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
 * {@code s_client -sigalgs} and {@code -CRL}/{@code -crl_check}, each beside openssl s_client on
 * the same inputs: openssl s_server prints the signature algorithms the client offered, and
 * openssl's verify return code is the reference for the CRL checks.
 */
@Tag("peer") // needs openssl on the PATH
class SClientSigalgsAndCrlTest {
  @TempDir static Path dir;
  static TestPki pki;
  static String revoking;
  static String clean;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
    revoking = DemoPki.write(dir.resolve("revoking.crl.pem"), TestCrls.pem(
        TestCrls.current(pki.root, pki.server.certificate().getSerialNumber()))).toString();
    clean = DemoPki.write(dir.resolve("clean.crl.pem"),
        TestCrls.pem(TestCrls.current(pki.root))).toString();
  }

  @Test
  void sigalgs_serverSeesTheListOpensslWouldOffer() throws Exception {
    for (String version : new String[] {"-tls1_2", "-tls1_3"}) {
      for (String list : new String[] {"ECDSA+SHA256:RSA-PSS+SHA256:ed25519",
          "rsa_pss_rsae_sha384:ECDSA+SHA384:ecdsa_secp256r1_sha256"}) {
        String theirs = offered(true, version, list);
        String ours = offered(false, version, list);
        assertTrue(theirs.startsWith("Signature Algorithms: "), theirs);
        assertEquals(theirs, ours, version + " " + list);
      }
    }
  }

  @Test
  void sigalgs_withoutOverlap_failTheHandshake_asOpenssls() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-www")) {
      server.await("ACCEPT");
      Peer openssl = Peer.command(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port, "-sigalgs", "RSA+SHA256")).separateStderr().start();
      openssl.closeInput();
      assertNotEquals(0, openssl.waitFor(), openssl.text());
      CliRun ours = CliRun.of("s_client", "-connect", "127.0.0.1:" + port, "-sigalgs",
          "RSA+SHA256");
      assertEquals(1, ours.status(), ours.out());
      assertTrue(ours.err().startsWith("pemtls s_client: [SSL: "), ours.err());
    }
  }

  @Test
  void sigalgs_badList_isRefusedNamingTheElement() {
    CliRun r = CliRun.of("s_client", "-connect", "127.0.0.1:1", "-sigalgs",
        "ECDSA+SHA256:RSA+MD4");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("-sigalgs ECDSA+SHA256:RSA+MD4: 'RSA+MD4' is no signature "
        + "algorithm"), r.err());
  }

  @Test
  void crlCheck_reportsOpensslsVerifyCodes() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-www")) {
      server.await("ACCEPT");
      List<List<String>> cases = List.of(
          List.of("-crl_check", "-CRL", revoking),
          List.of("-crl_check", "-CRL", clean),
          List.of("-crl_check"),
          List.of("-CRL", revoking));
      List<String> codes = new ArrayList<>();
      for (List<String> options : cases) {
        List<String> args = new ArrayList<>(List.of("s_client", "-connect",
            "127.0.0.1:" + port, "-CAfile", pki.caFile.toString()));
        args.addAll(options);
        List<String> command = new ArrayList<>(args);
        command.add(0, "openssl");
        Peer openssl = Peer.command(command).separateStderr().start();
        openssl.closeInput();
        openssl.waitFor();
        String expected = openssl.line("Verify return code:");
        CliRun ours = CliRun.of(args.toArray(new String[0]));
        assertTrue(ours.out().contains(expected + "\n"), options + ": openssl " + expected
            + "; ours " + ours.out());
        codes.add(expected);
      }
      assertEquals(List.of("Verify return code: 23 (certificate revoked)",
          "Verify return code: 0 (ok)", "Verify return code: 3 (unable to get certificate CRL)",
          "Verify return code: 0 (ok)"), codes);
    }
  }

  @Test
  void crlCheck_withVerifyReturnError_failsOnARevokedServer() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-www")) {
      server.await("ACCEPT");
      CliRun ours = CliRun.of("s_client", "-connect", "127.0.0.1:" + port, "-CAfile",
          pki.caFile.toString(), "-CRL", revoking, "-crl_check", "-verify_return_error");
      assertEquals(1, ours.status(), ours.out());
      assertTrue(ours.err().contains("certificate revoked"), ours.err());
    }
  }

  /** The "Signature Algorithms:" line openssl s_server prints for one client's handshake. */
  private static String offered(boolean openssl, String version, String list)
      throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-naccept",
        "1")) {
      server.await("ACCEPT");
      List<String> args = List.of("s_client", "-connect", "127.0.0.1:" + port, version,
          "-sigalgs", list);
      if (openssl) {
        List<String> command = new ArrayList<>(args);
        command.add(0, "openssl");
        Peer client = Peer.command(command).separateStderr().start();
        client.closeInput();
        assertEquals(0, client.waitFor(), client.stderr());
      } else {
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
      }
      server.waitFor();
      return server.line("Signature Algorithms:");
    }
  }
}
