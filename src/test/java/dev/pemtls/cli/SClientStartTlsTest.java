package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code s_client -starttls}: a fake plaintext server speaks each protocol's upgrade, records
 * every byte the client sent before TLS, then hands the socket to a PemTLS server, which sends a
 * line and closes. openssl s_client and pemtls s_client, run against the same fake server, must
 * send the same bytes and both reach the line sent over TLS.
 */
@Tag("peer") // needs openssl on the PATH
class SClientStartTlsTest {
  private static final String OVER_TLS = "hello over tls";
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki(dir, "EC");
  }

  @ParameterizedTest
  @ValueSource(strings = {"smtp", "lmtp", "imap", "pop3", "ftp", "postgres"})
  void preamble_isOpensslsByteForByte_andTlsFollows(String protocol) throws Exception {
    Exchange openssl = exchange(protocol, true, true, "-starttls", protocol);
    Exchange ours = exchange(protocol, true, false, "-starttls", protocol);
    assertFalse(openssl.sent.isEmpty(), protocol);
    assertEquals(openssl.sent, ours.sent, protocol);
    assertTrue(openssl.out.contains(OVER_TLS), openssl.out);
    assertTrue(ours.out.contains(OVER_TLS), ours.out);
    assertEquals(0, ours.status, ours.err);
  }

  @Test
  void smtpName_isTheEhloHost_asOpenssls() throws Exception {
    Exchange openssl = exchange("smtp", true, true, "-starttls", "smtp", "-name",
        "client.example");
    Exchange ours = exchange("smtp", true, false, "-starttls", "smtp", "-name",
        "client.example");
    assertTrue(openssl.sent.startsWith("EHLO client.example\r\n"), openssl.sent);
    assertEquals(openssl.sent, ours.sent);
  }

  @Test
  void serverWithoutStarttls_getsOpensslsWarning_andTheClientTriesAnyway() throws Exception {
    String warning = "Didn't find STARTTLS in server response, trying anyway...";
    for (String protocol : new String[] {"smtp", "imap"}) {
      Exchange openssl = exchange(protocol, false, true, "-starttls", protocol);
      Exchange ours = exchange(protocol, false, false, "-starttls", protocol);
      assertTrue(openssl.err.contains(warning), openssl.err);
      assertTrue(ours.err.contains(warning), ours.err);
      assertTrue(ours.out.contains(OVER_TLS), ours.out);
    }
  }

  @Test
  void postgresServerRefusingTls_failsNamingItsAnswer() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (Socket s = listener.accept()) {
          s.getInputStream().readNBytes(8);
          s.getOutputStream().write('N');
          s.getOutputStream().flush();
          s.getInputStream().read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      CliRun r = CliRun.of("s_client", "-connect", "127.0.0.1:" + listener.getLocalPort(),
          "-starttls", "postgres");
      assertEquals(1, r.status(), r.err());
      assertTrue(r.err().contains("answered the SSLRequest with 'N', not 'S'"), r.err());
      served.get(15, TimeUnit.SECONDS);
    }
  }

  @Test
  void unknownProtocol_isAUsageErrorNamingTheKnownOnes() {
    CliRun r = CliRun.of("s_client", "-connect", "127.0.0.1:1", "-starttls", "smtps");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("-starttls smtps: unsupported protocol; PemTLS knows smtp, "
        + "lmtp, imap, pop3, ftp, postgres"), r.err());
  }

  /** What one client run sent before TLS, and what it printed. */
  private record Exchange(String sent, int status, String out, String err) {}

  private Exchange exchange(String protocol, boolean announce, boolean openssl,
      String... options) throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> sent = CompletableFuture.supplyAsync(() -> {
        try (Socket raw = listener.accept()) {
          raw.setSoTimeout(10_000);
          String seen = preamble(protocol, announce, raw);
          try (SSLSocket tls = server.wrapSocket(raw, true, null)) {
            Loopback.write(tls.getOutputStream(), OVER_TLS + "\n");
          }
          return seen;
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      List<String> args = new ArrayList<>(List.of("s_client", "-connect",
          "127.0.0.1:" + listener.getLocalPort(), "-ign_eof"));
      args.addAll(List.of(options));
      if (openssl) {
        args.add(0, "openssl");
        Peer p = Peer.command(args).separateStderr().start();
        p.closeInput();
        int status = p.waitFor();
        return new Exchange(sent.get(15, TimeUnit.SECONDS), status, p.text(), p.stderr());
      }
      CliRun r = CliRun.of(args.toArray(new String[0]));
      return new Exchange(sent.get(15, TimeUnit.SECONDS), r.status(), r.out(), r.err());
    }
  }

  /** The server's side of the upgrade; returns every byte the client sent, as text. */
  private static String preamble(String protocol, boolean announce, Socket raw)
      throws IOException {
    InputStream in = raw.getInputStream();
    OutputStream out = raw.getOutputStream();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    String tls = announce ? "STARTTLS" : "SIZE 1000";
    switch (protocol) {
      case "smtp", "lmtp" -> {
        say(out, "220-fake.example ESMTP\r\n220 ready\r\n");
        line(in, seen);
        say(out, "250-fake.example\r\n250-" + tls + "\r\n250 OK\r\n");
        line(in, seen);
        say(out, "220 go ahead\r\n");
      }
      case "imap" -> {
        say(out, "* OK IMAP4rev1 ready\r\n");
        line(in, seen);
        say(out, "* CAPABILITY IMAP4rev1 " + tls + "\r\n. OK done\r\n");
        line(in, seen);
        say(out, ". OK begin TLS\r\n");
      }
      case "pop3" -> {
        say(out, "+OK POP3 ready\r\n");
        line(in, seen);
        say(out, "+OK begin TLS\r\n");
      }
      case "ftp" -> {
        say(out, "220-Welcome\r\n220 FTP ready\r\n");
        line(in, seen);
        say(out, "234 AUTH TLS ok\r\n");
      }
      case "postgres" -> {
        seen.write(in.readNBytes(8));
        say(out, "S");
      }
      default -> throw new IllegalArgumentException(protocol);
    }
    return seen.toString(StandardCharsets.ISO_8859_1);
  }

  private static void say(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void line(InputStream in, ByteArrayOutputStream seen) throws IOException {
    int b;
    while ((b = in.read()) >= 0) {
      seen.write(b);
      if (b == '\n') {
        return;
      }
    }
  }
}
