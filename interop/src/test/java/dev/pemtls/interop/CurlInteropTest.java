package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.VerifyMode;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** curl (OpenSSL backend) against a PemTLS HTTPS server: --cacert, --cert, --key, --pass. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CurlInteropTest {
  @TempDir static Path dir;
  static TestPki rsa;
  static TestPki ec;

  @BeforeAll
  static void pki() throws Exception {
    rsa = TestPki.withIntermediate(dir, "RSA");
    ec = TestPki.withIntermediate(dir, "EC");
  }

  static Peer curl(TestPki pki, int port, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert",
        pki.caFile.toString()));
    cmd.addAll(List.of(extra));
    cmd.add("https://127.0.0.1:" + port + "/");
    Peer p = Peer.start(cmd);
    p.waitFor();
    return p;
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"RSA, 1.2", "RSA, 1.3", "EC, 1.2", "EC, 1.3"})
  void curl_verifiesThePemtlsServer(String type, String version) throws Exception {
    TestPki pki = type.equals("RSA") ? rsa : ec;
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_NONE), true)) {
      Peer curl = curl(pki, server.port(), "--tlsv" + version, "--tls-max", version);
      PemtlsServer.Seen seen = server.next();
      assertTrue(curl.output().contains("cipher=" + seen.cipher().name() + " version=TLSv"
          + version), curl.output());
    }
  }

  @Test
  void curl_clientCertificate_isVerifiedAndShown() throws Exception {
    try (PemtlsServer server = new PemtlsServer(
        ec.serverContext(VerifyMode.CERT_REQUIRED), true)) {
      Peer curl = curl(ec, server.port(), "--cert", ec.clientChain.toString(), "--key",
          ec.clientKey.toString());
      assertTrue(curl.output().contains("cipher="), curl.output());
      assertEquals(List.of(List.of(List.of("commonName", "test client"))),
          server.next().peercert().get("subject"));
    }
  }

  @Test
  void curl_encryptedClientKey_withPass() throws Exception {
    try (PemtlsServer server = new PemtlsServer(
        rsa.serverContext(VerifyMode.CERT_REQUIRED), true)) {
      Peer curl = curl(rsa, server.port(), "--cert", rsa.clientChain.toString(), "--key",
          rsa.clientKeyAs("encrypted").toString(), "--pass", TestPki.PASSWORD);
      assertTrue(curl.output().contains("cipher="), curl.output());
      assertTrue(server.next().peercert().containsKey("subject"));
    }
  }

  @Test
  void curl_withoutClientCertificate_isRefusedUnderCertRequired() throws Exception {
    try (PemtlsServer server = new PemtlsServer(
        ec.serverContext(VerifyMode.CERT_REQUIRED), true)) {
      Peer curl = Peer.start("curl", "-sS", "--max-time", "20", "--cacert",
          ec.caFile.toString(), "https://127.0.0.1:" + server.port() + "/");
      assertNotEquals(0, curl.waitFor(), curl.output());
      assertTrue(server.next().failure() != null);
    }
  }

  @Test
  void curl_rejectsAServerItDoesNotTrust() throws Exception {
    try (PemtlsServer server = new PemtlsServer(
        ec.serverContext(VerifyMode.CERT_NONE), true)) {
      Peer curl = Peer.start("curl", "-sS", "--max-time", "20", "--cacert",
          rsa.caFile.toString(), "https://127.0.0.1:" + server.port() + "/");
      assertEquals(60, curl.waitFor(), curl.output()); // CURLE_PEER_FAILED_VERIFICATION
      server.next();
    }
  }
}
