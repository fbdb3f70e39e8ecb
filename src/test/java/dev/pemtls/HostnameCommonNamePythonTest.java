package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's {@code hostname_checks_common_name}: a server certificate whose only name is its
 * subject's commonName "localhost" (no subject alternative names) passes the host check by
 * default and fails it with the attribute off, for CPython and PemTLS alike, against the same
 * openssl s_server.
 */
@Tag("peer") // needs openssl and python3
class HostnameCommonNamePythonTest {
  @TempDir static Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void commonNameOnlyCertificate_matchesOnlyWithTheFallback(boolean fallback) throws Exception {
    Peer.require("openssl", "the server");
    Peer.require("python3", "Python's verdict");
    TestPki pki = new TestPki(Files.createDirectories(dir.resolve("pki-" + fallback)), "EC");
    Issued cnOnly = pki.spec("localhost").issuer(pki.root)
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    Path chain = pki.writeChain("cn-only.pem", cnOnly);
    Path key = pki.writeKey("cn-only.key", cnOnly);
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", chain.toString(), "-key", key.toString(), "-www")) {
      server.await("ACCEPT");
      Peer py = Peer.command(List.of("python3", "-c", String.join("\n",
          "import socket, ssl, sys",
          "c = ssl.create_default_context(cafile=sys.argv[2])",
          "c.hostname_checks_common_name = sys.argv[3] == 'true'",
          "try:",
          "    c.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),",
          "                  server_hostname='localhost')",
          "    print('ok')",
          "except ssl.SSLCertVerificationError as e:",
          "    print('refused', e.verify_code)"), Integer.toString(port), pki.caFile.toString(),
          Boolean.toString(fallback))).separateStderr().run();
      SslContext ctx = pki.clientContext();
      assertTrue(ctx.hostnameChecksCommonName(), "Python's default");
      ctx.setHostnameChecksCommonName(fallback);
      String ours;
      try (Socket tls = ctx.wrapSocket(new Socket(InetAddress.getLoopbackAddress(), port), false,
          "localhost")) {
        ours = "ok";
      } catch (SslCertVerificationError e) {
        ours = "refused " + e.verifyCode();
      }
      assertEquals(fallback ? "ok" : "refused 62", py.text().trim(), "Python: " + py);
      assertEquals(py.text().trim(), ours);
    }
  }
}
