package dev.pemtls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.testing.BioDriver;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.PythonOracle;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SslObject} over a real TCP socket, its BIOs pumped by {@link BioDriver} as an event loop
 * would, against {@code openssl s_server}/{@code s_client} and CPython 3.11's {@code ssl}, both
 * directions, TLS 1.2 and 1.3. What it reports must equal what the socket form reports for the
 * same peer, and its failures must be the socket form's.
 */
@Tag("peer") // needs openssl and python3 on the PATH
class SslObjectPeerTest {
  @TempDir static Path dir;
  static TestPki pki;

  /** One connection: sends "hi", prints the line it got and its view, then ends as told. */
  private static final String PY_SERVER = String.join("\n",
      "import json, socket, ssl, sys",
      "ca, cert, key, version, ending = sys.argv[1:6]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.maximum_version = getattr(ssl.TLSVersion, version)",
      "with socket.create_server(('127.0.0.1', 0)) as srv:",
      "    print(srv.getsockname()[1], flush=True)",
      "    conn, _ = srv.accept()",
      "    t = ctx.wrap_socket(conn, server_side=True)",
      "    t.sendall(b'hi\\n')",
      "    line = t.recv(100).decode()",
      "    print(json.dumps([t.cipher(), t.version(), line]), flush=True)",
      "    cb = t.get_channel_binding()",
      "    print('CB', cb.hex() if cb else None, flush=True)",
      "    if ending == 'close_notify':",
      "        t.unwrap().close()",
      "    else:",
      "        t.close()  # Python's close sends no close_notify: a truncated stream",
      "    print('DONE', flush=True)");

  /** Mutual TLS client: sends a line, prints what it got and its view, then unwraps. */
  private static final String PY_CLIENT = String.join("\n",
      "import json, socket, ssl, sys",
      "ca, cert, key, port, version = sys.argv[1:6]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
      "ctx.load_verify_locations(ca)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.maximum_version = getattr(ssl.TLSVersion, version)",
      "with socket.create_connection(('127.0.0.1', int(port))) as s:",
      "    t = ctx.wrap_socket(s, server_hostname='localhost')",
      "    t.sendall(b'python\\n')",
      "    line = t.recv(100).decode()",
      "    print(json.dumps(t.getpeercert()), flush=True)",
      "    print(json.dumps([t.cipher(), t.version(), line]), flush=True)",
      "    t.unwrap()",
      "    print('UNWRAPPED', flush=True)");

  @BeforeAll
  static void setUp() throws IOException {
    Peer.require("openssl", "the SslObject tests against openssl");
    Peer.require("python3", "the SslObject tests against CPython");
    pki = new TestPki(dir, "EC");
  }

  /** A peer whose standard error is kept apart (python3), or merged in (openssl). */
  private static Peer start(String... command) throws IOException {
    return command[0].equals("openssl") ? Peer.start(command)
        : Peer.command(List.of(command)).separateStderr().start();
  }


  private static Socket connect(int port) throws IOException {
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(10_000);
    return raw;
  }

  private static String flag(String version) {
    return version.equals("TLSv1.2") ? "-tls1_2" : "-tls1_3";
  }

  private static String pyVersion(String version) {
    return version.replace('.', '_');
  }

  private static String cipherJson(CipherInfo c, String version, String line) {
    return Json.write(List.of(List.of(c.name(), c.protocol(), c.secretBits()), version, line));
  }

  private static String readLine(BioDriver d) throws IOException {
    StringBuilder line = new StringBuilder();
    while (line.indexOf("\n") < 0) {
      byte[] got = d.drive(() -> d.object.read());
      if (got.length == 0) {
        break;
      }
      line.append(new String(got, US_ASCII));
    }
    return line.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void client_toOpensslServer_reportsWhatTheSocketFormReports_alpnToo(String version)
      throws Exception {
    int port = Loopback.freePort();
    try (Peer server = start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-naccept", "2", "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(),
        "-alpn", "http/1.1", flag(version))) {
      server.await("ACCEPT");
      SslContext ctx = pki.clientContext();
      ctx.setAlpnProtocols(List.of("h2", "http/1.1"));
      BioDriver d;
      try (Socket raw = connect(port)) {
        d = new BioDriver(ctx, raw, false, "localhost");
        d.handshake();
        assertTrue(d.wantReads() >= 1, "the handshake had to wait for the server");
        d.drive(() -> d.object.write("hello from bio\n".getBytes(US_ASCII)));
        server.await("hello from bio");
        server.send("reply from openssl\n");
        assertEquals("reply from openssl\n", readLine(d));
      }
      // s_server serves one connection at a time: the socket form's comes after
      try (SSLSocket tls = ctx.wrapSocket(connect(port), false, "localhost")) {
        assertEquals(version, d.object.version());
        assertEquals(Ssl.version(tls), d.object.version());
        assertEquals(Ssl.cipher(tls), d.object.cipher());
        assertEquals(Ssl.getpeercert(tls), d.object.getpeercert());
        assertEquals(Json.write(Ssl.getpeercert(tls)), Json.write(d.object.getpeercert()));
        assertEquals("http/1.1", d.object.selectedAlpnProtocol());
        assertEquals(SslSocket.of(tls).selectedAlpnProtocol(), d.object.selectedAlpnProtocol());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void server_toOpensslClient_readsItsLine_andUnwrapsCleanly(String version) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Peer client = start("openssl", "s_client", "-connect",
            "127.0.0.1:" + listener.getLocalPort(), "-servername", "localhost",
            flag(version))) {
      try (Socket raw = listener.accept()) {
        raw.setSoTimeout(10_000);
        BioDriver d = new BioDriver(pki.serverContext(VerifyMode.CERT_NONE), raw, true, null);
        d.handshake();
        assertTrue(d.wantReads() >= 1, "the server waits for the ClientHello");
        client.send("hello from openssl\n");
        assertEquals("hello from openssl\n", readLine(d));
        assertEquals(version, d.object.version());
        assertTrue(d.object.sharedCiphers().contains(d.object.cipher()),
            d.object.sharedCiphers().toString());
        String line = client.await("Cipher is");
        assertTrue(line.contains(d.object.cipher().name()), line);
        d.drive(() -> {
          d.object.unwrap(); // s_client answers our close_notify with its own
          return null;
        });
        assertEquals(-1, raw.getInputStream().read(), "nothing after the close_notify");
        client.waitFor();
      }
    }
  }

  @Test
  void client_withoutTheCa_failsAsWrapSocketDoes() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-naccept", "2", "-cert", pki.serverChain.toString(), "-key",
        pki.serverKey.toString())) {
      server.await("ACCEPT");
      SslContext ctx = new SslContext(Protocol.TLS_CLIENT); // trusts nothing
      SslCertVerificationError bio;
      try (Socket raw = connect(port)) {
        BioDriver d = new BioDriver(ctx, raw, false, "localhost");
        bio = assertThrows(SslCertVerificationError.class, d::handshake);
      }
      SslCertVerificationError socket = assertThrows(SslCertVerificationError.class,
          () -> ctx.wrapSocket(connect(port), false, "localhost").close());
      assertEquals(socket.verifyCode(), bio.verifyCode());
      assertEquals(socket.getMessage(), bio.getMessage());
      server.await("alert"); // the alert left in the outgoing BIO reached s_server
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void client_toPythonServer_sameChannelBinding_closeNotifyReadsEmpty_thenZeroReturn(
      String version)
      throws Exception {
    Peer py = start("python3", "-c", PY_SERVER, pki.caFile.toString(),
        pki.serverChain.toString(), pki.serverKey.toString(), pyVersion(version),
        "close_notify");
    int port = Integer.parseInt(py.awaitLine("").trim());
    try (Socket raw = connect(port)) {
      BioDriver d = new BioDriver(pki.clientContext(), raw, false, "localhost");
      d.handshake();
      assertTrue(d.wantReads() >= 1);
      assertEquals("hi\n", readLine(d));
      d.drive(() -> d.object.write("java\n".getBytes(US_ASCII)));
      assertEquals(cipherJson(d.object.cipher(), d.object.version(), "java\n"),
          py.awaitLine("["));
      String cb = py.awaitLine("CB ");
      if (version.equals("TLSv1.2")) { // tls-unique: not defined for TLS 1.3 (RFC 9266)
        assertEquals("CB " + java.util.HexFormat.of().formatHex(d.object.getChannelBinding()),
            cb);
      } else {
        assertNull(d.object.getChannelBinding());
      }
      assertEquals(0, d.drive(() -> d.object.read()).length, "Python's close_notify");
      d.drive(() -> {
        d.object.unwrap();
        return null;
      });
      assertThrows(SslZeroReturnError.class, () -> d.object.read());
      py.await("DONE");
    }
    assertEquals(0, py.waitFor(), py.stderr());
  }

  @Test
  void client_toPythonServerThatClosesWithoutCloseNotify_raisesEofError() throws Exception {
    Peer py = start("python3", "-c", PY_SERVER, pki.caFile.toString(),
        pki.serverChain.toString(), pki.serverKey.toString(), "TLSv1_3", "truncate");
    int port = Integer.parseInt(py.awaitLine("").trim());
    try (Socket raw = connect(port)) {
      BioDriver d = new BioDriver(pki.clientContext(), raw, false, "localhost");
      assertEquals("hi\n", readLine(d));
      d.drive(() -> d.object.write("java\n".getBytes(US_ASCII)));
      py.await("DONE");
      SslEofError e = assertThrows(SslEofError.class, () -> d.drive(() -> d.object.read()));
      assertEquals("UNEXPECTED_EOF_WHILE_READING", e.reason());
    }
    assertEquals(0, py.waitFor(), py.stderr());
  }

  @Test
  void client_wrongHostname_raisesVerifyError62() throws Exception {
    Peer py = start("python3", "-c", PY_SERVER, pki.caFile.toString(),
        pki.serverChain.toString(), pki.serverKey.toString(), "TLSv1_3", "truncate");
    int port = Integer.parseInt(py.awaitLine("").trim());
    try (Socket raw = connect(port)) {
      BioDriver d = new BioDriver(pki.clientContext(), raw, false, "wrong.example");
      SslCertVerificationError e = assertThrows(SslCertVerificationError.class, d::handshake);
      assertEquals(62, e.verifyCode(), e.getMessage());
    }
    py.waitFor(); // its handshake fails on our alert
    assertTrue(py.stderr().contains("SSL"), py.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void server_toPythonClient_mutualTls_bothSidesAgree(String version) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Peer py = start("python3", "-c", PY_CLIENT, pki.caFile.toString(),
          pki.clientChain.toString(), pki.clientKey.toString(),
          String.valueOf(listener.getLocalPort()), pyVersion(version));
      try (Socket raw = listener.accept()) {
        raw.setSoTimeout(10_000);
        BioDriver d = new BioDriver(pki.serverContext(VerifyMode.CERT_REQUIRED), raw, true,
            null);
        assertEquals("python\n", readLine(d));
        assertEquals(version, d.object.version());
        d.drive(() -> d.object.write("echo: python\n".getBytes(US_ASCII)));
        assertEquals(PythonOracle.decode(List.of(pki.clientChain)).get(0),
            Json.write(d.object.getpeercert()));
        assertEquals(Json.write(dev.pemtls.internal.x509.CertificateDict.decode(
            pki.server.certificate())), py.awaitLine("{"));
        assertEquals(cipherJson(d.object.cipher(), version, "echo: python\n"),
            py.awaitLine("["));
        assertEquals(0, d.drive(() -> d.object.read()).length, "Python's close_notify");
        d.send(); // BCJSSE's answer
        py.await("UNWRAPPED");
        assertFalse(d.object.sharedCiphers().isEmpty());
      }
      assertEquals(0, py.waitFor(), py.stderr());
    }
  }
}
