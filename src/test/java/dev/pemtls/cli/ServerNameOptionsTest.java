package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.NamedIdentities;
import dev.pemtls.testing.NamedIdentities.Leaf;
import dev.pemtls.testing.Peer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * s_server's {@code -servername NAME -cert2 F -key2 F} and {@code -dcert F -dkey F}: the same
 * certificates to the same openssl s_client as from openssl s_server, and the same SNI lines.
 */
@Tag("peer") // needs openssl
class ServerNameOptionsTest {
  @TempDir Path dir;

  @Test
  void servernameAndDcert_serveTheCertificatesOpensslServes() throws Exception {
    Peer.require("openssl", "openssl s_server and s_client");
    NamedIdentities pki = new NamedIdentities(dir);
    Leaf rsa = pki.leaf("default.test", "RSA");
    Leaf ec = pki.leaf("default-ec.test", "EC");
    Leaf named = pki.leaf("a.test", "RSA");
    List<String> options = List.of("-cert", rsa.chain().toString(), "-key", rsa.key().toString(),
        "-dcert", ec.chain().toString(), "-dkey", ec.key().toString(), "-servername", "a.test",
        "-cert2", named.chain().toString(), "-key2", named.key().toString());
    List<List<String>> clients = List.of(
        List.of("-servername", "a.test"),
        List.of("-servername", "other.test", "-sigalgs", "rsa_pss_rsae_sha256"),
        List.of("-servername", "other.test", "-sigalgs", "ecdsa_secp256r1_sha256"),
        List.of("-noservername", "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"));

    int port = Loopback.freePort();
    List<String> args = new ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:" + port));
    args.addAll(options);
    List<String> theirs;
    String theirLog;
    try (Peer server = Peer.command(prepend("openssl", args)).start()) {
      server.await("ACCEPT");
      theirs = subjects(port, clients);
      theirLog = sniLines(server);
    }
    args.set(2, "127.0.0.1:0");
    List<String> ours;
    String ourLog;
    try (Peer server = Peer.pemtls(args.toArray(new String[0]))) {
      String accept = server.awaitLine("ACCEPT");
      ours = subjects(Integer.parseInt(accept.substring(accept.lastIndexOf(':') + 1).trim()),
          clients);
      ourLog = sniLines(server);
    }
    assertEquals(List.of("subject=CN = a.test", "subject=CN = default.test",
        "subject=CN = default-ec.test", "subject=CN = default.test"), theirs, "openssl's");
    assertEquals(theirs, ours);
    assertTrue(theirLog.startsWith("Hostname in TLS extension: \"a.test\"\nSwitching server "
        + "context.\nHostname in TLS extension: \"other.test\"\n"), theirLog);
    assertEquals(theirLog, ourLog);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(first));
    out.addAll(rest);
    return out;
  }

  private static List<String> subjects(int port, List<List<String>> clients) throws Exception {
    List<String> out = new ArrayList<>();
    for (List<String> options : clients) {
      List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port));
      cmd.addAll(options);
      Peer client = Peer.command(cmd).separateStderr().run();
      out.add(client.line("subject="));
    }
    return out;
  }

  /** The server's SNI lines so far. */
  private static String sniLines(Peer server) {
    StringBuilder b = new StringBuilder();
    for (String line : server.lines()) {
      if (line.startsWith("Hostname in TLS extension") || line.startsWith("Switching server")) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }
}
