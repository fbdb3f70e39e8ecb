package dev.pemtls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSL socket's spec methods over real loopback handshakes, PemTLS on both sides. */
class SslSocketTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = new TestPki(dir, "EC");
  }

  private static SslSocket client(Loopback lo, SslContext ctx) throws IOException {
    return SslSocket.of(ctx.wrapSocket(lo.connect(), false, "localhost"));
  }

  private static SslContext clientMax(TlsVersion max) throws SslError {
    SslContext ctx = pki.clientContext();
    ctx.setMaximumVersion(max);
    return ctx;
  }

  @Test
  void readAndWrite_returnBytesAndCounts_andEmptyAtCloseNotify() throws Exception {
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
          SslSocket s = SslSocket.of(tls);
          byte[] got = s.read(5);
          assertEquals(11, s.write("hello world".getBytes(US_ASCII)));
          return new String(got, US_ASCII);
        });
        SslSocket c = client(lo, pki.clientContext())) {
      assertEquals(5, c.write("12345".getBytes(US_ASCII)));
      byte[] buffer = new byte[64];
      int n = c.read(4, buffer);
      assertEquals("hell", new String(buffer, 0, n, US_ASCII));
      assertEquals(7, c.pending()); // the rest of the record is decrypted and waiting
      assertEquals("o world", new String(c.read(), US_ASCII));
      assertEquals(0, c.pending());
      assertEquals("12345", lo.result());
      assertEquals(0, c.read().length); // the server closed: close_notify
      assertEquals(0, c.read(0).length);
      assertThrows(IllegalArgumentException.class, () -> c.read(-1));
    }
  }

  @Test
  void doHandshake_deferredThenRepeated_isANoOpTheSecondTime() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SslSocket c = SslSocket.of(pki.clientContext().wrapSocket(lo.connect(), false, false,
            true, "localhost"))) {
      c.doHandshake();
      c.doHandshake();
      assertEquals("TLSv1.3", c.version());
      c.write("x\n".getBytes(US_ASCII));
      assertEquals("echo: x", Loopback.readLine(c.sslSocket().getInputStream()));
    }
  }

  @Test
  void serverHostnameAndServerSide_reportWhatWasWrapped() throws Exception {
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
          SslSocket s = SslSocket.of(tls);
          s.doHandshake();
          return s.serverSide() + " " + s.serverHostname();
        });
        SslSocket c = client(lo, pki.clientContext())) {
      assertEquals("localhost", c.serverHostname());
      assertFalse(c.serverSide());
      assertEquals("true null", lo.result());
    }
  }

  @Test
  void sharedCiphers_onServer_areItsSuitesTheClientOffered_andNullOnClient() throws Exception {
    SslContext client = clientMax(TlsVersion.TLSv1_2);
    client.setCiphers("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305");
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
          SslSocket s = SslSocket.of(tls);
          s.doHandshake();
          return s.sharedCiphers();
        });
        SslSocket c = client(lo, client)) {
      assertNull(c.sharedCiphers());
      @SuppressWarnings("unchecked")
      List<CipherInfo> shared = (List<CipherInfo>) lo.result();
      // Python's default order on the server: ECDH+AESGCM before ECDH+CHACHA20. BCJSSE also
      // offers the TLS 1.3 suites in a TLS 1.2-only ClientHello? It does not: only these two.
      assertEquals(List.of(new CipherInfo("ECDHE-ECDSA-AES128-GCM-SHA256", "TLSv1.2", 128),
          new CipherInfo("ECDHE-ECDSA-CHACHA20-POLY1305", "TLSv1.2", 256)), shared);
      assertTrue(shared.contains(c.cipher()));
    }
  }

  @Test
  void selectedAlpnProtocol_isTheAgreedOne_orNullWithoutAlpn() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setAlpnProtocols(List.of("http/1.1"));
    SslContext client = pki.clientContext();
    client.setAlpnProtocols(List.of("h2", "http/1.1"));
    try (Loopback lo = Loopback.serve(server, tls -> {
          SslSocket s = SslSocket.of(tls);
          s.doHandshake();
          return s.selectedAlpnProtocol();
        });
        SslSocket c = client(lo, client)) {
      assertEquals("http/1.1", c.selectedAlpnProtocol());
      assertEquals("http/1.1", lo.result());
    }
    try (Loopback lo = Loopback.echo(server);
        SslSocket c = client(lo, pki.clientContext())) {
      c.doHandshake();
      assertNull(c.selectedAlpnProtocol());
    }
  }

  @Test
  void getChannelBinding_tls12_isTheSameTwelveBytesOnBothSides() throws Exception {
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
          SslSocket s = SslSocket.of(tls);
          s.doHandshake();
          return s.getChannelBinding("tls-unique");
        });
        SslSocket c = client(lo, clientMax(TlsVersion.TLSv1_2))) {
      c.doHandshake();
      byte[] mine = c.getChannelBinding();
      assertEquals(12, mine.length);
      assertArrayEquals(mine, (byte[]) lo.result());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> c.getChannelBinding("tls-server-end-point"));
      assertEquals("tls-server-end-point channel binding type not implemented", e.getMessage());
    }
  }

  @Test
  void getChannelBinding_tls13_isNull() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE));
        SslSocket c = client(lo, pki.clientContext())) {
      c.doHandshake();
      assertEquals("TLSv1.3", c.version());
      assertNull(c.getChannelBinding());
    }
  }

  private static void unwrapBothSides_thenCleartext(TlsVersion version) throws Exception {
    try (Loopback lo = Loopback.serve(pki.serverContext(VerifyMode.CERT_NONE), tls -> {
          SslSocket s = SslSocket.of(tls);
          String tlsLine = new String(s.read(), US_ASCII);
          assertEquals(0, s.read().length); // the client's close_notify
          Socket plain = s.unwrap();
          Loopback.write(plain.getOutputStream(), "plain from server\n");
          return tlsLine + "|" + Loopback.readLine(plain.getInputStream());
        });
        SslSocket c = client(lo, clientMax(version))) {
      c.write("over tls".getBytes(US_ASCII));
      Socket plain = c.unwrap();
      assertFalse(plain.isClosed());
      String fromServer = Loopback.readLine(plain.getInputStream());
      if (fromServer == null) {
        throw new AssertionError("server failed", lo.failure());
      }
      assertEquals("plain from server", fromServer);
      Loopback.write(plain.getOutputStream(), "plain from client\n");
      assertEquals("over tls|plain from client", lo.result());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.read());
      assertEquals("Read on closed or unwrapped SSL socket.", e.getMessage());
      assertThrows(IllegalStateException.class, () -> c.write(new byte[1]));
      assertThrows(IOException.class, c::unwrap);
    }
  }

  @Test
  void unwrap_tls13_bothSides_leavesTheTcpConnectionForCleartext() throws Exception {
    unwrapBothSides_thenCleartext(TlsVersion.TLSv1_3);
  }

  @Test
  void unwrap_tls12_bothSides_leavesTheTcpConnectionForCleartext() throws Exception {
    unwrapBothSides_thenCleartext(TlsVersion.TLSv1_2);
  }

  @Test
  void of_foreignSocket_isRefusedWithTheFix() throws Exception {
    SSLSocket plainJsse = (SSLSocket) javax.net.ssl.SSLSocketFactory.getDefault().createSocket();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SslSocket.of(plainJsse));
    assertTrue(e.getMessage().contains("wrapSocket"), e.getMessage());
    plainJsse.close();
  }

  @Test
  void opensslVersion_namesPemTlsAndBouncyCastleVersions() {
    assertNotNull(Ssl.PEMTLS_VERSION);
    assertEquals("1.84", Ssl.BOUNCYCASTLE_VERSION);
    assertTrue(Ssl.OPENSSL_VERSION.startsWith("PemTLS " + Ssl.PEMTLS_VERSION + " (BouncyCastle "
        + "1.84, Bouncy Castle JSSE Provider Version "), Ssl.OPENSSL_VERSION);
  }
}
