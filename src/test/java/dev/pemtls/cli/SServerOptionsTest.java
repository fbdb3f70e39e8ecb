package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s_server -cert_chain}, {@code -verify_return_error} and {@code -brief}, each beside
 * openssl s_server with the same options, openssl s_client as the client of both.
 */
@Tag("peer") // needs openssl on the PATH
class SServerOptionsTest {
  @TempDir static Path dir;
  static TestPki pki;
  static TestPki stranger;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.withIntermediate(dir, "EC");
    stranger = new TestPki(Files.createDirectories(dir.resolve("stranger")), "EC");
  }

  @Test
  void certChain_sendsTheChainAfterTheLeaf_asOpenssl() throws Exception {
    List<String> chained = List.of("-cert", pki.serverLeaf.toString(), "-key",
        pki.serverKey.toString(), "-cert_chain", pki.intermediateFile.toString());
    List<String> leafOnly = List.of("-cert", pki.serverLeaf.toString(), "-key",
        pki.serverKey.toString());
    for (List<String> options : List.of(chained, leafOnly)) {
      List<String> theirs = chainSeen(true, options);
      List<String> ours = chainSeen(false, options);
      assertEquals(theirs, ours, "" + options);
    }
    assertEquals(List.of(" 0 s:CN = localhost", "   i:CN = Test Intermediate EC",
        " 1 s:CN = Test Intermediate EC", "   i:CN = Test Root EC",
        "Verify return code: 0 (ok)"), chainSeen(false, chained));
    assertTrue(chainSeen(false, leafOnly).contains(
        "Verify return code: 21 (unable to verify the first certificate)"));
  }

  @Test
  void certChainWithoutCert_isAUsageError() {
    CliRun r = CliRun.of("s_server", "-cert_chain", pki.intermediateFile.toString());
    assertEquals(1, r.status(), r.err());
  }

  @Test
  void verifyReturnError_refusesAnUntrustedClient_andServesATrustedOne_asOpenssl()
      throws Exception {
    for (boolean openssl : new boolean[] {true, false}) {
      Served bad = serve(openssl, List.of("-Verify", "5", "-CAfile", pki.caFile.toString(),
          "-verify_return_error"), List.of("-cert", stranger.clientChain.toString(), "-key",
          stranger.clientKey.toString()), false);
      assertFalse(bad.server.contains("hello from the client"), bad.server);
      assertTrue(bad.clientErr.contains("alert"), bad.clientErr);
      Served good = serve(openssl, List.of("-Verify", "5", "-CAfile", pki.caFile.toString(),
          "-verify_return_error"), List.of("-cert", pki.clientChain.toString(), "-key",
          pki.clientKey.toString(), "-cert_chain", pki.intermediateFile.toString()), true);
      assertTrue(good.server.contains("hello from the client"), good.server);
    }
  }

  @Test
  void brief_printsOpensslsSummaryLines() throws Exception {
    List<List<String>> cases = List.of(
        List.<String>of(),
        List.of("-Verify", "5", "-CAfile", pki.caFile.toString()));
    for (List<String> serverOptions : cases) {
      List<String> client = serverOptions.isEmpty() ? List.of("-tls1_2")
          : List.of("-cert", pki.clientChain.toString(), "-key", pki.clientKey.toString(),
              "-cert_chain", pki.intermediateFile.toString());
      List<String> options = new ArrayList<>(serverOptions);
      options.add("-brief");
      Served theirs = serve(true, options, client, true);
      Served ours = serve(false, options, client, true);
      List<String> expected = summary(theirs.server);
      assertTrue(expected.size() >= 6, theirs.server);
      assertEquals(expected, summary(ours.server), ours.server);
    }
  }

  /** The lines of openssl's brief summary that PemTLS prints. */
  private static List<String> summary(String err) {
    return err.lines().filter(l -> l.startsWith("Protocol version:")
        || l.startsWith("Client cipher list:") || l.startsWith("Ciphersuite:")
        || l.startsWith("Peer certificate:") || l.equals("No peer certificate")
        || l.startsWith("Verification") || l.startsWith("Signature Algorithms:")
        || l.startsWith("Supported groups:")).toList();
  }

  /** The server's standard output and error as one stream, and the client's standard error. */
  private record Served(String server, String clientErr) {}

  /**
   * One openssl s_client connection to a server, sending a line. {@code served}: the server
   * prints the line (then both are ended); else the client fails, and that is waited for.
   */
  private static Served serve(boolean openssl, List<String> serverOptions,
      List<String> clientOptions, boolean served) throws Exception {
    int port = Loopback.freePort();
    List<String> args = new ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:" + port));
    args.addAll(List.of("-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString()));
    args.addAll(serverOptions);
    try (Peer server = start(openssl, args, false)) {
      if (openssl && serverOptions.contains("-brief")) {
        waitForPort(port); // the probe is one more (failed) connection, hence no -naccept
      } else {
        server.await("ACCEPT");
      }
      List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), "-ign_eof"));
      command.addAll(clientOptions);
      try (Peer client = Peer.command(command).separateStderr().start()) {
        client.send("hello from the client\n");
        if (served) {
          server.await("hello from the client"); // then end both: no race with TLS 1.3's
          return new Served(server.output(), ""); // tickets and an early close
        }
        client.waitFor(); // the server's alert ends the client
        return new Served(server.output(), client.stderr());
      }
    }
  }

  private static Peer start(boolean openssl, List<String> args, boolean separateStderr)
      throws Exception {
    Peer.Launch launch = Peer.opensslOrPemtls(openssl, args);
    return (separateStderr ? launch.separateStderr() : launch).start();
  }

  /** openssl s_server -brief prints no ACCEPT: wait until the port takes connections. */
  private static void waitForPort(int port) throws Exception {
    for (int i = 0; i < 300; i++) {
      try (java.net.Socket probe = new java.net.Socket()) {
        probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("openssl s_server did not listen on " + port);
  }

  /** The chain lines and verify result openssl s_client -showcerts prints for a server. */
  private static List<String> chainSeen(boolean openssl, List<String> serverOptions)
      throws Exception {
    int port = Loopback.freePort();
    List<String> args = new ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:" + port,
        "-www"));
    args.addAll(serverOptions);
    try (Peer server = start(openssl, args, true)) {
      server.await("ACCEPT");
      Peer client = Peer.command(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), "-showcerts"))
          .separateStderr().start();
      client.closeInput();
      client.waitFor();
      return client.lines().stream().filter(l -> l.matches(" \\d s:.*|   i:.*")
          || l.startsWith("Verify return code:")).toList();
    }
  }
}
