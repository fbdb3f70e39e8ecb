package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TamperingRelay;
import dev.pemtls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every AEAD record protection PemTLS negotiates (AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305, in
 * TLS 1.3 and in TLS 1.2), with CPython 3.11 as the peer on the other side of a relay: records of
 * every size from 1 byte to several full records arrive intact in both directions, and a record
 * altered on the path (one bit of its tag) ends the connection as in OpenSSL: the receiver fails
 * with {@code DECRYPTION_FAILED_OR_BAD_RECORD_MAC} and sends {@code bad_record_mac}, which the
 * sender reports as {@code SSLV3_ALERT_BAD_RECORD_MAC}.
 */
@Tag("peer") // needs python3
class RecordCiphersPythonTest {
  private static final int[] SIZES = {1, 1023, 1024, 16384, 16385, 100_000};

  /**
   * role, port, cert or CA, key, TLS 1.2 cipher ('' for TLS 1.3), sizes to echo (client). The
   * server echoes until EOF; the client sends and checks each size, prints READY, waits for a
   * line on stdin, sends once more and reports what came back. An SSLError prints "ERR reason".
   */
  private static final String PY_PEER = String.join("\n",
      "import os, socket, ssl, sys",
      "role, port, cert, key, cipher, sizes = sys.argv[1:7]",
      "server = role == 'server'",
      "c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)",
      "if server: c.load_cert_chain(cert, key)",
      "else: c.load_verify_locations(cert)",
      "if cipher:",
      "    c.maximum_version = ssl.TLSVersion.TLSv1_2",
      "    c.set_ciphers(cipher)",
      "def recv_exactly(t, n):",
      "    got = b''",
      "    while len(got) < n:",
      "        d = t.recv(n - len(got))",
      "        if not d: raise EOFError('closed after %d of %d' % (len(got), n))",
      "        got += d",
      "    return got",
      "try:",
      "    if server:",
      "        l = socket.create_server(('127.0.0.1', int(port)))",
      "        print('ACCEPT', flush=True)",
      "        t = c.wrap_socket(l.accept()[0], server_side=True)",
      "        print('GOT', t.version(), t.cipher()[0], flush=True)",
      "        while True:",
      "            d = t.recv(65536)",
      "            if not d: break",
      "            t.sendall(d)",
      "        print('EOF', flush=True)",
      "    else:",
      "        t = c.wrap_socket(socket.create_connection(('127.0.0.1', int(port))),",
      "                          server_hostname='localhost')",
      "        print('GOT', t.version(), t.cipher()[0], flush=True)",
      "        for n in map(int, sizes.split(',')):",
      "            data = os.urandom(n)",
      "            t.sendall(data)",
      "            if recv_exactly(t, n) != data: raise ValueError('echo of %d differs' % n)",
      "            print('ECHO', n, flush=True)",
      "        print('READY', flush=True)",
      "        sys.stdin.readline()",
      "        t.sendall(b'altered on the way')",
      "        print('DATA', t.recv(100), flush=True)",
      "except ssl.SSLError as e:",
      "    print('ERR', e.reason, flush=True)");

  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    Peer.require("python3", "record protection against CPython");
    pki = new TestPki(dir, "EC");
  }

  @Test
  void pythonReceivingAnAlteredRecord_failsWithOpenSslsReason() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = python("server", port, "");
        TamperingRelay relay = new TamperingRelay(port)) {
      server.await("ACCEPT");
      try (Peer client = python("client", relay.port(), "")) {
        client.await("READY");
        relay.arm(false);
        client.send("go\n");
        assertEquals("ERR DECRYPTION_FAILED_OR_BAD_RECORD_MAC", client.awaitLine("ERR").trim());
        assertTrue(relay.flipped());
      }
      assertEquals("ERR SSLV3_ALERT_BAD_RECORD_MAC", server.awaitLine("ERR").trim());
    }
  }

  /** Every AEAD suite PemTLS offers with an EC identity: version and OpenSSL cipher name. */
  static Stream<Arguments> suites() {
    return Stream.of(
        Arguments.of("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
        Arguments.of("TLSv1.3", "TLS_AES_256_GCM_SHA384"),
        Arguments.of("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256"),
        Arguments.of("TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256"),
        Arguments.of("TLSv1.2", "ECDHE-ECDSA-AES256-GCM-SHA384"),
        Arguments.of("TLSv1.2", "ECDHE-ECDSA-CHACHA20-POLY1305"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("suites")
  void pemtlsClient_recordsArriveIntact_andAnAlteredOneEndsTheConnection(String version,
      String cipher) throws Exception {
    SslContext ctx = pki.clientContext();
    restrict(ctx, version, cipher);
    int port = Loopback.freePort();
    try (Peer server = python("server", port, tls12(version, cipher));
        TamperingRelay relay = new TamperingRelay(port)) {
      server.await("ACCEPT");
      try (SslSocket tls = SslSocket.of(ctx.wrapSocket(
              new Socket(InetAddress.getLoopbackAddress(), relay.port()), false, "localhost"))) {
        assertEquals(version, tls.version());
        assertEquals(cipher, tls.cipher().name());
        Random random = new Random(version.hashCode() ^ cipher.hashCode());
        for (int n : SIZES) {
          byte[] data = new byte[n];
          random.nextBytes(data);
          tls.write(data);
          assertArrayEquals(data, readExactly(tls, n), "echo of " + n + " bytes");
        }
        relay.arm(false);
        tls.write("altered on the way".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        SslError e = assertThrows(SslError.class, () -> readExactly(tls, 18));
        assertTrue(relay.flipped());
        assertEquals("DECRYPTION_FAILED_OR_BAD_RECORD_MAC", e.reason(), e.toString());
      }
      assertEquals("ERR SSLV3_ALERT_BAD_RECORD_MAC", server.awaitLine("ERR").trim());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("suites")
  void pemtlsServer_recordsArriveIntact_andAnAlteredOneEndsTheConnection(String version,
      String cipher) throws Exception {
    SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
    restrict(ctx, version, cipher);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        TamperingRelay relay = new TamperingRelay(listener.getLocalPort())) {
      CompletableFuture<SslError> served = CompletableFuture.supplyAsync(() -> {
        try (Socket raw = listener.accept();
            SslSocket tls = SslSocket.of(ctx.wrapSocket(raw, true, null))) {
          assertEquals(version, tls.version());
          assertEquals(cipher, tls.cipher().name());
          while (true) {
            byte[] d = tls.read(65536);
            if (d.length == 0) {
              return null;
            }
            tls.write(d);
          }
        } catch (SslError e) {
          return e;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      try (Peer client = python("client", relay.port(), tls12(version, cipher), SIZES)) {
        assertEquals("GOT " + version + " " + cipher, client.awaitLine("GOT").trim());
        client.await("READY");
        for (int n : SIZES) {
          assertTrue(client.output().contains("ECHO " + n + "\n"), client.output());
        }
        relay.arm(true);
        client.send("go\n");
        SslError e = served.get(20, TimeUnit.SECONDS);
        assertTrue(relay.flipped());
        assertEquals("DECRYPTION_FAILED_OR_BAD_RECORD_MAC", e == null ? "clean EOF" : e.reason(),
            String.valueOf(e));
        assertEquals("ERR SSLV3_ALERT_BAD_RECORD_MAC", client.awaitLine("ERR").trim());
      }
    }
  }

  /** The one suite: {@code setCiphersuites} for TLS 1.3, {@code setCiphers} for TLS 1.2. */
  private static void restrict(SslContext ctx, String version, String cipher) throws SslError {
    if (version.equals("TLSv1.3")) {
      ctx.setMinimumVersion(TlsVersion.TLSv1_3);
      ctx.setCiphersuites(cipher);
    } else {
      ctx.setMaximumVersion(TlsVersion.TLSv1_2);
      ctx.setCiphers(cipher);
    }
  }

  private static String tls12(String version, String cipher) {
    return version.equals("TLSv1.2") ? cipher : "";
  }

  private static byte[] readExactly(SslSocket tls, int n) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (got.size() < n) {
      byte[] d = tls.read(n - got.size());
      if (d.length == 0) {
        throw new IOException("closed after " + got.size() + " of " + n + " bytes");
      }
      got.write(d);
    }
    return got.toByteArray();
  }

  private static Peer python(String role, int port, String cipher, int... sizes)
      throws IOException {
    String certOrCa = role.equals("server") ? pki.serverChain.toString() : pki.caFile.toString();
    StringBuilder list = new StringBuilder();
    for (int n : sizes.length == 0 ? new int[] {1, 1024} : sizes) {
      list.append(list.length() == 0 ? "" : ",").append(n);
    }
    return Peer.command(List.of("python3", "-c", PY_PEER, role, Integer.toString(port),
        certOrCa, pki.serverKey.toString(), cipher, list.toString())).separateStderr().start();
  }
}
