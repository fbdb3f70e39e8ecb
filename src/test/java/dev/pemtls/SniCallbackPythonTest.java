package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.testing.BioDriver;
import dev.pemtls.testing.NamedIdentities;
import dev.pemtls.testing.NamedIdentities.Leaf;
import dev.pemtls.testing.Peer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's {@code sni_callback}: the server learns the name the client asked for, may switch the
 * connection to another context's identity, or end the handshake with an alert. The oracle is a
 * Python server with the same callback; the peer is a Python client.
 */
@Tag("peer") // needs python3
class SniCallbackPythonTest {
  /** Name, ciphers, max version: each a connection of the Python probe. */
  private static final List<String> CASES = List.of("a.test||", "b.test||", "||",
      "other.test||", "a.test||1.2", "deny.test||", "boom.test||");

  @TempDir static Path dir;
  static NamedIdentities pki;
  static Leaf fallback;
  static Leaf a;
  static Leaf b;

  @BeforeAll
  static void identities() throws Exception {
    Peer.require("python3", "the Python client and the Python server with sni_callback");
    pki = new NamedIdentities(dir);
    fallback = pki.leaf("default.test", "RSA");
    a = pki.leaf("a.test", "RSA");
    b = pki.leaf("b.test", "EC");
  }

  @Test
  void sniCallback_switchesContext_orRefuses_asPythonDoes() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    SslContext server = context(fallback);
    SslContext forA = context(a);
    SslContext forB = context(b);
    server.setSniCallback((conn, name, ctx) -> {
      seen.add(String.valueOf(name).replace("null", "None"));
      if (ctx != server || conn.context() != server) {
        throw new AssertionError("the callback gets the context it is set on");
      }
      if ("a.test".equals(name)) {
        conn.setContext(forA);
      } else if ("b.test".equals(name)) {
        conn.setContext(forB);
      } else if ("deny.test".equals(name)) {
        return SniCallback.ALERT_DESCRIPTION_UNRECOGNIZED_NAME;
      } else if ("boom.test".equals(name)) {
        throw new IllegalStateException("boom");
      }
      return null;
    });
    List<String> ours;
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        AcceptLoop loop = new AcceptLoop(listener, s -> handshake(server, s))) {
      ours = NamedIdentities.pythonProbe(loop.port(), CASES);
    }
    List<String> expected = List.of(a.sha256(), b.sha256(), fallback.sha256(),
        fallback.sha256(), a.sha256());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), ours.get(i).split(" ")[1], CASES.get(i) + ": " + ours);
    }
    assertEquals("refused TLSV1_UNRECOGNIZED_NAME", ours.get(5), "" + ours);
    assertEquals("refused SSLV3_ALERT_HANDSHAKE_FAILURE", ours.get(6), "" + ours);
    List<String> python = python();
    assertEquals(python.subList(0, CASES.size()), ours);
    assertEquals(python.get(CASES.size()), "names " + String.join(" ", seen));
  }

  @Test
  void pemtlsClient_sendsServerHostname_toPythonsSniCallback() throws Exception {
    try (Peer server = pythonServer(3)) {
      int port = Integer.parseInt(server.awaitLine("ACCEPT").split(" ")[1].trim());
      SslContext client = new SslContext(Protocol.TLS_CLIENT);
      client.loadVerifyLocations(pki.caFile, null, null);
      for (String host : List.of("a.test", "b.test")) {
        try (SslSocket tls = SslSocket.of(client.wrapSocket(new Socket("127.0.0.1", port),
            false, host))) {
          assertEquals(List.of(List.of(List.of("commonName", host))),
              tls.getpeercert().get("subject"), host);
        }
      }
      // Python's callback refuses deny.test: the alert reaches the PemTLS client.
      SslError refused = assertThrows(SslError.class, () -> client.wrapSocket(
          new Socket("127.0.0.1", port), false, "deny.test").close());
      assertEquals("TLSV1_UNRECOGNIZED_NAME", refused.reason(), refused.getMessage());
      server.waitFor();
      assertEquals("names a.test b.test deny.test", server.line("names"));
    }
  }

  @Test
  void sslObjectServer_switchesContextBySni_asSocketsDo() throws Exception {
    SslContext server = context(fallback);
    SslContext forB = context(b);
    server.setSniCallback((conn, name, ctx) -> {
      if ("b.test".equals(name)) {
        conn.setContext(forB);
      }
      return null;
    });
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        AcceptLoop loop = new AcceptLoop(listener, s -> {
          BioDriver bio = new BioDriver(server, s, true, null);
          bio.handshake();
          bio.drive(() -> bio.object.read());
        })) {
      List<String> got = NamedIdentities.pythonProbe(loop.port(), List.of("b.test||", "||"));
      assertEquals(b.sha256(), got.get(0).split(" ")[1], "" + got);
      assertEquals(fallback.sha256(), got.get(1).split(" ")[1], "" + got);
    }
  }

  @Test
  void tls12Session_isNotResumedForAnotherServerName() throws Exception {
    Peer.require("openssl", "the resuming client");
    SslContext server = context(fallback);
    SslContext forA = context(a);
    SslContext forB = context(b);
    server.setMaximumVersion(TlsVersion.TLSv1_2);
    server.setSniCallback((conn, name, ctx) -> {
      conn.setContext("a.test".equals(name) ? forA : forB);
      return null;
    });
    Path session = dir.resolve("a.session");
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        AcceptLoop loop = new AcceptLoop(listener, s -> handshake(server, s))) {
      String first = sClient(loop.port(), "a.test", "-sess_out", session.toString());
      String again = sClient(loop.port(), "a.test", "-sess_in", session.toString());
      String other = sClient(loop.port(), "b.test", "-sess_in", session.toString());
      assertTrue(first.contains("New, TLSv1.2") && first.contains("subject=CN = a.test"), first);
      assertTrue(again.contains("Reused, TLSv1.2") && again.contains("subject=CN = a.test"),
          "the same name resumes: " + again);
      assertTrue(other.contains("New, TLSv1.2") && other.contains("subject=CN = b.test"),
          "RFC 6066: another name is a full handshake, with that name's certificate: " + other);
    }
  }

  private static String sClient(int port, String name, String... more) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect",
        "127.0.0.1:" + port, "-servername", name));
    cmd.addAll(List.of(more));
    return Peer.command(cmd).separateStderr().run().output();
  }

  @Test
  void setSniCallback_onClientContext_isRefusedAsInPython() {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.setSniCallback((conn, name, ctx) -> null));
    assertEquals("sni_callback cannot be set on TLS_CLIENT context", e.getMessage());
  }

  private static SslContext context(Leaf leaf) throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(leaf.chain(), leaf.key());
    return ctx;
  }

  private static void handshake(SslContext ctx, Socket s) throws Exception {
    try (SSLSocket tls = ctx.wrapSocket(s, true, null)) {
      tls.getInputStream().read();
    }
  }

  /** The probe against {@link #pythonServer}; its last line lists the names the callback saw. */
  private static List<String> python() throws Exception {
    try (Peer server = pythonServer(CASES.size())) {
      int port = Integer.parseInt(server.awaitLine("ACCEPT").split(" ")[1].trim());
      List<String> lines = new ArrayList<>(NamedIdentities.pythonProbe(port, CASES));
      server.waitFor();
      lines.add(server.line("names"));
      return lines;
    }
  }

  /** A Python server for {@code n} connections whose sni_callback does what the test's does. */
  private static Peer pythonServer(int n) throws Exception {
    return Peer.command(List.of("python3", "-u", "-c", String.join("\n",
        "import socket, ssl, sys",
        "def ctx(chain, key):",
        "    c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
        "    c.load_cert_chain(chain, key)",
        "    return c",
        "server, for_a, for_b = ctx(*sys.argv[2:4]), ctx(*sys.argv[4:6]), ctx(*sys.argv[6:8])",
        "seen = []",
        "def sni(sock, name, c):",
        "    seen.append(str(name))",
        "    if name == 'a.test': sock.context = for_a",
        "    elif name == 'b.test': sock.context = for_b",
        "    elif name == 'deny.test': return ssl.ALERT_DESCRIPTION_UNRECOGNIZED_NAME",
        "    elif name == 'boom.test': raise RuntimeError('boom')",
        "server.sni_callback = sni",
        "l = socket.create_server(('127.0.0.1', 0))",
        "print('ACCEPT', l.getsockname()[1])",
        "for _ in range(int(sys.argv[1])):",
        "    conn, _ = l.accept()",
        "    try:",
        "        t = server.wrap_socket(conn, server_side=True)",
        "        t.recv(1)",
        "        t.close()",
        "    except (ssl.SSLError, OSError):",
        "        conn.close()",
        "print('names', ' '.join(seen))"), Integer.toString(n),
        fallback.chain().toString(), fallback.key().toString(), a.chain().toString(),
        a.key().toString(), b.chain().toString(), b.key().toString()))
        .separateStderr().start();
  }
}
