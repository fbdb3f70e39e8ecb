package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code s_client -groups} / {@code -curves} as openssl's: against an openssl server that has
 * only X25519, a client without it fails and one with it connects; a bad group name is the
 * command's error, naming it.
 */
@Tag("peer") // needs openssl on the PATH
class GroupsOptionTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "RSA");
  }

  @Test
  void sClientGroups_decideWhetherAnX25519OnlyServerIsReached() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-groups",
        "X25519", "-www")) {
      server.await("ACCEPT");
      CliRun without = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:" + port,
          "-CAfile", pki.caFile.toString(), "-groups", "P-256:P-384");
      assertEquals(1, without.status(), without.err());
      CliRun with = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:" + port,
          "-CAfile", pki.caFile.toString(), "-curves", "P-256:X25519");
      assertEquals(0, with.status(), with.err());
      assertTrue(with.out().contains("Verify return code: 0 (ok)"), with.out());
    }
  }

  @Test
  void unknownGroup_isAnErrorNamingIt() {
    CliRun r = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:1", "-groups",
        "X25519:secp256k1");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("group 'secp256k1' cannot be set"), r.err());
  }
}
