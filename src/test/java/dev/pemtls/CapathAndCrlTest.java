package dev.pemtls;

import dev.pemtls.testing.CaDirs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.trust.TestCrls;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load_verify_locations(capath=...) and verify_flags CRL checks over loopback handshakes. */
class CapathAndCrlTest {
  @TempDir static Path dir;
  static TestPki pki;
  static Path capath;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
    capath = Files.createDirectory(dir.resolve("capath"));
    Files.copy(pki.caFile, capath.resolve("test-ca.pem"));
    CaDirs.rehash(capath);
  }

  private static void handshake(SslContext client) throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = client.wrapSocket(lo.connect(), false, "localhost")) {
      Loopback.write(tls.getOutputStream(), "hi\n");
      assertEquals("echo: hi", Loopback.readLine(tls.getInputStream()));
    }
  }

  private static SslCertVerificationError fails(SslContext client) throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE))) {
      return assertThrows(SslCertVerificationError.class,
          () -> client.wrapSocket(lo.connect(), false, "localhost").close());
    }
  }

  @Test
  void capath_rehashedDirectory_verifiesServerAndListsNoCaCerts() throws Exception {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(null, capath, null);
    assertEquals(0, client.caCertificates().size(), "capath is lazy, as in Python");
    handshake(client);
  }

  @Test
  void capath_missingDirectory_raisesSslErrorNamingIt() throws Exception {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    SslError e = assertThrows(SslError.class,
        () -> client.loadVerifyLocations(null, dir.resolve("no-such-dir"), null));
    assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
  }

  @Test
  void verifyFlags_defaultIsTrustedFirst() throws Exception {
    assertEquals(VerifyFlags.X509_TRUSTED_FIRST, new SslContext(Protocol.TLS_CLIENT)
        .verifyFlags());
  }

  @Test
  void crlCheckLeaf_noCrl_raisesCode3() throws Exception {
    SslContext client = pki.clientContext();
    client.setVerifyFlags(client.verifyFlags().with(VerifyFlags.CRL_CHECK_LEAF));
    SslCertVerificationError e = fails(client);
    assertEquals(3, e.verifyCode());
    assertEquals("unable to get certificate CRL", e.verifyMessage());
  }

  @Test
  void crlCheckLeaf_serverRevokedInCafile_raisesCode23() throws Exception {
    Path cafile = DemoPki.write(dir.resolve("ca-and-crl.pem"), DemoPki.pem(pki.root.certificate())
        + TestCrls.pem(TestCrls.current(pki.root, pki.server.certificate().getSerialNumber())));
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(cafile, null, null);
    handshake(client); // CRLs are only consulted when a CRL check is on
    client.setVerifyFlags(VerifyFlags.CRL_CHECK_LEAF);
    SslCertVerificationError e = fails(client);
    assertEquals(23, e.verifyCode());
    assertEquals("certificate revoked", e.verifyMessage());
  }
}
