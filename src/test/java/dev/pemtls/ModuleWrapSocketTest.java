package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module-level wrap_socket and get_server_certificate, over loopback. */
class ModuleWrapSocketTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  @Test
  @SuppressWarnings("deprecation") // the insecure legacy form is what this test pins
  void wrapSocket_defaults_areAnUnverifiedTlsClient() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = Ssl.wrapSocket(lo.connect())) {
      assertEquals(Map.of(), Ssl.getpeercert(tls)); // CERT_NONE: not verified
      Loopback.write(tls.getOutputStream(), "hi\n");
      assertEquals("echo: hi", Loopback.readLine(tls.getInputStream()));
    }
  }

  @Test
  void wrapSocket_certRequiredWithCaCerts_verifiesTheServer() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SSLSocket tls = Ssl.wrapSocket(lo.connect(), WrapSocketArgs.defaults()
            .certReqs(VerifyMode.CERT_REQUIRED).caCerts(pki.caFile)
            .ciphers("ECDHE+AESGCM").sslVersion(Protocol.TLSv1_2))) {
      assertEquals("TLSv1.2", Ssl.version(tls));
      assertEquals("ECDHE-ECDSA-AES256-GCM-SHA384", Ssl.cipher(tls).name());
      assertEquals("localhost", ((java.util.List<?>) ((java.util.List<?>) ((java.util.List<?>)
          Ssl.getpeercert(tls).get("subject")).get(0)).get(0)).get(1));
    }
  }

  @Test
  void wrapSocket_certRequiredWithoutCaCerts_failsTheHandshakeAsPythonDoes() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE))) {
      SslCertVerificationError e = assertThrows(SslCertVerificationError.class,
          () -> Ssl.wrapSocket(lo.connect(), WrapSocketArgs.defaults()
              .certReqs(VerifyMode.CERT_REQUIRED)));
      assertEquals(19, e.verifyCode()); // the server sends its CA, which nothing trusts
    }
  }

  @Test
  void wrapSocket_serverSide_withCertfileAndKeyfile_serves() throws Exception {
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0)) {
      Thread server = new Thread(() -> {
        try (Socket raw = listener.accept();
            SSLSocket tls = Ssl.wrapSocket(raw, WrapSocketArgs.defaults().serverSide(true)
                .certfile(pki.serverChain).keyfile(pki.serverKey))) {
          Loopback.write(tls.getOutputStream(), "served\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      server.start();
      try (SSLSocket tls = pki.clientContext().wrapSocket(
          new Socket("127.0.0.1", listener.getLocalPort()), false, "localhost")) {
        assertEquals("served", Loopback.readLine(tls.getInputStream()));
      }
      server.join(10_000);
    }
  }

  @Test
  void wrapSocket_argumentErrors_havePythonsMessages() {
    Socket unconnected = new Socket();
    assertEquals("certfile must be specified for server-side operations",
        assertThrows(IllegalArgumentException.class, () -> Ssl.wrapSocket(unconnected,
            WrapSocketArgs.defaults().serverSide(true))).getMessage());
    assertEquals("certfile must be specified", assertThrows(IllegalArgumentException.class,
        () -> Ssl.wrapSocket(unconnected, WrapSocketArgs.defaults().keyfile(pki.serverKey)))
        .getMessage());
    assertThrows(IllegalStateException.class, () -> Ssl.wrapSocket(unconnected,
        WrapSocketArgs.defaults().sslVersion(Protocol.TLS_CLIENT)));
  }

  @Test
  void getServerCertificate_returnsTheLeafAsPythonsPem() throws Exception {
    String expected = Ssl.derCertToPemCert(pki.server.certificate().getEncoded());
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
      tls.startHandshake();
      return null;
    })) {
      assertEquals(expected, Ssl.getServerCertificate("127.0.0.1", lo.port()));
    }
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
      tls.startHandshake();
      return null;
    })) {
      assertEquals(expected, Ssl.getServerCertificate("localhost", lo.port(),
          Protocol.TLS_CLIENT, pki.caFile, 10_000));
    }
  }

  @Test
  void getServerCertificate_withOtherCa_raisesVerificationError() throws Exception {
    Path otherCa = DemoPki.write(dir.resolve("other-ca.pem"), DemoPki.pem(
        new DemoPki.Spec("Other CA").ca().issue().certificate()));
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
      tls.startHandshake();
      return null;
    })) {
      assertThrows(SslCertVerificationError.class, () -> Ssl.getServerCertificate("localhost",
          lo.port(), Protocol.TLS_CLIENT, otherCa, 10_000));
    }
  }
}
