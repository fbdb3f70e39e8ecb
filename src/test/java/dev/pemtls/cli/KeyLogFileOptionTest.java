package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -keylogfile FILE} on s_client and s_server as openssl's: against openssl with its own
 * {@code -keylogfile}, both files hold the same secret lines for the connection, TLS 1.2 and
 * 1.3, and a new file starts with openssl's header.
 */
@Tag("peer") // needs openssl on the PATH
class KeyLogFileOptionTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-tls1_2", "-tls1_3"})
  void sClient_writesTheLinesOfOpensslsServer(String version) throws Exception {
    Path ours = dir.resolve("s_client" + version + ".log");
    Path theirs = dir.resolve("openssl-s_server" + version + ".log");
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-keylogfile",
        theirs.toString(), "-naccept", "1", "-www")) {
      server.await("ACCEPT");
      CliRun run = CliRun.withInput("GET / HTTP/1.0\n\n", "s_client", "-connect",
          "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), version, "-keylogfile",
          ours.toString());
      assertEquals(0, run.status(), run.err());
      server.waitFor();
    }
    assertSameSecrets(version, theirs, ours);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-tls1_2", "-tls1_3"})
  void sServer_writesTheLinesOfOpensslsClient(String version) throws Exception {
    Path ours = dir.resolve("s_server" + version + ".log");
    Path theirs = dir.resolve("openssl-s_client" + version + ".log");
    try (Peer server = Peer.pemtls("s_server", "-accept", "127.0.0.1:0", "-cert",
        pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-naccept", "1",
        "-keylogfile", ours.toString())) {
      String accept = server.await("ACCEPT");
      String port = accept.substring(accept.lastIndexOf(':') + 1).trim();
      Peer client = Peer.start("openssl", "s_client", "-connect", "127.0.0.1:" + port,
          "-CAfile", pki.caFile.toString(), version, "-keylogfile", theirs.toString());
      client.send("hello\n");
      server.await("hello");
      client.closeInput();
      client.waitFor();
      server.await("CONNECTION CLOSED");
      assertEquals(0, server.waitFor(), server.output());
    }
    assertSameSecrets(version, theirs, ours);
  }

  @Test
  void keylogfileInAMissingFolder_isTheCommandsError_namingTheFile() {
    Path bad = dir.resolve("missing").resolve("keys.log");
    CliRun r = CliRun.of("s_client", "-connect", "127.0.0.1:1", "-keylogfile", bad.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains(bad.toString()), r.err());
  }

  private static void assertSameSecrets(String version, Path openssl, Path pemtls)
      throws IOException {
    Set<String> expected = secrets(openssl);
    assertEquals(version.equals("-tls1_3") ? 5 : 1, expected.size(), "openssl's lines for one "
        + version + " connection: " + expected);
    assertEquals(expected, secrets(pemtls), "key-log lines of pemtls and openssl");
    assertEquals(Files.readAllLines(openssl).get(0), Files.readAllLines(pemtls).get(0),
        "openssl's header on a new file");
  }

  private static Set<String> secrets(Path file) throws IOException {
    Set<String> lines = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
