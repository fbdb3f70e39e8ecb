package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import dev.pemtls.TlsVersion;
import dev.pemtls.VerifyMode;
import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ChaCha20-Poly1305 records, which PemTLS runs on the JDK's AEAD cipher rather than BCJSSE's
 * BouncyCastle-only ChaCha7539 + Poly1305: openssl as the peer on each side, TLS 1.3 and 1.2, and
 * a bulk transfer of many records between two PemTLS ends.
 */
@Tag("peer") // needs openssl
class ChaCha20Poly1305InteropTest {
  @TempDir static Path dir;
  static TestPki rsa;

  @BeforeAll
  static void pki() throws Exception {
    rsa = TestPki.withIntermediate(dir, "RSA");
  }

  @ParameterizedTest(name = "PemTLS client, openssl server, {0}")
  @CsvSource({"TLSv1_3, TLS_CHACHA20_POLY1305_SHA256",
      "TLSv1_2, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"})
  void pemtlsClient_opensslServer_exchangesDataOverChaCha(TlsVersion version, String suite)
      throws Exception {
    try (Peer server = OpenSslServerInteropTest.opensslServer(rsa, "-rev",
        "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305")) {
      SslContext ctx = OpenSslServerInteropTest.client(rsa);
      ctx.setMinimumVersion(version);
      ctx.setMaximumVersion(version);
      String line = "x".repeat(5000) + "y";
      try (SSLSocket tls = OpenSslServerInteropTest.connect(ctx,
          OpenSslServerInteropTest.port(server), "localhost")) {
        assertEquals(new StringBuilder(line).reverse().toString(),
            OpenSslServerInteropTest.reversed(tls, line));
        assertEquals(suite, tls.getSession().getCipherSuite());
      }
    }
  }

  @ParameterizedTest(name = "openssl client, PemTLS server, {0}")
  @CsvSource({"-tls1_3, TLS_CHACHA20_POLY1305_SHA256",
      "-tls1_2, ECDHE-RSA-CHACHA20-POLY1305"})
  void opensslClient_pemtlsServer_exchangesDataOverChaCha(String version, String suite)
      throws Exception {
    try (PemtlsServer server = new PemtlsServer(rsa.serverContext(VerifyMode.CERT_NONE), false)) {
      Peer client = OpenSslClientInteropTest.sClient(rsa, server.port(), version,
          "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305");
      assertTrue(client.output().contains("olleh"), client.output());
      assertTrue(client.output().contains("Cipher is " + suite), client.output());
      assertTrue(server.next().cipher().name().contains("CHACHA20"));
    }
  }

  @Test
  void pemtlsToPemtls_fourMebibytesInManyRecords_arriveIntact() throws Exception {
    SslContext serverCtx = rsa.serverContext(VerifyMode.CERT_NONE);
    serverCtx.setCiphersuites("TLS_CHACHA20_POLY1305_SHA256");
    SslContext clientCtx = new SslContext(Protocol.TLS_CLIENT);
    clientCtx.loadVerifyLocations(rsa.caFile, null, null);
    clientCtx.setCiphersuites("TLS_CHACHA20_POLY1305_SHA256");
    byte[] data = new byte[4 << 20];
    new Random(7).nextBytes(data);
    byte[] want = MessageDigest.getInstance("SHA-256").digest(data);
    try (AcceptLoop loop = new AcceptLoop(
        new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1")), raw -> {
          try (SSLSocket tls = serverCtx.wrapSocket(raw, true, null)) {
            DataInputStream in = new DataInputStream(tls.getInputStream());
            byte[] got = new byte[data.length];
            in.readFully(got);
            tls.getOutputStream().write(MessageDigest.getInstance("SHA-256").digest(got));
            tls.getOutputStream().flush();
          }
        });
        SSLSocket tls = clientCtx.wrapSocket(new Socket("127.0.0.1", loop.port()), false,
            "localhost")) {
      OutputStream out = tls.getOutputStream();
      for (int off = 0; off < data.length; off += 1000) {
        out.write(data, off, Math.min(1000, data.length - off));
      }
      out.flush();
      InputStream in = tls.getInputStream();
      assertArrayEquals(want, in.readNBytes(32));
      assertEquals("TLS_CHACHA20_POLY1305_SHA256", tls.getSession().getCipherSuite());
    }
  }
}
