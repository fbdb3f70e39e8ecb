package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslCertVerificationError;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.VerifyMode;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code openssl s_client} against a PemTLS server (SslContext.wrapSocket, server side). */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class OpenSslClientInteropTest {
  @TempDir static Path dir;
  static final Map<String, TestPki> PKI = new TreeMap<>();

  @BeforeAll
  static void pki() throws Exception {
    for (String type : List.of("RSA", "EC", "Ed25519")) {
      PKI.put(type, TestPki.withIntermediate(dir, type));
    }
  }

  /** Runs s_client, sends "hello", returns its finished output. */
  static Peer sClient(TestPki pki, int port, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect",
        "127.0.0.1:" + port, "-servername", "localhost", "-CAfile", pki.caFile.toString(),
        "-verify_hostname", "localhost", "-verify_return_error", "-ign_eof"));
    cmd.addAll(List.of(extra));
    Peer client = Peer.start(cmd);
    client.send("hello\n");
    client.waitFor();
    return client;
  }

  @ParameterizedTest(name = "{0} identity over {1}")
  @CsvSource({"RSA, -tls1_2", "RSA, -tls1_3", "EC, -tls1_2", "EC, -tls1_3",
      "Ed25519, -tls1_2", "Ed25519, -tls1_3"})
  void handshake_opensslVerifiesThePemtlsChain(String type, String version) throws Exception {
    TestPki pki = PKI.get(type);
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_NONE), false)) {
      Peer client = sClient(pki, server.port(), version);
      String out = client.output();
      assertTrue(out.contains("Verify return code: 0 (ok)"), out);
      assertTrue(out.contains("olleh"), out);
      PemtlsServer.Seen seen = server.next();
      assertEquals(version.equals("-tls1_2") ? "TLSv1.2" : "TLSv1.3", seen.version());
      assertTrue(out.contains("Cipher is " + seen.cipher().name()), out);
      assertNull(seen.peercert(), "CERT_NONE asks for no client certificate");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"RSA", "EC", "Ed25519"})
  void certRequired_validClientCertificate_isShownByGetpeercert(String type) throws Exception {
    TestPki pki = PKI.get(type);
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_REQUIRED), false)) {
      Peer client = sClient(pki, server.port(), "-cert", pki.clientChain.toString(),
          "-cert_chain", pki.intermediateFile.toString(), "-key", pki.clientKey.toString());
      assertTrue(client.output().contains("olleh"), client.output());
      Map<String, Object> cert = server.next().peercert();
      assertEquals(List.of(List.of(List.of("commonName", "test client"))),
          cert.get("subject"));
    }
  }

  @Test
  void certRequired_noClientCertificate_failsOnBothSides() throws Exception {
    TestPki pki = PKI.get("EC");
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_REQUIRED), false)) {
      Peer client = sClient(pki, server.port());
      assertTrue(!client.output().contains("olleh"), client.output());
      assertTrue(client.output().contains("alert certificate required")
          || client.output().contains("alert"), client.output());
      assertInstanceOf(SslError.class, server.next().failure());
    }
  }

  @Test
  void certOptional_noClientCertificate_isAccepted() throws Exception {
    TestPki pki = PKI.get("EC");
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_OPTIONAL), false)) {
      Peer client = sClient(pki, server.port());
      assertTrue(client.output().contains("olleh"), client.output());
      assertNull(server.next().peercert());
    }
  }

  @Test
  void certOptional_invalidClientCertificate_failsTheHandshake() throws Exception {
    TestPki pki = PKI.get("EC");
    TestPki other = PKI.get("RSA"); // a client certificate from an unknown root
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_OPTIONAL), false)) {
      Peer client = sClient(pki, server.port(), "-cert", other.clientChain.toString(),
          "-cert_chain", other.intermediateFile.toString(), "-key", other.clientKey.toString());
      assertTrue(!client.output().contains("olleh"), client.output());
      SslCertVerificationError e = assertInstanceOf(SslCertVerificationError.class,
          server.next().failure());
      assertEquals(20, e.verifyCode());
    }
  }

  @Test
  void alpn_serverSelectsFromTheClientsList() throws Exception {
    TestPki pki = PKI.get("EC");
    SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
    ctx.setAlpnProtocols(List.of("h2", "http/1.1"));
    try (PemtlsServer server = new PemtlsServer(ctx, false)) {
      Peer client = sClient(pki, server.port(), "-alpn", "http/1.1,h2");
      assertTrue(client.output().contains("ALPN protocol: "), client.output());
      String alpn = server.next().alpn();
      assertTrue(client.output().contains("ALPN protocol: " + alpn), client.output());
    }
  }

  /**
   * TLS 1.2 only: BCJSSE 1.84's server issues no TLS 1.3 session tickets, so openssl has no
   * TLS 1.3 session to resume (see interop/README.md).
   */
  @ParameterizedTest(name = "over {0}")
  @CsvSource({"-tls1_2"})
  void sessionResumption_opensslClientResumes(String version) throws Exception {
    TestPki pki = PKI.get("EC");
    Path session = dir.resolve("session" + version + ".pem");
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_NONE), false)) {
      Peer first = sClient(pki, server.port(), version, "-sess_out", session.toString());
      assertTrue(first.output().contains("New, "), first.output());
      Peer second = sClient(pki, server.port(), version, "-sess_in", session.toString());
      assertTrue(second.output().contains("Reused, "), second.output());
      server.next();
      server.next();
    }
  }

  @Test
  void hostnameCheckByOpenssl_rejectsAWrongName() throws Exception {
    TestPki pki = PKI.get("EC");
    try (PemtlsServer server = new PemtlsServer(
        pki.serverContext(VerifyMode.CERT_NONE), false)) {
      Peer client = Peer.start("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
          "-CAfile", pki.caFile.toString(), "-verify_hostname", "wrong.example.org",
          "-verify_return_error");
      client.closeInput();
      assertNotEquals(0, client.waitFor());
      assertTrue(client.output().contains("hostname mismatch"), client.output());
    }
  }
}
