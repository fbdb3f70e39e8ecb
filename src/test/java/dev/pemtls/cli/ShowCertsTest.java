package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s_client -showcerts}: the chain as the server sent it, leaf and intermediate, the same
 * PEM blocks and the same depth/subject/issuer lines as {@code openssl s_client -showcerts}
 * prints against the same openssl s_server.
 */
@Tag("peer") // needs openssl on the PATH
class ShowCertsTest {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN CERTIFICATE-----\\n[A-Za-z0-9+/=\\n]+-----END CERTIFICATE-----\\n");
  private static final Pattern NAMES = Pattern.compile("^ *\\d+ [si]:.*$", Pattern.MULTILINE);

  @TempDir static Path dir;

  @Test
  void showCerts_printsTheChainAsSent_asOpensslDoes() throws Exception {
    TestPki pki = TestPki.withIntermediate(dir, "EC");
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverLeaf.toString(), "-cert_chain", pki.intermediateFile.toString(),
        "-key", pki.serverKey.toString(), "-www")) {
      server.await("ACCEPT");
      Peer openssl = Peer.command(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), "-showcerts"))
          .separateStderr().start();
      openssl.closeInput();
      openssl.waitFor();
      CliRun ours = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:" + port,
          "-CAfile", pki.caFile.toString(), "-showcerts");
      assertEquals(0, ours.status(), ours.err());
      List<String> theirs = all(PEM, openssl.text());
      assertEquals(2, theirs.size(), "leaf and intermediate: " + openssl.text());
      assertEquals(theirs, all(PEM, ours.out()));
      // openssl 3.0 adds a:/v: lines (key type, validity) that PemTLS leaves out
      List<String> names = new ArrayList<>(all(NAMES, openssl.text()));
      names.removeIf(l -> !l.matches(" *\\d+ s:.*") && !l.matches(" *i:.*"));
      assertTrue(ours.out().contains("Certificate chain"), ours.out());
      assertEquals(names, all(NAMES, ours.out()), ours.out());
    }
  }

  @Test
  void brief_printsOpensslsSummaryLines_onStandardError() throws Exception {
    TestPki pki = new TestPki(java.nio.file.Files.createDirectories(dir.resolve("brief")), "EC");
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-www")) {
      server.await("ACCEPT");
      Peer openssl = Peer.command(List.of("openssl", "s_client", "-connect",
          "127.0.0.1:" + port, "-CAfile", pki.caFile.toString(), "-brief"))
          .separateStderr().start();
      openssl.closeInput();
      openssl.waitFor();
      CliRun ours = CliRun.withInput("", "s_client", "-connect", "127.0.0.1:" + port,
          "-CAfile", pki.caFile.toString(), "-brief");
      assertEquals(0, ours.status(), ours.err());
      assertEquals("", ours.out(), "-brief prints nothing on standard output");
      // openssl's lines but "Hash used", "Signature type", "Server Temp Key" and its
      // "Can't use SSL_get_servername" notice
      List<String> expected = new ArrayList<>(List.of(openssl.stderr().split("\\n")));
      expected.removeIf(l -> l.startsWith("Hash used") || l.startsWith("Signature type")
          || l.startsWith("Server Temp Key") || l.startsWith("Can't use"));
      assertEquals(expected, List.of(ours.err().split("\\n")));
    }
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
