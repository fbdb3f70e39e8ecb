package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.testing.NamedIdentities;
import dev.pemtls.testing.NamedIdentities.Leaf;
import dev.pemtls.testing.Peer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context keeps one identity per key type, as OpenSSL does: {@code load_cert_chain} with an
 * RSA and then an ECDSA key keeps both, and the server presents the one the client can use. The
 * oracle is a Python server that loads the same files in the same order.
 */
@Tag("peer") // needs python3 and openssl
class SeveralIdentitiesPythonTest {
  /** TLS 1.2 ECDSA-only, TLS 1.2 RSA-only, TLS 1.2 and 1.3 with Python's defaults. */
  private static final List<String> CASES = List.of("|ECDHE-ECDSA-AES128-GCM-SHA256|1.2",
      "|ECDHE-RSA-AES128-GCM-SHA256|1.2", "||1.2", "||");

  @TempDir static Path dir;
  static NamedIdentities pki;
  static Leaf rsa;
  static Leaf ec;
  static Leaf rsaNewer;

  @BeforeAll
  static void identities() throws Exception {
    Peer.require("python3", "the Python server that loads two identities");
    pki = new NamedIdentities(dir);
    rsa = pki.leaf("rsa.test", "RSA");
    ec = pki.leaf("ec.test", "EC");
    rsaNewer = pki.leaf("rsa-newer.test", "RSA");
  }

  @Test
  void rsaThenEcdsa_serverPresentsWhatTheClientCanUse_asPythonDoes() throws Exception {
    List<String> ours = pemtls(List.of(rsa, ec), CASES);
    assertEquals(List.of(ec.sha256(), rsa.sha256()), certs(ours).subList(0, 2), "" + ours);
    assertEquals(python(List.of(rsa, ec), CASES), ours);
  }

  @Test
  void ecdsaThenRsa_keepsBoth_asPythonDoes() throws Exception {
    List<String> ours = pemtls(List.of(ec, rsa), CASES);
    assertEquals(List.of(ec.sha256(), rsa.sha256()), certs(ours).subList(0, 2), "" + ours);
    assertEquals(python(List.of(ec, rsa), CASES), ours);
  }

  @Test
  void secondRsaIdentity_replacesTheFirst_asPythonDoes() throws Exception {
    List<String> ours = pemtls(List.of(rsa, ec, rsaNewer), CASES);
    assertEquals(rsaNewer.sha256(), certs(ours).get(1), "" + ours);
    assertTrue(!String.join(" ", ours).contains(rsa.sha256()), "the first RSA one is gone: "
        + ours);
    assertEquals(python(List.of(rsa, ec, rsaNewer), CASES), ours);
  }

  @Test
  void tls13_clientOfferingOnlyRsaPss_getsTheRsaCertificate_asFromOpenSsl() throws Exception {
    Peer.require("openssl", "the TLS 1.3 client restricted to RSA-PSS signatures");
    SslContext ctx = server(List.of(rsa, ec));
    for (String sigalgs : List.of("rsa_pss_rsae_sha256", "ecdsa_secp256r1_sha256")) {
      try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
          AcceptLoop loop = new AcceptLoop(listener, s -> handshake(ctx, s))) {
        Peer client = Peer.command(List.of("openssl", "s_client", "-connect", "127.0.0.1:"
            + loop.port(), "-tls1_3", "-sigalgs", sigalgs)).run();
        String want = sigalgs.startsWith("rsa") ? "CN = rsa.test" : "CN = ec.test";
        assertTrue(client.output().contains("subject=" + want), sigalgs + ": " + client);
      }
    }
  }

  private static List<String> certs(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.startsWith("cert ") ? l.split(" ")[1] : l);
    }
    return out;
  }

  static SslContext server(List<Leaf> loads) throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    for (Leaf leaf : loads) {
      ctx.loadCertChain(leaf.chain(), leaf.key());
    }
    return ctx;
  }

  static void handshake(SslContext ctx, java.net.Socket s) throws Exception {
    try (SSLSocket tls = ctx.wrapSocket(s, true, null)) {
      tls.getInputStream().read();
    }
  }

  private static List<String> pemtls(List<Leaf> loads, List<String> cases) throws Exception {
    SslContext ctx = server(loads);
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        AcceptLoop loop = new AcceptLoop(listener, s -> handshake(ctx, s))) {
      return NamedIdentities.pythonProbe(loop.port(), cases);
    }
  }

  /** The same probe against a Python server that loads {@code loads} in order. */
  private static List<String> python(List<Leaf> loads, List<String> cases) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", "-u", "-c", String.join("\n",
        "import socket, ssl, sys",
        "c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
        "args = sys.argv[2:]",
        "for i in range(0, len(args), 2): c.load_cert_chain(args[i], args[i + 1])",
        "l = socket.create_server(('127.0.0.1', 0))",
        "print('ACCEPT', l.getsockname()[1])",
        "for _ in range(int(sys.argv[1])):",
        "    conn, _ = l.accept()",
        "    try:",
        "        t = c.wrap_socket(conn, server_side=True)",
        "        t.recv(1)",
        "        t.close()",
        "    except (ssl.SSLError, OSError):",
        "        conn.close()"), Integer.toString(cases.size())));
    for (Leaf leaf : loads) {
      cmd.add(leaf.chain().toString());
      cmd.add(leaf.key().toString());
    }
    try (Peer server = Peer.command(cmd).separateStderr().start()) {
      String accept = server.awaitLine("ACCEPT");
      return NamedIdentities.pythonProbe(Integer.parseInt(accept.split(" ")[1].trim()), cases);
    }
  }
}
