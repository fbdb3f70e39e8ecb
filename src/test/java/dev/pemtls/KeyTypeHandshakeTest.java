package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.Arrays;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mutual TLS with each identity type on both protocol versions: BCJSSE running on the JDK's
 * crypto must serve RSA (PSS signatures in TLS 1.3), ECDSA and EdDSA certificates.
 */
class KeyTypeHandshakeTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({
    "RSA, TLSv1_3", "RSA, TLSv1_2",
    "EC, TLSv1_3", "EC, TLSv1_2",
    "Ed25519, TLSv1_3", "Ed25519, TLSv1_2",
    "Ed448, TLSv1_3"
  })
  void mutualTls_handshakes(String keyAlgorithm, TlsVersion version) throws Exception {
    TestPki pki = new TestPki(Files.createDirectories(dir.resolve(keyAlgorithm)), keyAlgorithm);
    SslContext server = pki.serverContext(VerifyMode.CERT_REQUIRED);
    SslContext client = pki.clientContext();
    client.loadCertChain(pki.clientChain, pki.clientKey);
    client.setMaximumVersion(version);
    try (Loopback lo = Loopback.echo(server);
        SSLSocket tls = client.wrapSocket(lo.connect(), false, "localhost")) {
      Loopback.write(tls.getOutputStream(), keyAlgorithm + "\n");
      assertEquals("echo: " + keyAlgorithm, Loopback.readLine(tls.getInputStream()));
      assertEquals(version.jsseName(), Ssl.version(tls));
      Loopback.Seen seen = (Loopback.Seen) lo.result();
      assertEquals(Map.entry("subject", java.util.List.of(java.util.List.of(
          java.util.List.of("commonName", "test client")))),
          Map.entry("subject", seen.peercert().get("subject")));
    }
  }

  @Test
  void bouncyCastle_isNeverRegisteredJvmWide() throws Exception {
    mutualTls_handshakes("RSA", TlsVersion.TLSv1_3);
    assertTrue(Arrays.stream(Security.getProviders()).noneMatch(
        p -> p.getName().equals("BC") || p.getName().equals("BCJSSE")),
        Arrays.toString(Security.getProviders()));
  }
}
