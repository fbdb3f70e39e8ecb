package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.internal.x509.CertificateDict;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.PythonOracle;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS with CPython's ssl module as the peer, in both directions: each side's getpeercert()
 * and cipher() must equal what Python reports on the same connection.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class PythonPeerTest {
  @TempDir static Path dir;
  static TestPki pki;

  private static final String PY_CLIENT = String.join("\n",
      "import json, socket, ssl, sys",
      "ca, cert, key, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
      "ctx.load_verify_locations(ca)",
      "ctx.load_cert_chain(cert, key)",
      "with socket.create_connection(('127.0.0.1', port)) as s:",
      "    with ctx.wrap_socket(s, server_hostname='localhost') as t:",
      "        t.sendall(b'python\\n')",
      "        line = t.recv(100).decode()",
      "        print(json.dumps(t.getpeercert()))",
      "        print(json.dumps([t.cipher(), t.version(), line]))");

  private static final String PY_SERVER = String.join("\n",
      "import json, socket, ssl, sys",
      "ca, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      "ctx.load_verify_locations(ca)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.verify_mode = ssl.CERT_REQUIRED",
      "with socket.create_server(('127.0.0.1', 0)) as srv:",
      "    print(srv.getsockname()[1], flush=True)",
      "    conn, _ = srv.accept()",
      "    with ctx.wrap_socket(conn, server_side=True) as t:",
      "        line = t.recv(100).decode()",
      "        t.sendall(('echo: ' + line).encode())",
      "        print(json.dumps(t.getpeercert()))",
      "        print(json.dumps([t.cipher(), t.version(), line]))",
      "        t.recv(1)");

  @BeforeAll
  static void setUp() throws Exception {
    Peer.require("python3", "the CPython peer tests");
    pki = new TestPki(dir, "RSA");
  }

  private static Peer start(String script, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c", script));
    cmd.addAll(List.of(args));
    return Peer.command(cmd).separateStderr().start();
  }

  /** The peer's next {@code n} output lines. */
  private static List<String> lines(Peer py, int n) throws InterruptedException {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(py.awaitLine(""));
    }
    return out;
  }

  private static String cipherJson(CipherInfo c, String version, String line) {
    return Json.write(List.of(List.of(c.name(), c.protocol(), c.secretBits()), version, line));
  }

  @Test
  void pythonClient_seesTheSameCertificateAndCipherAsPemtlsServer() throws Exception {
    try (Loopback lo = Loopback.echo(pki.serverContext(VerifyMode.CERT_REQUIRED))) {
      Peer py = start(PY_CLIENT, pki.caFile.toString(), pki.clientChain.toString(),
          pki.clientKey.toString(), String.valueOf(lo.port()));
      List<String> out = lines(py, 2);
      assertEquals(0, py.waitFor(), "python client failed: " + py);
      Loopback.Seen seen = (Loopback.Seen) lo.result();
      // Python's view of our server certificate equals our dictionary for it
      assertEquals(Json.write(CertificateDict.decode(pki.server.certificate())), out.get(0));
      // our server's view of Python's client certificate equals Python's own decoding
      assertEquals(dev.pemtls.testing.PythonOracle.decode(List.of(pki.clientChain)).get(0),
          Json.write(seen.peercert()));
      assertEquals(cipherJson(seen.cipher(), seen.version(), "echo: python\n"), out.get(1));
    }
  }

  @Test
  void pemtlsClient_seesTheSameCertificateAndCipherAsPythonServer() throws Exception {
    Peer py = start(PY_SERVER, pki.caFile.toString(), pki.serverChain.toString(),
        pki.serverKey.toString());
    int port = Integer.parseInt(py.awaitLine("").trim());
    SslContext client = pki.clientContext();
    client.loadCertChain(pki.clientChain, pki.clientKey);
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(10_000);
    try (SSLSocket tls = client.wrapSocket(raw, false, "localhost")) {
      Loopback.write(tls.getOutputStream(), "java\n");
      assertEquals("echo: java", Loopback.readLine(tls.getInputStream()));
      List<String> out = lines(py, 2);
      assertEquals(Json.write(CertificateDict.decode(pki.client.certificate())), out.get(0));
      assertEquals(dev.pemtls.testing.PythonOracle.decode(List.of(pki.serverChain)).get(0),
          Json.write(Ssl.getpeercert(tls)));
      assertEquals(cipherJson(Ssl.cipher(tls), Ssl.version(tls), "java\n"), out.get(1));
      tls.getOutputStream().write('x');
      tls.getOutputStream().flush();
    }
    assertEquals(0, py.waitFor(), "python server failed: " + py);
  }
}
