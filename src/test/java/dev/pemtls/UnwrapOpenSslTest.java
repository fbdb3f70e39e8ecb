package dev.pemtls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
    Peers.require("openssl", "the unwrap tests against openssl s_server/s_client");
    pki = new TestPki(dir, "EC");
  }

  /** A started openssl process whose output is collected in the background. */
  private static final class OpenSsl implements AutoCloseable {
    final Process process;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    OpenSsl(List<String> args) throws IOException {
      List<String> cmd = new ArrayList<>(List.of("openssl"));
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("OPENSSL_CONF", "/dev/null");
      process = pb.start();
      Thread t = new Thread(() -> {
        try (InputStream in = process.getInputStream()) {
          in.transferTo(new java.io.OutputStream() {
            @Override
            public void write(int b) {
              synchronized (output) {
                output.write(b);
              }
            }
          });
        } catch (IOException e) {
          // process ended
        }
      }, "openssl-output");
      t.setDaemon(true);
      t.start();
    }

    String output() {
      synchronized (output) {
        return output.toString(US_ASCII);
      }
    }

    void awaitOutput(String text) throws InterruptedException {
      for (int i = 0; i < 200 && !output().contains(text); i++) {
        Thread.sleep(50);
      }
      assertTrue(output().contains(text), "openssl never printed '" + text + "':\n" + output());
    }

    int awaitExit() throws InterruptedException {
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "openssl did not exit:\n" + output());
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static String versionFlag(String version) {
    return version.equals("TLSv1.2") ? "-tls1_2" : "-tls1_3";
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void unwrap_javaClientStarts_opensslServerAnswers_tcpLeftClean(String version)
      throws Exception {
    int port = freePort();
    try (OpenSsl server = new OpenSsl(List.of("s_server", "-accept", "127.0.0.1:" + port,
        "-naccept", "1", "-cert", pki.serverCert.toString(), "-key", pki.serverKey.toString(),
        versionFlag(version)))) {
      server.awaitOutput("ACCEPT");
      Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), port);
      raw.setSoTimeout(10_000);
      try (SslSocket c = SslSocket.of(pki.clientContext().wrapSocket(raw, false,
          "localhost"))) {
        assertEquals(version, c.version());
        c.write("hello from java\n".getBytes(US_ASCII));
        server.awaitOutput("hello from java");
        Socket plain = c.unwrap();
        assertFalse(plain.isClosed());
        assertEquals(-1, plain.getInputStream().read(), "no TLS bytes left after unwrap");
        assertEquals(0, server.awaitExit(), server.output());
        assertTrue(server.output().contains("DONE"), server.output());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void unwrap_javaServerStarts_opensslClientAnswers_tcpLeftClean(String version)
      throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        OpenSsl client = new OpenSsl(List.of("s_client", "-connect",
            "127.0.0.1:" + listener.getLocalPort(), "-servername", "localhost",
            versionFlag(version)))) {
      Socket raw = listener.accept();
      raw.setSoTimeout(10_000);
      try (SslSocket s = SslSocket.of(pki.serverContext(VerifyMode.CERT_NONE)
          .wrapSocket(raw, true, null))) {
        client.process.getOutputStream().write("hello from openssl\n".getBytes(US_ASCII));
        client.process.getOutputStream().flush();
        assertEquals("hello from openssl\n", new String(s.read(), US_ASCII));
        assertEquals(version, s.version());
        Socket plain = s.unwrap(); // s_client's stdin stays open: it waits for us
        assertEquals(-1, plain.getInputStream().read(), "no TLS bytes left after unwrap");
        client.awaitExit();
        assertTrue(client.output().contains("closed"), client.output());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void unwrap_afterOpensslClientClosedFirst_returnsAtOnce(String version) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        OpenSsl client = new OpenSsl(List.of("s_client", "-connect",
            "127.0.0.1:" + listener.getLocalPort(), versionFlag(version)))) {
      Socket raw = listener.accept();
      raw.setSoTimeout(10_000);
      try (SslSocket s = SslSocket.of(pki.serverContext(VerifyMode.CERT_NONE)
          .wrapSocket(raw, true, null))) {
        client.process.getOutputStream().write("bye\n".getBytes(US_ASCII));
        client.process.getOutputStream().close(); // EOF on stdin: s_client sends close_notify
        assertEquals("bye\n", new String(s.read(), US_ASCII));
        assertEquals(0, s.read().length); // its close_notify; BCJSSE answers with ours
        Socket plain = s.unwrap();
        assertEquals(-1, plain.getInputStream().read());
        client.awaitExit();
      }
    }
  }
}
