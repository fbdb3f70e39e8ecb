package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code options} against CPython 3.11: the default value is Python's (plus the three flags BCJSSE
 * always behaves by), and the flags that change a handshake change it as they do in Python, with
 * CPython as the peer and as the oracle (the same options on a Python context give the same
 * result).
 */
@Tag("peer") // needs python3
class OptionsPythonTest {
  /** What BCJSSE always does, that Python's default leaves off. */
  private static final Options ALWAYS_ADDED = Options.NO_RENEGOTIATION.with(Options.NO_TICKET)
      .with(Options.LEGACY_SERVER_CONNECT);

  private static final String SUITE_A = "ECDHE-ECDSA-AES128-GCM-SHA256";
  private static final String SUITE_B = "ECDHE-ECDSA-AES256-GCM-SHA384";

  /**
   * One TLS connection as client or server: argv role, port, ca/cert, key, ciphers, maximum
   * version, options to clear, options to set; prints "version cipher".
   */
  private static final String PY_PEER = String.join("\n",
      "import socket, ssl, sys",
      "role, port, cert, key, ciphers, version, clear, add = sys.argv[1:9]",
      "server = role == 'server'",
      "c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)",
      "if server: c.load_cert_chain(cert, key)",
      "else: c.load_verify_locations(cert)",
      "if ciphers: c.set_ciphers(ciphers)",
      "if version: c.maximum_version = getattr(ssl.TLSVersion, version)",
      "if clear: c.options &= ~getattr(ssl, clear)",
      "if add: c.options |= getattr(ssl, add)",
      "if server:",
      "    l = socket.create_server(('127.0.0.1', int(port)))",
      "    print('ACCEPT', flush=True)",
      "    t = c.wrap_socket(l.accept()[0], server_side=True)",
      "else:",
      "    t = c.wrap_socket(socket.create_connection(('127.0.0.1', int(port))),",
      "                      server_hostname='localhost')",
      "print('GOT', t.version(), t.cipher()[0], flush=True)",
      "t.close()");

  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    Peer.require("python3", "CPython's options and handshakes");
    pki = new TestPki(dir, "EC");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLS_CLIENT", "TLS_SERVER", "TLS", "TLSv1_2"})
  void defaultOptions_arePythons_plusWhatBcjsseAlwaysDoes(String protocol) throws Exception {
    Peer py = Peer.command(List.of("python3", "-W", "ignore", "-c",
        "import ssl, sys; print(int(ssl.SSLContext(getattr(ssl, 'PROTOCOL_' + sys.argv[1]))"
            + ".options))", protocol)).separateStderr().run();
    long python = Long.parseLong(py.text().trim());
    Options ours = new SslContext(Protocol.valueOf(protocol)).options();
    assertEquals(python, ours.without(ALWAYS_ADDED).value(), "ours " + ours);
    assertEquals(python | ALWAYS_ADDED.value(), ours.value(), "ours " + ours);
  }

  @Test
  void optionValues_arePythons() throws Exception {
    List<String> names = List.of("OP_ALL", "OP_NO_SSLv2", "OP_NO_SSLv3", "OP_NO_TLSv1",
        "OP_NO_TLSv1_1", "OP_NO_TLSv1_2", "OP_NO_TLSv1_3", "OP_NO_RENEGOTIATION",
        "OP_CIPHER_SERVER_PREFERENCE", "OP_NO_TICKET", "OP_NO_COMPRESSION",
        "OP_ENABLE_MIDDLEBOX_COMPAT", "OP_SINGLE_DH_USE", "OP_SINGLE_ECDH_USE",
        "OP_IGNORE_UNEXPECTED_EOF"); // OP_LEGACY_SERVER_CONNECT: Python 3.12's
    Peer py = Peer.command(concat(List.of("python3", "-c",
        "import ssl, sys\nfor n in sys.argv[1:]: print(int(getattr(ssl, n)))"), names))
        .separateStderr().run();
    List<String> values = py.lines();
    for (int i = 0; i < names.size(); i++) {
      assertEquals(Long.parseLong(values.get(i).trim()), Options.named(names.get(i)).value(),
          names.get(i) + " " + py);
    }
  }

  @Test
  void cipherServerPreference_onPemtlsServer_choosesAsPythonsServerDoes() throws Exception {
    for (boolean serverOrder : List.of(true, false)) {
      String clear = serverOrder ? "" : "OP_CIPHER_SERVER_PREFERENCE";
      String python = pythonServerAnswer(SUITE_A + ":" + SUITE_B, clear, SUITE_B + ":" + SUITE_A);
      SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
      server.setCiphers(SUITE_A + ":" + SUITE_B);
      server.setMaximumVersion(TlsVersion.TLSv1_2);
      if (!serverOrder) {
        server.setOptions(server.options().without(Options.CIPHER_SERVER_PREFERENCE));
      }
      String ours = pemtlsServerAnswer(server, SUITE_B + ":" + SUITE_A, "TLSv1_2", "");
      String expected = "GOT TLSv1.2 " + (serverOrder ? SUITE_A : SUITE_B);
      assertEquals(expected, python, "Python's server, server order " + serverOrder);
      assertEquals(expected, ours, "PemTLS's server, server order " + serverOrder);
    }
  }

  @Test
  void noTlsv1_3_negotiatesTls12_withPython_onEitherSide() throws Exception {
    SslContext client = pki.clientContext();
    client.setOptions(client.options().with(Options.NO_TLSv1_3));
    int port = freePort();
    try (Peer server = pythonPeer("server", port, pki.serverChain.toString(), "", "", "")) {
      server.await("ACCEPT");
      try (SslSocket tls = SslSocket.of(client.wrapSocket(new Socket("127.0.0.1", port), false,
          "localhost"))) {
        assertEquals("TLSv1.2", tls.version());
      }
      assertEquals("GOT TLSv1.2", server.awaitLine("GOT").split(" E")[0]);
    }
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setOptions(server.options().with(Options.NO_TLSv1_3));
    assertEquals("GOT TLSv1.2", pemtlsServerAnswer(server, "", "", "").split(" E")[0]);
  }

  @Test
  void noTlsv1_2_leavesTls13_asOpenSslCutsTheRange() throws Exception {
    SslContext client = pki.clientContext();
    client.setOptions(client.options().with(Options.NO_TLSv1_2));
    int port = freePort();
    try (Peer server = pythonPeer("server", port, pki.serverChain.toString(), "", "", "")) {
      server.await("ACCEPT");
      try (SslSocket tls = SslSocket.of(client.wrapSocket(new Socket("127.0.0.1", port), false,
          "localhost"))) {
        assertEquals("TLSv1.3", tls.version());
      }
    }
    assertEquals(TlsVersion.TLSv1_2, client.minimumVersion(), "read back unchanged, as Python");
  }

  private static String pythonServerAnswer(String serverCiphers, String clear,
      String clientCiphers) throws Exception {
    int port = freePort();
    try (Peer server = pythonPeer("server", port, pki.serverChain.toString(), serverCiphers,
        clear, "TLSv1_2")) {
      server.await("ACCEPT");
      Peer client = pythonPeer("client", port, pki.caFile.toString(), clientCiphers, "",
          "TLSv1_2");
      client.awaitLine("GOT");
      return server.awaitLine("GOT").trim();
    }
  }

  /** A PemTLS server for one connection from a Python client; what the client saw. */
  private static String pemtlsServerAnswer(SslContext server, String clientCiphers,
      String version, String clear) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
        try (Socket raw = listener.accept();
            SslSocket tls = SslSocket.of(server.wrapSocket(raw, true, null))) {
          tls.version();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      try (Peer client = pythonPeer("client", listener.getLocalPort(), pki.caFile.toString(),
          clientCiphers, clear, version)) {
        String got = client.awaitLine("GOT").trim();
        done.get(15, TimeUnit.SECONDS);
        return got;
      }
    }
  }

  private static Peer pythonPeer(String role, int port, String certOrCa, String ciphers,
      String clear, String version) throws IOException {
    return Peer.command(List.of("python3", "-c", PY_PEER, role, Integer.toString(port),
        certOrCa, pki.serverKey.toString(), ciphers, version, clear, "")).separateStderr()
        .start();
  }

  private static int freePort() throws IOException {
    return dev.pemtls.testing.Loopback.freePort();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
