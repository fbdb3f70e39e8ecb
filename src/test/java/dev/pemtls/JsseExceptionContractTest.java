package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.trust.VerificationFailure;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sockets from {@code sslContext()} keep JSSE's exception contract: a rejected certificate is an
 * {@link SSLHandshakeException} caused by a {@link CertificateException} (HTTP clients retry
 * plain IOExceptions; OkHttp gives up only on exactly this), whatever BCJSSE threw.
 */
class JsseExceptionContractTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  /** A client that trusts nothing, so every server certificate is rejected. */
  private static javax.net.ssl.SSLSocketFactory untrustingFactory() throws SslError {
    return new SslContext(Protocol.TLS_CLIENT).sslContext().getSocketFactory();
  }

  private static void assertRejectedCertificate(SSLHandshakeException e) {
    CertificateException cause = assertInstanceOf(CertificateException.class, e.getCause());
    assertEquals(19, ((VerificationFailure) cause).code().code());
    assertTrue(e.getMessage().startsWith("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
        + "failed: self-signed certificate in certificate chain"), e.getMessage());
  }

  @Test
  void startHandshake_rejectedCertificate_isSslHandshakeException() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket s = (SSLSocket) untrustingFactory().createSocket("localhost", lo.port())) {
      assertRejectedCertificate(assertThrows(SSLHandshakeException.class, s::startHandshake));
    }
  }

  @Test
  void implicitHandshakeOnWrite_rejectedCertificate_isSslHandshakeException() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket s = (SSLSocket) untrustingFactory().createSocket("localhost", lo.port())) {
      assertRejectedCertificate(assertThrows(SSLHandshakeException.class,
          () -> s.getOutputStream().write("x\n".getBytes())));
    }
  }

  @Test
  void httpsUrlConnection_rejectedCertificate_isSslHandshakeException() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE))) {
      HttpsURLConnection c = (HttpsURLConnection) new URL("https://localhost:" + lo.port() + "/")
          .openConnection();
      c.setSSLSocketFactory(untrustingFactory());
      c.setConnectTimeout(10_000);
      c.setReadTimeout(10_000);
      assertRejectedCertificate(assertThrows(SSLHandshakeException.class, c::getResponseCode));
    }
  }

  @Test
  void trustedServer_stillWorksThroughTheStandardFactory() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket s = (SSLSocket) pki.clientContext().sslContext().getSocketFactory()
            .createSocket("localhost", lo.port())) {
      Loopback.write(s.getOutputStream(), "std\n");
      assertEquals("echo: std", Loopback.readLine(s.getInputStream()));
      assertEquals("TLSv1.3", Ssl.version(s));
    }
  }
}
