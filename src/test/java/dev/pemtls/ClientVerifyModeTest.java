package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client side of each verify mode, and host-name checks, over real loopback handshakes. */
class ClientVerifyModeTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  private static SslContext serverWith(Issued leaf) throws Exception {
    Path cert = pki.writeChain("leaf-" + System.nanoTime() + ".pem", leaf);
    Path key = pki.writeKey("leaf-" + System.nanoTime() + ".key", leaf);
    SslContext server = new SslContext(Protocol.TLS_SERVER);
    server.loadCertChain(cert, key);
    return server;
  }

  private static SslCertVerificationError failsToVerify(SslContext client, SslContext server,
      String host) throws Exception {
    try (Loopback lo = Loopback.echo(server)) {
      return assertThrows(SslCertVerificationError.class,
          () -> client.wrapSocket(lo.connect(), false, host).close());
    }
  }

  @Test
  void certRequired_trustedChainAndMatchingHost_handshakesAndShowsPeerCert() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, "localhost")) {
      Loopback.write(tls.getOutputStream(), "hello\n");
      assertEquals("echo: hello", Loopback.readLine(tls.getInputStream()));
      Map<String, Object> cert = Ssl.getpeercert(tls);
      assertEquals(List.of(List.of(List.of("commonName", "localhost"))), cert.get("subject"));
      assertEquals(List.of(List.of("DNS", "localhost"), List.of("IP Address", "127.0.0.1")),
          cert.get("subjectAltName"));
      assertEquals("TLSv1.3", Ssl.version(tls));
      assertEquals(new CipherInfo("TLS_AES_256_GCM_SHA384", "TLSv1.3", 256), Ssl.cipher(tls));
    }
  }

  @Test
  void certRequired_untrustedIssuerNotSent_raisesCode20() throws Exception {
    Path leafOnly = DemoPki.write(dir.resolve("leaf-only.pem"),
        DemoPki.pem(pki.server.certificate()));
    SslContext server = new SslContext(Protocol.TLS_SERVER);
    server.loadCertChain(leafOnly, pki.serverKey);
    SslContext client = new SslContext(Protocol.TLS_CLIENT); // trusts nothing
    SslCertVerificationError e = failsToVerify(client, server, "localhost");
    assertEquals(20, e.verifyCode());
    assertEquals("unable to get local issuer certificate", e.verifyMessage());
    assertEquals("CERTIFICATE_VERIFY_FAILED", e.reason());
  }

  @Test
  void certRequired_untrustedRootSentInChain_raisesCode19() throws Exception {
    SslContext client = new SslContext(Protocol.TLS_CLIENT); // trusts nothing
    SslCertVerificationError e = failsToVerify(client, pki.serverContext(VerifyMode.CERT_NONE),
        "localhost");
    assertEquals(19, e.verifyCode());
    assertEquals("self-signed certificate in certificate chain", e.verifyMessage());
  }

  @Test
  void certRequired_selfSignedUntrustedServer_raisesCode18() throws Exception {
    Issued self = new Spec("localhost").dns("localhost").issue();
    SslCertVerificationError e = failsToVerify(pki.clientContext(), serverWith(self),
        "localhost");
    assertEquals(18, e.verifyCode());
    assertEquals("self-signed certificate", e.verifyMessage());
  }

  @Test
  void certRequired_selfSignedServerLoadedAsCa_isTrusted() throws Exception {
    Issued self = new Spec("localhost").dns("localhost").issue();
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(null, null, DemoPki.pem(self.certificate()));
    try (Loopback lo = Loopback.echo(serverWith(self));
        SSLSocket tls = client.wrapSocket(lo.connect(), false, "localhost")) {
      assertNotNull(Ssl.getpeercert(tls).get("subject"));
    }
  }

  @Test
  void certRequired_expiredServerCertificate_raisesCode10() throws Exception {
    Issued expired = new Spec("localhost").issuer(pki.root).dns("localhost")
        .validity(Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)))
        .issue();
    SslCertVerificationError e = failsToVerify(pki.clientContext(), serverWith(expired),
        "localhost");
    assertEquals(10, e.verifyCode());
    assertEquals("certificate has expired", e.verifyMessage());
  }

  @Test
  void certRequired_clientOnlyExtendedKeyUsage_raisesCode26() throws Exception {
    Issued clientOnly = new Spec("localhost").issuer(pki.root).dns("localhost")
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    assertEquals(26, failsToVerify(pki.clientContext(), serverWith(clientOnly), "localhost")
        .verifyCode());
  }

  @Test
  void checkHostname_otherName_raisesCode62() throws Exception {
    SslCertVerificationError e = failsToVerify(pki.clientContext(),
        pki.serverContext(VerifyMode.CERT_NONE), "www.example.com");
    assertEquals(62, e.verifyCode());
    assertEquals("hostname mismatch", e.verifyMessage());
  }

  @Test
  void checkHostname_ipAddressInSan_matches() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, "127.0.0.1")) {
      assertNotNull(Ssl.cipher(tls));
    }
  }

  @Test
  void checkHostname_ipAddressNotInSan_raisesCode64() throws Exception {
    assertEquals(64, failsToVerify(pki.clientContext(), pki.serverContext(VerifyMode.CERT_NONE),
        "127.0.0.2").verifyCode());
  }

  @Test
  void checkHostname_off_acceptsAnyNameOnATrustedChain() throws Exception {
    SslContext client = pki.clientContext();
    client.setCheckHostname(false);
    assertEquals(VerifyMode.CERT_REQUIRED, client.verifyMode());
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = client.wrapSocket(lo.connect(), false, "www.example.com")) {
      assertNotNull(Ssl.getpeercert(tls).get("subject"));
    }
  }

  @Test
  void certOptional_onClient_stillVerifiesTheServer() throws Exception {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.setCheckHostname(false);
    client.setVerifyMode(VerifyMode.CERT_OPTIONAL);
    assertEquals(19, failsToVerify(client, pki.serverContext(VerifyMode.CERT_NONE), null)
        .verifyCode());
  }

  @Test
  void certNone_acceptsUntrustedServer_andGetpeercertIsEmpty() throws Exception {
    SslContext client = new SslContext(Protocol.TLS); // the spec's insecure default
    assertEquals(VerifyMode.CERT_NONE, client.verifyMode());
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = client.wrapSocket(lo.connect(), false, null)) {
      assertEquals(Map.of(), Ssl.getpeercert(tls));
      assertTrue(Ssl.getpeercertDer(tls).length > 100);
      Loopback.write(tls.getOutputStream(), "x\n");
      assertEquals("echo: x", Loopback.readLine(tls.getInputStream()));
    }
  }
}
