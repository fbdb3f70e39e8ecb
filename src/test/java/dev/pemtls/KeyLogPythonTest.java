package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code keylog_filename} writes what CPython writes: for one connection between PemTLS and
 * CPython, each side with its own key-log file, the secret lines of the two files are the same
 * set, for TLS 1.2 and TLS 1.3 and with PemTLS on either side. Both files then hold the lines
 * Wireshark needs, and PemTLS's starts with Python's header.
 */
@Tag("peer") // needs python3
class KeyLogPythonTest {
  @TempDir static Path dir;
  static TestPki pki;

  private static final String PY_SERVER = String.join("\n",
      "import socket, ssl, sys",
      "cert, key, log, version = sys.argv[1:5]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      "ctx.load_cert_chain(cert, key)",
      "ctx.minimum_version = ctx.maximum_version = getattr(ssl.TLSVersion, version)",
      "ctx.keylog_filename = log",
      "with socket.create_server(('127.0.0.1', 0)) as srv:",
      "    print(srv.getsockname()[1], flush=True)",
      "    conn, _ = srv.accept()",
      "    with ctx.wrap_socket(conn, server_side=True) as t:",
      "        t.sendall(b'echo: ' + t.recv(100))",
      "        t.recv(1)");

  private static final String PY_CLIENT = String.join("\n",
      "import socket, ssl, sys",
      "ca, port, log, version = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
      "ctx.load_verify_locations(ca)",
      "ctx.minimum_version = ctx.maximum_version = getattr(ssl.TLSVersion, version)",
      "ctx.keylog_filename = log",
      "with socket.create_connection(('127.0.0.1', port)) as s:",
      "    with ctx.wrap_socket(s, server_hostname='localhost') as t:",
      "        t.sendall(b'python\\n')",
      "        print(t.recv(100).decode().strip(), flush=True)");

  @BeforeAll
  static void pki() throws IOException {
    Peer.require("python3", "CPython's key-log files");
    pki = new TestPki(dir, "EC");
  }

  @ParameterizedTest
  @EnumSource(value = TlsVersion.class, names = {"TLSv1_2", "TLSv1_3"})
  void pemtlsClient_writesTheLinesOfThePythonServer(TlsVersion version) throws Exception {
    Path ours = dir.resolve("client-" + version + ".log");
    Path theirs = dir.resolve("python-server-" + version + ".log");
    Peer py = Peer.command(List.of("python3", "-c", PY_SERVER, pki.serverChain.toString(),
        pki.serverKey.toString(), theirs.toString(), version.name())).separateStderr().start();
    int port = Integer.parseInt(py.awaitLine("").trim());
    SslContext client = pki.clientContext();
    pin(client, version);
    client.setKeylogFilename(ours);
    assertEquals(ours, client.keylogFilename());
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
    raw.setSoTimeout(10_000);
    try (SSLSocket tls = client.wrapSocket(raw, false, "localhost")) {
      Loopback.write(tls.getOutputStream(), "java\n");
      assertEquals("echo: java", Loopback.readLine(tls.getInputStream()));
      tls.getOutputStream().write('x');
      tls.getOutputStream().flush();
    }
    assertEquals(0, py.waitFor(), "python server failed: " + py);
    assertSameSecrets(version, theirs, ours);
  }

  @ParameterizedTest
  @EnumSource(value = TlsVersion.class, names = {"TLSv1_2", "TLSv1_3"})
  void pemtlsServer_writesTheLinesOfThePythonClient(TlsVersion version) throws Exception {
    Path ours = dir.resolve("server-" + version + ".log");
    Path theirs = dir.resolve("python-client-" + version + ".log");
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    pin(server, version);
    server.setKeylogFilename(ours);
    try (Loopback lo = Loopback.echo(server)) {
      Peer py = Peer.command(List.of("python3", "-c", PY_CLIENT, pki.caFile.toString(),
          String.valueOf(lo.port()), theirs.toString(), version.name())).separateStderr()
          .start();
      assertEquals("echo: python", py.awaitLine(""));
      assertEquals(0, py.waitFor(), "python client failed: " + py);
      lo.result();
    }
    assertSameSecrets(version, theirs, ours);
  }

  private static void pin(SslContext ctx, TlsVersion version) {
    ctx.setMinimumVersion(version);
    ctx.setMaximumVersion(version);
  }

  /** The two files hold the same secret lines, those of one connection of {@code version}. */
  private static void assertSameSecrets(TlsVersion version, Path python, Path pemtls)
      throws IOException {
    Set<String> expected = secrets(python);
    Set<String> actual = secrets(pemtls);
    assertEquals(expected, actual, "key-log lines of PemTLS (" + pemtls + ") and Python");
    Set<String> labels = expected.stream().map(l -> l.substring(0, l.indexOf(' ')))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(version == TlsVersion.TLSv1_3
        ? Set.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET")
        : Set.of("CLIENT_RANDOM"), labels, "labels Python wrote for one " + version
            + " connection");
    assertEquals(labels.size(), expected.size(), "one line per label: " + expected);
    String header = Files.readAllLines(python).get(0);
    assertTrue(header.startsWith("# "), "Python's header: " + header);
    assertEquals(header, Files.readAllLines(pemtls).get(0), "the header of a new file");
  }

  private static Set<String> secrets(Path file) throws IOException {
    Set<String> lines = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        assertTrue(lines.add(line), "a line twice in " + file + ": " + line);
      }
    }
    return lines;
  }
}
