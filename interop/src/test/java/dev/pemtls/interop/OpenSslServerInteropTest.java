package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.Ssl;
import dev.pemtls.SslCertVerificationError;
import dev.pemtls.SslContext;
import dev.pemtls.SslSession;
import dev.pemtls.SslSocket;
import dev.pemtls.TlsVersion;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A PemTLS client (SslContext.wrapSocket) against {@code openssl s_server}. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class OpenSslServerInteropTest {
  @TempDir static Path dir;
  static final Map<String, TestPki> PKI = new TreeMap<>();

  @BeforeAll
  static void pki() throws Exception {
    for (String type : List.of("RSA", "EC", "Ed25519")) {
      PKI.put(type, TestPki.withIntermediate(dir, type));
    }
  }

  /** openssl s_server with the leaf, the intermediate as extra chain, and the given options. */
  static Peer opensslServer(TestPki pki, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
        "-cert", pki.serverLeaf.toString(), "-cert_chain", pki.intermediateFile.toString(),
        "-key", pki.serverKey.toString(), "-naccept", "1"));
    cmd.addAll(List.of(extra));
    return Peer.start(cmd);
  }

  static int port(Peer server) throws InterruptedException {
    String accept = server.await("ACCEPT");
    return Integer.parseInt(accept.substring(accept.lastIndexOf(':') + 1).trim());
  }

  static SslContext client(TestPki pki) throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(pki.caFile, null, null);
    return ctx;
  }

  static SSLSocket connect(SslContext ctx, int port, String host) throws Exception {
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(15_000);
    return ctx.wrapSocket(raw, false, host);
  }

  /** Sends a line to an {@code -rev} server and returns its answer. */
  static String reversed(SSLSocket tls, String line) throws Exception {
    tls.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    tls.getOutputStream().flush();
    return new BufferedReader(new InputStreamReader(tls.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
  }

  @ParameterizedTest(name = "{0} identity over {1}")
  @CsvSource({"RSA, TLSv1_2", "RSA, TLSv1_3", "EC, TLSv1_2", "EC, TLSv1_3",
      "Ed25519, TLSv1_2", "Ed25519, TLSv1_3"})
  void handshake_verifiesChainThroughIntermediate(String type, TlsVersion version)
      throws Exception {
    TestPki pki = PKI.get(type);
    try (Peer server = opensslServer(pki, "-rev")) {
      SslContext ctx = client(pki);
      ctx.setMinimumVersion(version);
      ctx.setMaximumVersion(version);
      try (SSLSocket tls = connect(ctx, port(server), "localhost")) {
        assertEquals("olleh", reversed(tls, "hello"));
        assertEquals(version.jsseName(), Ssl.version(tls));
        assertEquals("localhost", ((List<?>) ((List<?>) ((List<?>) Ssl.getpeercert(tls)
            .get("subject")).get(0)).get(0)).get(1));
      }
    }
  }

  @ParameterizedTest(name = "{0} client key as {1}")
  @CsvSource({"RSA, pkcs8", "RSA, traditional", "RSA, encrypted", "EC, pkcs8",
      "EC, traditional", "EC, encrypted", "Ed25519, pkcs8", "Ed25519, encrypted"})
  void mutualTls_clientKeyForms_acceptedByOpensslVerify(String type, String form)
      throws Exception {
    TestPki pki = PKI.get(type);
    try (Peer server = opensslServer(pki, "-rev", "-Verify", "3", "-CAfile",
        pki.caFile.toString(), "-verify_return_error")) {
      SslContext ctx = client(pki);
      ctx.loadCertChain(pki.clientChain, pki.clientKeyAs(form),
          TestPki.PASSWORD.toCharArray());
      try (SSLSocket tls = connect(ctx, port(server), "localhost")) {
        assertEquals("olleh", reversed(tls, "hello"));
      }
      server.await("CONNECTION CLOSED");
      assertTrue(server.output().contains("depth=0 CN = test client"), server.output());
      assertFalse(server.output().contains("verify error"), server.output());
    }
  }

  @Test
  void capathPreparedWithOpensslRehash_isTrusted() throws Exception {
    TestPki pki = PKI.get("EC");
    Path capath = Files.createDirectories(dir.resolve("capath"));
    Files.copy(pki.caFile, capath.resolve("root.pem"));
    assertEquals(0, Peer.start("openssl", "rehash", capath.toString()).waitFor());
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(null, capath, null);
    try (Peer server = opensslServer(pki, "-rev");
        SSLSocket tls = connect(ctx, port(server), "localhost")) {
      assertEquals("olleh", reversed(tls, "hello"));
    }
  }

  @Test
  void hostnameMismatch_isRejectedWithCode62() throws Exception {
    TestPki pki = PKI.get("RSA");
    try (Peer server = opensslServer(pki, "-rev")) {
      SslCertVerificationError e = assertThrows(SslCertVerificationError.class,
          () -> connect(client(pki), port(server), "wrong.example.org"));
      assertEquals(62, e.verifyCode());
    }
  }

  @Test
  void unknownRoot_isRejectedWithCode20() throws Exception {
    TestPki pki = PKI.get("RSA");
    try (Peer server = opensslServer(pki, "-rev")) {
      SslCertVerificationError e = assertThrows(SslCertVerificationError.class,
          () -> connect(client(PKI.get("EC")), port(server), "localhost"));
      assertEquals(20, e.verifyCode());
    }
  }

  @Test
  void alpn_selectsTheServersChoice() throws Exception {
    TestPki pki = PKI.get("EC");
    try (Peer server = opensslServer(pki, "-rev", "-alpn", "h2,http/1.1")) {
      SslContext ctx = client(pki);
      ctx.setAlpnProtocols(List.of("http/1.1", "h2"));
      try (SSLSocket tls = connect(ctx, port(server), "localhost")) {
        assertEquals("olleh", reversed(tls, "hello"));
        assertTrue(List.of("h2", "http/1.1").contains(tls.getApplicationProtocol()),
            tls.getApplicationProtocol());
      }
    }
  }

  /**
   * TLS 1.2 only: BCJSSE 1.84's client receives TLS 1.3 session tickets but does not offer them
   * again, so a TLS 1.3 reconnection is a full handshake (see interop/README.md).
   */
  @ParameterizedTest(name = "over {0}")
  @CsvSource({"TLSv1_2"})
  void sessionResumption_secondConnectionIsReused(TlsVersion version) throws Exception {
    TestPki pki = PKI.get("EC");
    try (Peer server = opensslServer(pki, "-naccept", "2", "-www")) {
      int port = port(server);
      SslContext ctx = client(pki);
      ctx.setMaximumVersion(version);
      SslSession[] session = new SslSession[1];
      String first = get(ctx, port, session);
      String second = get(ctx, port, session); // offers the first's, as Python's session=
      assertTrue(first.contains("New, " + version.jsseName()), first);
      assertTrue(second.contains("Reused, " + version.jsseName()), second);
    }
  }

  /**
   * One GET / against {@code s_server -www}, offering {@code session[0]}; returns its status page
   * and leaves the connection's session in {@code session[0]}.
   */
  private static String get(SslContext ctx, int port, SslSession[] session) throws Exception {
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(15_000);
    try (SSLSocket tls = ctx.wrapSocket(raw, false, true, true, "localhost", session[0])) {
      session[0] = SslSocket.of(tls).session();
      tls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      tls.getOutputStream().flush();
      return new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
