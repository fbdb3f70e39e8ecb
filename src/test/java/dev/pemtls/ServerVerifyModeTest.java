package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server side of each verify mode: whether a client certificate is asked for and checked. */
class ServerVerifyModeTest {
  @TempDir static Path dir;
  static TestPki pki;
  static TestPki otherPki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    otherPki = new TestPki(other, "EC");
  }

  private static SslContext clientWithCert(TestPki identityPki) throws SslError {
    SslContext client = pki.clientContext();
    client.loadCertChain(identityPki.clientChain, identityPki.clientKey);
    return client;
  }

  /** Runs one exchange; returns what the server saw. */
  private static Loopback.Seen exchange(SslContext server, SslContext client) throws Exception {
    try (Loopback lo = Loopback.echo(server);
        SSLSocket tls = client.wrapSocket(lo.connect(), false, "localhost")) {
      Loopback.write(tls.getOutputStream(), "ping\n");
      assertEquals("echo: ping", Loopback.readLine(tls.getInputStream()));
      return (Loopback.Seen) lo.result();
    }
  }

  /**
   * In TLS 1.3 the client finishes its handshake before the server judges its certificate; the
   * server's verdict arrives as an alert on the client's first read.
   */
  private static void readAfterHandshake(SslContext client, Loopback lo) throws IOException {
    try (SSLSocket tls = client.wrapSocket(lo.connect(), false, "localhost")) {
      Loopback.readLine(tls.getInputStream());
    }
  }

  /**
   * The client sees the server's alert, unless the server closed TCP while the client was still
   * writing its last handshake flight: then a plain socket error (broken pipe, reset), as Python's
   * client also sees in that race. The server's side is exact either way.
   */
  private static void clientSeesRejection(org.junit.jupiter.api.function.Executable client,
      String alertReason) {
    IOException e = assertThrows(IOException.class, client);
    if (e instanceof SslError) {
      assertEquals(alertReason, ((SslError) e).reason(), e.getMessage());
    } else {
      assertInstanceOf(java.net.SocketException.class, e);
    }
  }

  @Test
  void certNone_asksForNoClientCertificate() throws Exception {
    Loopback.Seen seen = exchange(pki.serverContext(VerifyMode.CERT_NONE), clientWithCert(pki));
    assertNull(seen.peercert(), "no certificate was requested, so none was sent");
  }

  @Test
  void certOptional_clientWithoutCertificate_isAccepted() throws Exception {
    Loopback.Seen seen = exchange(pki.serverContext(VerifyMode.CERT_OPTIONAL),
        pki.clientContext());
    assertNull(seen.peercert());
  }

  @Test
  void certOptional_validClientCertificate_isVerifiedAndShown() throws Exception {
    Loopback.Seen seen = exchange(pki.serverContext(VerifyMode.CERT_OPTIONAL),
        clientWithCert(pki));
    assertEquals(List.of(List.of(List.of("commonName", "test client"))),
        seen.peercert().get("subject"));
  }

  @Test
  void certOptional_clientCertificateFromUnknownCa_failsTheHandshake() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_OPTIONAL))) {
      SslContext client = clientWithCert(otherPki);
      clientSeesRejection(() -> readAfterHandshake(client, lo), "SSLV3_ALERT_CERTIFICATE_UNKNOWN");
      SslCertVerificationError e = assertInstanceOf(SslCertVerificationError.class, lo.failure());
      assertEquals(19, e.verifyCode(), e.getMessage()); // the client sent its own root
    }
  }

  @Test
  void certRequired_clientWithoutCertificate_failsTheHandshake() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_REQUIRED))) {
      clientSeesRejection(() -> readAfterHandshake(pki.clientContext(), lo),
          "TLSV13_ALERT_CERTIFICATE_REQUIRED");
      Throwable serverSide = lo.failure();
      assertInstanceOf(SslError.class, serverSide);
    }
  }

  @Test
  void certRequired_validClientCertificate_isVerifiedAndShown() throws Exception {
    Loopback.Seen seen = exchange(pki.serverContext(VerifyMode.CERT_REQUIRED),
        clientWithCert(pki));
    assertTrue(seen.peercert().containsKey("notAfter"));
    assertEquals("TLSv1.3", seen.version());
  }
}
