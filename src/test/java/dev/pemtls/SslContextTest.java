package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The context's settings and their defaults, as Python's SSLContext has them. */
class SslContextTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"SSLv2", "SSLv3"})
  void sslProtocols_areAProgrammerError_neverUpgraded(Protocol p) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SslContext(p));
    assertTrue(e.getMessage().contains("invalid or unsupported protocol version"), e.getMessage());
    assertTrue(e.getMessage().contains(p.pythonName()), e.getMessage());
  }

  @Test
  void sslv23_isTheSameConstantAsTls() {
    assertEquals(Protocol.TLS, Protocol.SSLv23);
  }

  @Test
  void defaults_followPython() throws SslError {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    assertEquals(VerifyMode.CERT_REQUIRED, client.verifyMode());
    assertTrue(client.checkHostname());
    SslContext server = new SslContext(Protocol.TLS_SERVER);
    assertEquals(VerifyMode.CERT_NONE, server.verifyMode());
    assertFalse(server.checkHostname());
    SslContext generic = new SslContext(Protocol.TLS);
    assertEquals(VerifyMode.CERT_NONE, generic.verifyMode());
    assertEquals(Protocol.TLS, generic.protocol());
    assertEquals(TlsVersion.TLSv1_2, generic.minimumVersion());
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), generic.settings().protocols());
  }

  @Test
  void certNone_whileCheckHostname_isRefused() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ctx.setVerifyMode(VerifyMode.CERT_NONE));
    assertTrue(e.getMessage().startsWith("Cannot set verify_mode to CERT_NONE when "
        + "check_hostname is enabled."));
    ctx.setCheckHostname(false);
    ctx.setVerifyMode(VerifyMode.CERT_NONE);
    assertEquals(VerifyMode.CERT_NONE, ctx.verifyMode());
  }

  @Test
  void checkHostname_on_switchesCertNoneToRequired() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS);
    ctx.setCheckHostname(true);
    assertEquals(VerifyMode.CERT_REQUIRED, ctx.verifyMode());
  }

  @Test
  void pinnedProtocol_refusesVersionBounds() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLSv1_2);
    assertEquals(List.of("TLSv1.2"), ctx.settings().protocols());
    assertThrows(IllegalStateException.class,
        () -> ctx.setMinimumVersion(TlsVersion.TLSv1_3));
  }

  @Test
  void pinnedTls12_negotiatesTls12() throws Exception {
    SslContext client = new SslContext(Protocol.TLSv1_2);
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = client.wrapSocket(lo.connect(), false, null)) {
      assertEquals("TLSv1.2", Ssl.version(tls));
      assertEquals(new CipherInfo("ECDHE-ECDSA-AES256-GCM-SHA384", "TLSv1.2", 256),
          Ssl.cipher(tls));
    }
  }

  @Test
  void maximumVersion_tls12_negotiatesTls12() throws Exception {
    SslContext client = pki.clientContext();
    client.setMaximumVersion(TlsVersion.TLSv1_2);
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = client.wrapSocket(lo.connect(), false, "localhost")) {
      assertEquals("TLSv1.2", Ssl.version(tls));
    }
  }

  @Test
  void setCiphers_narrowsTheNegotiatedSuite() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setCiphers("ECDHE-ECDSA-CHACHA20-POLY1305");
    server.setMaximumVersion(TlsVersion.TLSv1_2);
    try (Loopback lo = Loopback.echo(server);
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, "localhost")) {
      assertEquals(new CipherInfo("ECDHE-ECDSA-CHACHA20-POLY1305", "TLSv1.2", 256),
          Ssl.cipher(tls));
    }
  }

  @Test
  void setCiphersuites_narrowsTheTls13Suite() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setCiphersuites("TLS_AES_128_GCM_SHA256");
    try (Loopback lo = Loopback.echo(server);
        SSLSocket tls = pki.clientContext().wrapSocket(lo.connect(), false, "localhost")) {
      assertEquals(new CipherInfo("TLS_AES_128_GCM_SHA256", "TLSv1.3", 128), Ssl.cipher(tls));
    }
  }

  @Test
  void setCiphers_matchingNothing_raisesPythonsErrorAndKeepsTheOldList() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    List<String> before = ctx.settings().cipherSuites();
    SslError e = assertThrows(SslError.class, () -> ctx.setCiphers("NOSUCHCIPHER"));
    assertEquals("NO_CIPHER_MATCH", e.reason());
    assertTrue(e.getMessage().contains("No cipher can be selected."), e.getMessage());
    assertEquals(before, ctx.settings().cipherSuites());
  }

  @Test
  void loadVerifyLocations_nothingGiven_isAProgrammerError() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    assertThrows(IllegalArgumentException.class, () -> ctx.loadVerifyLocations(null, null, null));
  }

  @Test
  void loadVerifyLocations_fileWithoutCertificates_raisesAndAddsNothing() throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    SslError e = assertThrows(SslError.class,
        () -> ctx.loadVerifyLocations(pki.serverKey, null, null));
    assertTrue(e.getMessage().contains(pki.serverKey.toString()), e.getMessage());
    assertTrue(ctx.caCertificates().isEmpty());
  }

  @Test
  void loadVerifyLocations_rehashedCapath_trustsItsCertificates() throws Exception {
    Path capath = java.nio.file.Files.createDirectories(dir.resolve("capath"));
    java.nio.file.Files.copy(pki.caFile, capath.resolve("ca.pem"));
    assertEquals(0, dev.pemtls.cli.Main.run(new String[] {"rehash", capath.toString()},
        System.out, System.err));
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(null, capath, null);
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = ctx.wrapSocket(lo.connect(), false, "localhost")) {
      assertEquals("TLSv1.3", Ssl.version(tls));
    }
  }

  @Test
  void loadVerifyLocations_capathWithoutHashLinks_findsNothing() throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(null, dir, null); // holds ca.pem, but no <hash>.0 link: as OpenSSL
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE))) {
      assertEquals(19, assertThrows(SslCertVerificationError.class,
          () -> ctx.wrapSocket(lo.connect(), false, "localhost")).verifyCode());
    }
  }

  @Test
  void createDefaultContext_serverAuth_isSecureAndTrustsTheSystemCas() throws SslError {
    SslContext ctx = SslContext.createDefaultContext(Purpose.SERVER_AUTH);
    assertEquals(Protocol.TLS_CLIENT, ctx.protocol());
    assertEquals(VerifyMode.CERT_REQUIRED, ctx.verifyMode());
    assertTrue(ctx.checkHostname());
    if (java.nio.file.Files.isDirectory(Path.of("/etc/ssl/certs"))) {
      assertTrue(ctx.caCertificates().size() > 50, "system CAs: " + ctx.caCertificates().size());
    }
  }

  @Test
  void createDefaultContext_clientAuth_isAServerContext() throws SslError {
    SslContext ctx = SslContext.createDefaultContext(Purpose.CLIENT_AUTH);
    assertEquals(Protocol.TLS_SERVER, ctx.protocol());
    assertEquals(VerifyMode.CERT_NONE, ctx.verifyMode());
  }

  @Test
  void toStrings_showNoKeyMaterial() throws Exception {
    SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
    String encodedKey = java.util.HexFormat.of().formatHex(pki.server.keys().getPrivate()
        .getEncoded());
    for (String s : List.of(ctx.toString(), ctx.settings().toString())) {
      assertFalse(s.contains(encodedKey.substring(encodedKey.length() - 32)), s);
      assertFalse(s.toLowerCase().contains("private"), s);
    }
  }
}
