package dev.pemtls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SslObject} against itself over memory BIOs, the bytes moved by hand: the states Python's
 * {@code SSLObject} goes through (measured with CPython 3.11 on OpenSSL 3.0), the argument
 * checks, and the BIO itself. The interop over real sockets is in {@link SslObjectPeerTest}.
 */
class SslObjectTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void setUp() throws Exception {
    pki = new TestPki(dir, "EC");
  }

  /** A client and a server object and their four BIOs. */
  private static final class Pair {
    final MemoryBio ci = new MemoryBio();
    final MemoryBio co = new MemoryBio();
    final MemoryBio si = new MemoryBio();
    final MemoryBio so = new MemoryBio();
    final SslObject client;
    final SslObject server;

    Pair(SslContext clientCtx, String host) throws SslError {
      client = clientCtx.wrapBio(ci, co, false, host);
      server = pki.serverContext(VerifyMode.CERT_NONE).wrapBio(si, so, true, null);
    }

    void pump() {
      si.write(co.read());
      ci.write(so.read());
    }

    /** Both handshakes, alternating; the number of WantReads seen. */
    int handshake() throws SslError {
      int wants = 0;
      for (int i = 0; i < 6; i++) {
        for (SslObject o : new SslObject[] {client, server}) {
          try {
            o.doHandshake();
          } catch (SslWantReadError e) {
            wants++;
          }
        }
        pump();
      }
      return wants;
    }
  }

  private static SslContext client(TlsVersion version) throws SslError {
    SslContext ctx = pki.clientContext();
    ctx.setMaximumVersion(version);
    return ctx;
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1_2", "TLSv1_3"})
  void handshake_overMemory_wantsReadsThenAgreesOnVersionAndCipher(String v) throws Exception {
    Pair p = new Pair(client(TlsVersion.valueOf(v)), "localhost");
    assertThrows(SslWantReadError.class, p.client::doHandshake); // the ClientHello is out
    assertTrue(p.co.pending() > 0);
    assertTrue(p.handshake() >= 1);
    String version = v.replace('_', '.');
    assertEquals(version, p.client.version());
    assertEquals(version, p.server.version());
    assertEquals(p.client.cipher(), p.server.cipher());
    assertEquals("localhost", p.client.getpeercert().get("subjectAltName") == null ? null
        : "localhost");
    assertNull(p.server.getpeercert(), "no client certificate was asked for");
    assertNull(p.client.sharedCiphers(), "the client does not know the shared list");
    assertTrue(p.server.sharedCiphers().contains(p.server.cipher()));
    assertEquals(version.equals("TLSv1.2"), p.client.getChannelBinding() != null);
    if (version.equals("TLSv1.2")) {
      assertArrayEquals(p.client.getChannelBinding(), p.server.getChannelBinding());
    }
  }

  @Test
  void queries_beforeHandshake_areNullOrRaiseAsPython() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    IllegalStateException e = assertThrows(IllegalStateException.class, p.client::getpeercert);
    assertEquals("handshake not done yet", e.getMessage());
    assertNull(p.client.version());
    assertNull(p.client.cipher());
    assertNull(p.client.getChannelBinding());
    assertEquals(0, p.client.pending());
    assertFalse(p.client.serverSide());
    assertTrue(p.server.serverSide());
    assertEquals("localhost", p.client.serverHostname());
    assertNull(p.server.serverHostname());
  }

  @Test
  void readWrite_afterHandshake_deliverData_andPendingCountsDecrypted() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    p.handshake();
    assertThrows(SslWantReadError.class, () -> p.client.read());
    assertEquals(5, p.server.write("hello".getBytes(US_ASCII)));
    p.pump();
    assertEquals(0, p.client.pending(), "records not yet read are not pending, as in OpenSSL");
    assertEquals("he", new String(p.client.read(2), US_ASCII));
    assertEquals(3, p.client.pending());
    assertEquals("llo", new String(p.client.read(), US_ASCII));
  }

  @Test
  void write_largerThanARecord_arrivesWhole() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    p.handshake();
    byte[] big = new byte[100_000];
    new java.util.Random(1).nextBytes(big);
    assertEquals(big.length, p.client.write(big));
    p.pump();
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    while (got.size() < big.length) {
      got.writeBytes(p.server.read(70_000));
    }
    assertArrayEquals(big, got.toByteArray());
    assertThrows(SslWantReadError.class, () -> p.server.read());
  }

  @Test
  void server_givenPlainHttp_failsInsteadOfWaiting() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    p.si.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
    SslError e = assertThrows(SslError.class, p.server::doHandshake);
    assertFalse(e instanceof SslWantReadError, e.toString());
    assertNull(p.server.sharedCiphers(), "no ClientHello was seen");
  }

  @Test
  void read_intoBuffer_returnsTheCountAsPython() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    p.handshake();
    p.server.write("abcdef".getBytes(US_ASCII));
    p.pump();
    byte[] buffer = new byte[4];
    assertEquals(4, p.client.read(10, buffer), "at most the buffer's length");
    assertEquals("abcd", new String(buffer, US_ASCII));
    assertEquals(2, p.client.read(0, buffer), "len 0: the buffer's length");
    assertEquals("ef", new String(buffer, 0, 2, US_ASCII));
  }

  @Test
  void write_beforeHandshake_handshakesFirstAndWantsRead() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    assertThrows(SslWantReadError.class, () -> p.client.write("early".getBytes(US_ASCII)));
    p.handshake();
    p.client.write("late".getBytes(US_ASCII));
    p.pump();
    assertEquals("late", new String(p.server.read(), US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1_2", "TLSv1_3"})
  void closeNotify_readsEmpty_thenZeroReturnAfterUnwrap(String v) throws Exception {
    Pair p = new Pair(client(TlsVersion.valueOf(v)), "localhost");
    p.handshake();
    assertThrows(SslWantReadError.class, p.server::unwrap, "ours sent, the peer's awaited");
    p.pump();
    assertEquals(0, p.client.read().length, "the peer's close_notify: no bytes, as Python");
    assertEquals(0, p.client.read().length);
    p.client.unwrap();
    assertThrows(SslZeroReturnError.class, () -> p.client.read());
    SslError shut = assertThrows(SslError.class, () -> p.client.write(new byte[] {1}));
    assertEquals("PROTOCOL_IS_SHUTDOWN", shut.reason());
    p.pump();
    p.server.unwrap(); // now the client's close_notify is there
    SslZeroReturnError z = assertThrows(SslZeroReturnError.class, () -> p.server.read());
    assertNull(z.library());
    assertEquals("TLS/SSL connection has been closed (EOF)", z.getMessage());
  }

  @Test
  void unwrap_leavesBytesAfterCloseNotifyInIncoming() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    p.handshake();
    assertThrows(SslWantReadError.class, p.client::unwrap);
    p.pump();
    p.server.unwrap();
    p.pump();
    p.ci.write("cleartext".getBytes(US_ASCII));
    p.client.unwrap();
    assertEquals("cleartext", new String(p.ci.read(), US_ASCII));
  }

  @Test
  void truncatedStream_raisesEofErrorAsPython() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    p.handshake();
    p.server.write("abc".getBytes(US_ASCII));
    p.pump();
    p.ci.writeEof();
    assertEquals("abc", new String(p.client.read(), US_ASCII));
    SslEofError e = assertThrows(SslEofError.class, () -> p.client.read());
    assertEquals("SSL", e.library());
    assertEquals("UNEXPECTED_EOF_WHILE_READING", e.reason());
  }

  @Test
  void truncatedHandshake_raisesEofError() throws Exception {
    Pair p = new Pair(pki.clientContext(), "localhost");
    assertThrows(SslWantReadError.class, p.client::doHandshake);
    p.ci.writeEof();
    assertThrows(SslEofError.class, p.client::doHandshake);
  }

  @Test
  void hostnameMismatch_raisesVerifyError62_andTheServerGetsTheAlert() throws Exception {
    Pair p = new Pair(pki.clientContext(), "other.example");
    SslCertVerificationError e = assertThrows(SslCertVerificationError.class, p::handshake);
    assertEquals(62, e.verifyCode());
    assertThrows(SslCertVerificationError.class, p.client::doHandshake, "the failure stays");
    p.pump();
    SslError alert = assertThrows(SslError.class, p.server::doHandshake);
    assertFalse(alert instanceof SslWantReadError, alert.toString());
  }

  @Test
  void ipLiteralServerHostname_checkedAgainstIpAddressEntries() throws Exception {
    new Pair(pki.clientContext(), "127.0.0.1").handshake();
    SslCertVerificationError e = assertThrows(SslCertVerificationError.class,
        new Pair(pki.clientContext(), "127.0.0.2")::handshake);
    assertEquals(64, e.verifyCode(), e.getMessage()); // X509_V_ERR_IP_ADDRESS_MISMATCH
  }

  @Test
  void untrustedCertificate_raisesVerifyError19() throws Exception {
    Pair p = new Pair(new SslContext(Protocol.TLS_CLIENT), "localhost");
    SslCertVerificationError e = assertThrows(SslCertVerificationError.class, p::handshake);
    // the server sends its root along: OpenSSL says 19 too
    assertEquals(19, e.verifyCode(), e.getMessage());
  }

  @Test
  void wrapBio_checksArgumentsAsWrapSocket() throws Exception {
    MemoryBio a = new MemoryBio();
    MemoryBio b = new MemoryBio();
    SslContext client = pki.clientContext();
    assertEquals("check_hostname requires server_hostname", assertThrows(
        IllegalArgumentException.class, () -> client.wrapBio(a, b, false, null)).getMessage());
    assertEquals("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context",
        assertThrows(IllegalArgumentException.class,
            () -> client.wrapBio(a, b, true, null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.wrapBio(a, a, false, "localhost"));
    assertSame(client, client.wrapBio(a, b, false, "localhost").context());
    SslContext unchecked = new SslContext(Protocol.TLS_CLIENT);
    unchecked.setCheckHostname(false);
    assertNull(unchecked.wrapBio(a, b, false, null).serverHostname());
  }

  @Test
  void memoryBio_behavesAsPythons() {
    MemoryBio b = new MemoryBio();
    assertEquals(6, b.write("abcdef".getBytes(US_ASCII)));
    assertEquals(6, b.pending());
    assertEquals("ab", new String(b.read(2), US_ASCII));
    assertEquals(0, b.read(0).length);
    assertEquals("cdef", new String(b.read(-1), US_ASCII));
    assertEquals(0, b.read().length);
    b.write("x".getBytes(US_ASCII));
    b.writeEof();
    assertFalse(b.eof(), "a byte is still held");
    assertEquals("x", new String(b.read(), US_ASCII));
    assertTrue(b.eof());
    assertEquals("cannot write() after write_eof()",
        assertThrows(IllegalStateException.class, () -> b.write(new byte[1])).getMessage());
  }

  @Test
  void memoryBio_growsPastItsBuffer() {
    MemoryBio b = new MemoryBio();
    byte[] big = new byte[100_000];
    big[99_999] = 7;
    b.write(new byte[10]);
    b.read(5);
    b.write(big);
    assertEquals(100_005, b.pending());
    assertEquals(7, b.read()[100_004]);
  }
}
