package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.CipherInfo;
import dev.pemtls.Protocol;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.TlsVersion;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.x509.Json;
import dev.pemtls.internal.x509.CertificateDict;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/**
 * CPython's ssl module against PemTLS in both directions: getpeercert() and cipher() equal value
 * for value on the same connection; ragged EOF and close_notify as Python's servers produce them.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class PythonInteropTest {
  @TempDir static Path dir;
  static final Map<String, TestPki> PKI = new TreeMap<>();

  /** argv: ca cert key port maxversion ; prints getpeercert JSON, then [cipher, version]. */
  static final String CLIENT = String.join("\n",
      "import json, socket, ssl, sys",
      "ca, cert, key, port, ver = sys.argv[1:6]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
      "ctx.load_verify_locations(ca)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.maximum_version = getattr(ssl.TLSVersion, ver)",
      "with socket.create_connection(('127.0.0.1', int(port))) as s:",
      "    with ctx.wrap_socket(s, server_hostname='localhost') as t:",
      "        t.sendall(b'python\\n')",
      "        t.recv(100)",
      "        print(json.dumps(t.getpeercert()))",
      "        print(json.dumps([t.cipher(), t.version()]), flush=True)");

  /**
   * argv: ca cert key mode ; mode "verify" prints the client's getpeercert and [cipher,
   * version]; "ragged" sends a line and closes without close_notify; "notify" sends a line then
   * unwraps (close_notify).
   */
  static final String SERVER = String.join("\n",
      "import json, socket, ssl, sys",
      "ca, cert, key, mode = sys.argv[1:5]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      "ctx.load_verify_locations(ca)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.verify_mode = ssl.CERT_REQUIRED if mode == 'verify' else ssl.CERT_NONE",
      "with socket.create_server(('127.0.0.1', 0)) as srv:",
      "    print('ACCEPT 127.0.0.1:%d' % srv.getsockname()[1], flush=True)",
      "    conn, _ = srv.accept()",
      "    t = ctx.wrap_socket(conn, server_side=True)",
      "    if mode == 'verify':",
      "        t.recv(100); t.sendall(b'ok\\n')",
      "        print(json.dumps(t.getpeercert()))",
      "        print(json.dumps([t.cipher(), t.version()]), flush=True)",
      "        t.recv(1)",
      "    elif mode == 'ragged':",
      "        t.sendall(b'bye\\n'); t.close()",
      "    else:",
      "        t.sendall(b'bye\\n'); t.unwrap().close()");

  @BeforeAll
  static void pki() throws Exception {
    for (String type : List.of("RSA", "EC")) {
      PKI.put(type, TestPki.withIntermediate(dir, type));
    }
  }

  static String cipherJson(CipherInfo c, String version) {
    return Json.write(List.of(List.of(c.name(), c.protocol(), c.secretBits()), version));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"RSA, TLSv1_2", "RSA, TLSv1_3", "EC, TLSv1_2", "EC, TLSv1_3"})
  void pythonClient_agreesWithPemtlsServer(String type, String version) throws Exception {
    TestPki pki = PKI.get(type);
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(pki.serverChain, pki.serverKey);
    ctx.loadVerifyLocations(pki.caFile, null, null);
    ctx.loadVerifyLocations(pki.intermediateFile, null, null);
    ctx.setVerifyMode(VerifyMode.CERT_REQUIRED);
    try (PemtlsServer server = new PemtlsServer(ctx, false);
        Peer py = Peer.start("python3", "-c", CLIENT, pki.caFile.toString(),
            pki.clientChain.toString(), pki.clientKey.toString(),
            String.valueOf(server.port()), version)) {
      assertEquals(0, py.waitFor(), py.output());
      List<String> lines = py.output().lines().toList();
      PemtlsServer.Seen seen = server.next();
      assertEquals(Json.write(CertificateDict.decode(pki.server.certificate())), lines.get(0));
      assertEquals(cipherJson(seen.cipher(), seen.version()), lines.get(1));
      assertEquals(Json.write(CertificateDict.decode(pki.client.certificate())),
          Json.write(seen.peercert()));
    }
  }

  static SSLSocket connect(TestPki pki, Peer py, TlsVersion max, boolean suppress)
      throws Exception {
    String accept = py.await("ACCEPT");
    int port = Integer.parseInt(accept.substring(accept.lastIndexOf(':') + 1).trim());
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(pki.caFile, null, null);
    ctx.loadCertChain(pki.clientChain, pki.clientKey);
    ctx.setMaximumVersion(max);
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(15_000);
    return ctx.wrapSocket(raw, false, true, suppress, "localhost");
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"RSA, TLSv1_2", "RSA, TLSv1_3", "EC, TLSv1_2", "EC, TLSv1_3"})
  void pemtlsClient_agreesWithPythonServer(String type, TlsVersion version) throws Exception {
    TestPki pki = PKI.get(type);
    try (Peer py = Peer.start("python3", "-c", SERVER, pki.caFile.toString(),
            pki.serverChain.toString(), pki.serverKey.toString(), "verify");
        SSLSocket tls = connect(pki, py, version, true)) {
      tls.getOutputStream().write("java\n".getBytes(StandardCharsets.UTF_8));
      tls.getOutputStream().flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
          StandardCharsets.UTF_8));
      assertEquals("ok", in.readLine());
      String peercert = py.await("{");
      String cipher = py.await("[[");
      assertEquals(Json.write(CertificateDict.decode(pki.client.certificate())), peercert);
      assertEquals(cipherJson(Ssl.cipher(tls), Ssl.version(tls)), cipher);
      assertEquals(Json.write(CertificateDict.decode(pki.server.certificate())),
          Json.write(Ssl.getpeercert(tls)));
      tls.getOutputStream().write('x');
      tls.getOutputStream().flush();
    }
  }

  @ParameterizedTest(name = "over {0}")
  @CsvSource({"TLSv1_2", "TLSv1_3"})
  void raggedEof_suppressed_readsEndOfStream(TlsVersion version) throws Exception {
    TestPki pki = PKI.get("EC");
    try (Peer py = Peer.start("python3", "-c", SERVER, pki.caFile.toString(),
            pki.serverChain.toString(), pki.serverKey.toString(), "ragged");
        SSLSocket tls = connect(pki, py, version, true)) {
      BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
          StandardCharsets.UTF_8));
      assertEquals("bye", in.readLine());
      assertEquals(null, in.readLine());
    }
  }

  @ParameterizedTest(name = "over {0}")
  @CsvSource({"TLSv1_2", "TLSv1_3"})
  void raggedEof_notSuppressed_raisesUnexpectedEof(TlsVersion version) throws Exception {
    TestPki pki = PKI.get("EC");
    try (Peer py = Peer.start("python3", "-c", SERVER, pki.caFile.toString(),
            pki.serverChain.toString(), pki.serverKey.toString(), "ragged");
        SSLSocket tls = connect(pki, py, version, false)) {
      var in = tls.getInputStream();
      byte[] bye = in.readNBytes(4);
      assertEquals("bye\n", new String(bye, StandardCharsets.UTF_8));
      SslError e = assertThrows(SslError.class, in::read);
      assertEquals("UNEXPECTED_EOF_WHILE_READING", e.reason());
    }
  }

  @Test
  void closeNotify_fromPythonUnwrap_readsEndOfStreamEvenUnsuppressed() throws Exception {
    TestPki pki = PKI.get("EC");
    try (Peer py = Peer.start("python3", "-c", SERVER, pki.caFile.toString(),
            pki.serverChain.toString(), pki.serverKey.toString(), "notify");
        SSLSocket tls = connect(pki, py, TlsVersion.TLSv1_3, false)) {
      var in = tls.getInputStream();
      assertEquals("bye\n", new String(in.readNBytes(4), StandardCharsets.UTF_8));
      assertEquals(-1, in.read());
      assertTrue(py.waitFor() == 0, py.output());
    }
  }
}
