package dev.pemtls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code unwrap()} against OpenSSL's own close_notify handling: {@code openssl s_server} and
 * {@code openssl s_client} on loopback, TLS 1.2 and 1.3, each side starting the shutdown. After
 * unwrap the TCP connection must be open and hold no TLS bytes: the next read sees the peer's
 * plain TCP close (-1), not a leftover record.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class UnwrapOpenSslTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void setUp() throws IOException {
    Peer.require("openssl", "the unwrap tests against openssl s_server/s_client");
    pki = new TestPki(dir, "EC");
  }

  /** {@code openssl args...} as a peer process. */
  private static Peer openssl(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    return Peer.start(cmd);
  }


  private static String versionFlag(String version) {
    return version.equals("TLSv1.2") ? "-tls1_2" : "-tls1_3";
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void unwrap_javaClientStarts_opensslServerAnswers_tcpLeftClean(String version)
      throws Exception {
    int port = Loopback.freePort();
    try (Peer server = openssl("s_server", "-accept", "127.0.0.1:" + port,
        "-naccept", "1", "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(),
        versionFlag(version))) {
      server.await("ACCEPT");
      Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
      raw.setSoTimeout(10_000);
      try (SslSocket c = SslSocket.of(pki.clientContext().wrapSocket(raw, false,
          "localhost"))) {
        assertEquals(version, c.version());
        c.write("hello from java\n".getBytes(US_ASCII));
        server.await("hello from java");
        Socket plain = c.unwrap();
        assertFalse(plain.isClosed());
        assertEquals(-1, plain.getInputStream().read(), "no TLS bytes left after unwrap");
        assertEquals(0, server.waitFor(), server.output());
        assertTrue(server.output().contains("DONE"), server.output());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void unwrap_javaServerStarts_opensslClientAnswers_tcpLeftClean(String version)
      throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Peer client = openssl("s_client", "-connect",
            "127.0.0.1:" + listener.getLocalPort(), "-servername", "localhost",
            versionFlag(version))) {
      Socket raw = listener.accept();
      raw.setSoTimeout(10_000);
      try (SslSocket s = SslSocket.of(pki.serverContext(VerifyMode.CERT_NONE)
          .wrapSocket(raw, true, null))) {
        client.send("hello from openssl\n");
        assertEquals("hello from openssl\n", new String(s.read(), US_ASCII));
        assertEquals(version, s.version());
        Socket plain = s.unwrap(); // s_client's stdin stays open: it waits for us
        assertEquals(-1, plain.getInputStream().read(), "no TLS bytes left after unwrap");
        client.waitFor();
        assertTrue(client.output().contains("closed"), client.output());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void unwrap_afterOpensslClientClosedFirst_returnsAtOnce(String version) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Peer client = openssl("s_client", "-connect",
            "127.0.0.1:" + listener.getLocalPort(), versionFlag(version))) {
      Socket raw = listener.accept();
      raw.setSoTimeout(10_000);
      try (SslSocket s = SslSocket.of(pki.serverContext(VerifyMode.CERT_NONE)
          .wrapSocket(raw, true, null))) {
        client.send("bye\n");
        client.closeInput(); // EOF on stdin: s_client sends close_notify
        assertEquals("bye\n", new String(s.read(), US_ASCII));
        assertEquals(0, s.read().length); // its close_notify; BCJSSE answers with ours
        Socket plain = s.unwrap();
        assertEquals(-1, plain.getInputStream().read());
        client.waitFor();
      }
    }
  }
}
