package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.ClientHellos;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key-exchange groups PemTLS offers are Python's: the same {@code supported_groups} in the
 * ClientHello at each security level and after {@code set_ecdh_curve}, read off the wire from
 * both; {@code set_ecdh_curve} and {@code setGroups} decide what is negotiated with openssl on
 * both sides, and a client whose groups the server lacks fails as Python's does.
 */
@Tag("peer") // needs openssl and python3
class GroupsPythonTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    Peer.require("openssl", "the openssl peers");
    Peer.require("python3", "Python's ClientHello and verdicts");
    // RSA: BCJSSE ties TLS 1.3's ECDSA schemes to the groups list (see setGroups' javadoc)
    pki = new TestPki(dir, "RSA");
  }

  @ParameterizedTest
  @CsvSource({"'', ''", "DEFAULT@SECLEVEL=0, ''", "DEFAULT@SECLEVEL=3, ''",
      "DEFAULT@SECLEVEL=4, ''", "DEFAULT@SECLEVEL=5, ''", "'', secp384r1", "'', X25519",
      "'', prime256v1"})
  void clientHello_supportedGroups_equalPythons(String ciphers, String curve) throws Exception {
    List<String> setup = new java.util.ArrayList<>();
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    if (!ciphers.isEmpty()) {
      setup.add("c.set_ciphers('" + ciphers + "')");
      ctx.setCiphers(ciphers);
    }
    if (!curve.isEmpty()) {
      setup.add("c.set_ecdh_curve('" + curve + "')");
      ctx.setEcdhCurve(curve);
    }
    List<Integer> python = ClientHellos.u16List(10,
        ClientHellos.python(setup.toArray(new String[0])));
    List<Integer> ours = ClientHellos.u16List(10, ClientHellos.pemtls(ctx));
    assertEquals(python, ours, "ciphers '" + ciphers + "', curve '" + curve + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-tls1_2", "-tls1_3"})
  void server_setEcdhCurve_isTheNegotiatedGroup(String version) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Peer client = Peer.start("openssl", "s_client", "-connect",
            "127.0.0.1:" + listener.getLocalPort(), version);
        Socket raw = listener.accept()) {
      SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
      ctx.setEcdhCurve("secp384r1");
      try (SslSocket tls = SslSocket.of(ctx.wrapSocket(raw, true, null))) {
        tls.write("hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        client.await("hello");
      }
      client.closeInput();
      client.waitFor();
      assertTrue(client.output().contains("Server Temp Key: ECDH, secp384r1, 384 bits"),
          client.output());
    }
  }

  @Test
  void client_withoutTheServersGroup_fails_asPythonDoes() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(),
        "-groups", "X25519", "-www")) {
      server.await("ACCEPT");
      for (String groups : List.of("P-256:P-384", "P-256:X25519")) {
        Peer py = Peer.command(List.of("python3", "-c", String.join("\n",
            "import socket, ssl, sys",
            "c = ssl.create_default_context(cafile=sys.argv[2])",
            "c.set_ecdh_curve(sys.argv[3])",
            "try:",
            "    s = c.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),",
            "                      server_hostname='localhost')",
            "    print('ok', s.version())",
            "except ssl.SSLError as e:",
            "    print('refused', e.reason)"), Integer.toString(port), pki.caFile.toString(),
            groups.startsWith("P-256:X") ? "X25519" : "prime256v1")).separateStderr().run();
        SslContext ctx = pki.clientContext();
        ctx.setGroups(groups);
        String ours;
        try (SslSocket tls = SslSocket.of(ctx.wrapSocket(new Socket("127.0.0.1", port), false,
            "localhost"))) {
          ours = "ok " + tls.version();
        } catch (SslError e) {
          ours = "refused " + e.reason();
        }
        String expected = groups.contains("X25519") ? "ok TLSv1.3" : "refused";
        assertTrue(py.text().startsWith(expected), "Python: " + py);
        assertTrue(ours.startsWith(expected), "PemTLS with groups " + groups + ": " + ours
            + "; Python: " + py.text().trim());
      }
    }
  }

  @Test
  void badNames_areRefused_asPythonAndOpenSslRefuseThem() {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    IllegalArgumentException curve = assertThrows(IllegalArgumentException.class,
        () -> ctx.setEcdhCurve("x25519")); // Python: ValueError, the short name is X25519
    assertTrue(curve.getMessage().startsWith("unknown elliptic curve name 'x25519'"),
        curve.getMessage());
    SslError list = assertThrows(SslError.class, () -> ctx.setGroups("X25519:p-256"));
    assertEquals("PASSED_INVALID_ARGUMENT", list.reason());
    assertTrue(list.getMessage().contains("group 'p-256' cannot be set"), list.getMessage());
    assertThrows(SslError.class, () -> ctx.setGroups(""));
  }
}
