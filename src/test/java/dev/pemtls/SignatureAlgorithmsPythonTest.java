package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature algorithms PemTLS offers and accepts are Python's (OpenSSL 3.0's list, less what
 * the security level refuses): the same {@code signature_algorithms} in the ClientHello, read off
 * the wire from both, and the same verdict against a TLS 1.2 peer that signs, or asks for
 * signatures, with SHA-1 only, which security level 1 and up refuse.
 */
@Tag("peer") // needs openssl and python3
class SignatureAlgorithmsPythonTest {
  /** dsa_sha384 and dsa_sha512: in OpenSSL's list, not implemented by BCJSSE. */
  private static final List<Integer> NOT_IN_BCJSSE = List.of(0x0502, 0x0602);

  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws IOException {
    Peer.require("openssl", "the SHA-1 peers");
    Peer.require("python3", "Python's verdicts and ClientHello");
    pki = new TestPki(dir, "RSA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "DEFAULT@SECLEVEL=0", "DEFAULT@SECLEVEL=1", "DEFAULT@SECLEVEL=3"})
  void clientHello_signatureAlgorithms_equalPythons(String ciphers) throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    if (!ciphers.isEmpty()) {
      ctx.setCiphers(ciphers);
    }
    List<Integer> python = ClientHellos.u16List(13, ciphers.isEmpty() ? ClientHellos.python()
        : ClientHellos.python("c.set_ciphers('" + ciphers + "')"));
    List<Integer> ours = ClientHellos.u16List(13, ClientHellos.pemtls(ctx));
    List<Integer> expected = new ArrayList<>(python);
    expected.removeAll(NOT_IN_BCJSSE);
    assertEquals(hex(expected), hex(ours), "cipher string '" + ciphers + "'; Python's: "
        + hex(python));
  }

  @Test
  void client_refusesSha1SignedServerKeyExchange_belowLevelZero_asPythonDoes() throws Exception {
    int port = Loopback.freePort();
    try (Peer server = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-tls1_2",
        "-sigalgs", "RSA+SHA1", "-cipher", "DEFAULT@SECLEVEL=0", "-www")) {
      server.await("ACCEPT");
      for (String ciphers : List.of("", "DEFAULT@SECLEVEL=0")) {
        Peer py = Peer.command(List.of("python3", "-c", String.join("\n",
            "import socket, ssl, sys",
            "c = ssl.create_default_context(cafile=sys.argv[2])",
            "if sys.argv[3]: c.set_ciphers(sys.argv[3])",
            "try:",
            "    s = c.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),",
            "                      server_hostname='localhost')",
            "    print('ok', s.version())",
            "except ssl.SSLError as e:",
            "    print('refused', e.reason)"), Integer.toString(port), pki.caFile.toString(),
            ciphers)).separateStderr().run();
        SslContext ctx = pki.clientContext();
        if (!ciphers.isEmpty()) {
          ctx.setCiphers(ciphers);
        }
        String ours;
        try (SslSocket tls = SslSocket.of(ctx.wrapSocket(new Socket("127.0.0.1", port), false,
            "localhost"))) {
          ours = "ok " + tls.version();
        } catch (SslError e) {
          ours = "refused " + e.reason();
        }
        String expected = ciphers.isEmpty() ? "refused" : "ok TLSv1.2";
        assertTrue(py.text().startsWith(expected), "Python with '" + ciphers + "': " + py);
        assertTrue(ours.startsWith(expected), "PemTLS with '" + ciphers + "': " + ours
            + "; Python: " + py.text().trim());
      }
    }
  }

  @Test
  void server_refusesClientOfferingOnlySha1_belowLevelZero_asPythonDoes() throws Exception {
    for (String ciphers : List.of("", "DEFAULT@SECLEVEL=0")) {
      String python;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = s.getLocalPort();
        s.close();
        try (Peer server = Peer.command(List.of("python3", "-u", "-c", String.join("\n",
            "import socket, ssl, sys",
            "c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
            "c.load_cert_chain(sys.argv[2], sys.argv[3])",
            "if sys.argv[4]: c.set_ciphers(sys.argv[4])",
            "l = socket.create_server(('127.0.0.1', int(sys.argv[1])))",
            "print('ACCEPT')",
            "conn, _ = l.accept()",
            "try:",
            "    print('ok', c.wrap_socket(conn, server_side=True).version())",
            "except ssl.SSLError as e:",
            "    print('refused', e.reason)"), Integer.toString(port), pki.serverChain.toString(),
            pki.serverKey.toString(), ciphers)).separateStderr().start()) {
          server.await("ACCEPT");
          try (Peer client = sha1OnlyClient(port)) {
            client.waitFor();
          }
          server.waitFor();
          python = server.text().replace("ACCEPT", "").trim();
        }
      }
      String ours;
      try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        try (Peer client = sha1OnlyClient(listener.getLocalPort());
            Socket raw = listener.accept()) {
          SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
          if (!ciphers.isEmpty()) {
            ctx.setCiphers(ciphers);
          }
          try (SslSocket tls = SslSocket.of(ctx.wrapSocket(raw, true, null))) {
            ours = "ok " + tls.version();
          } catch (SslError e) {
            ours = "refused " + e.reason();
          }
        }
      }
      String expected = ciphers.isEmpty() ? "refused" : "ok TLSv1.2";
      assertTrue(python.startsWith(expected), "Python with '" + ciphers + "': " + python);
      assertTrue(ours.startsWith(expected), "PemTLS with '" + ciphers + "': " + ours
          + "; Python: " + python);
    }
  }

  /** openssl s_client offering TLS 1.2 and only the SHA-1 RSA signature, at level 0. */
  private static Peer sha1OnlyClient(int port) throws IOException {
    Peer client = Peer.start("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_2",
        "-sigalgs", "RSA+SHA1", "-cipher", "DEFAULT@SECLEVEL=0");
    client.closeInput();
    return client;
  }

  private static List<String> hex(List<Integer> schemes) {
    List<String> out = new ArrayList<>();
    for (int s : schemes) {
      out.add(String.format("%04x", s));
    }
    return out;
  }
}
