package dev.pemtls;

import dev.pemtls.testing.TestPki;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.ConformanceCases.Case;
import dev.pemtls.ConformanceServers.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PemTLS server answering misbehaving clients as RFC 8446/5246 require, through both server
 * entry points (wrapSocket and sslContext()'s server socket), with SunJSSE on the same
 * certificate as the yardstick: malformed extensions and truncated ClientHellos get their alert
 * before the close, legal but unusual ClientHellos get a ServerHello, and renegotiation and
 * KeyUpdate are handled. Raw bytes come from {@link ClientHelloBuilder}.
 */
class ConformanceTest {
  @TempDir static Path dir;
  static TestPki pki;
  static final Map<Kind, ConformanceServers> SERVERS = new EnumMap<>(Kind.class);

  @BeforeAll
  static void start() throws Exception {
    pki = new TestPki(dir, "EC");
    for (Kind k : Kind.values()) {
      SERVERS.put(k, ConformanceServers.start(k, pki));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    for (ConformanceServers s : SERVERS.values()) {
      s.close();
    }
  }

  static Stream<Arguments> pemtlsCases() throws Exception {
    List<Case> all = allCases();
    return Stream.of(Kind.WRAP_SOCKET, Kind.SERVER_SOCKET)
        .flatMap(k -> all.stream().map(c -> Arguments.of(k, c)));
  }

  static List<Case> allCases() throws Exception {
    List<Case> all = new ArrayList<>();
    all.addAll(ConformanceCases.malformedExtensions());
    all.addAll(ConformanceCases.truncated());
    all.addAll(ConformanceCases.unusualButLegal());
    return all;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pemtlsCases")
  void pemtlsServer_answersAsTheRfcsRequire(Kind kind, Case c) throws Exception {
    ClientHelloBuilder.Answer a = ClientHelloBuilder.send(SERVERS.get(kind).port(), c.wire());
    assertTrue(conforms(c, a), c + ": wanted " + (c.legal() ? "a ServerHello" : "a fatal alert "
        + c.alerts()) + ", got " + a);
  }

  @Test
  void pemtlsServers_failNoMoreCasesThanSunJsse() throws Exception {
    Map<Kind, List<String>> failures = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      List<String> failed = new ArrayList<>();
      for (Case c : allCases()) {
        ClientHelloBuilder.Answer a = ClientHelloBuilder.send(SERVERS.get(k).port(), c.wire());
        if (!conforms(c, a)) {
          failed.add(c + " -> " + a);
        }
      }
      failures.put(k, failed);
    }
    int sun = failures.get(Kind.SUNJSSE).size();
    assertTrue(failures.get(Kind.WRAP_SOCKET).size() <= sun, failures.toString());
    assertTrue(failures.get(Kind.SERVER_SOCKET).size() <= sun, failures.toString());
  }

  @Test
  void hugePaddingWithinTheConfiguredMessageLimit_isAccepted() throws Exception {
    // 64 KiB of padding is over JSSE's default 32 KiB handshake message limit, which SunJSSE and
    // BCJSSE share; an operator raises it with jdk.tls.maxHandshakeMessageSize (read by both
    // when a context is made, and by PemTLS's ClientHello check).
    String old = System.getProperty("jdk.tls.maxHandshakeMessageSize");
    System.setProperty("jdk.tls.maxHandshakeMessageSize", "70000");
    try (ConformanceServers wrap = ConformanceServers.start(Kind.WRAP_SOCKET, pki);
        ConformanceServers socket = ConformanceServers.start(Kind.SERVER_SOCKET, pki)) {
      ClientHelloBuilder b = ClientHelloBuilder.modern();
      b.extension(ClientHelloBuilder.PADDING, new byte[65_000]);
      assertTrue(ClientHelloBuilder.send(wrap.port(), b.records(16384)).serverHello());
      assertTrue(ClientHelloBuilder.send(socket.port(), b.records(16384)).serverHello());
    } finally {
      if (old == null) {
        System.clearProperty("jdk.tls.maxHandshakeMessageSize");
      } else {
        System.setProperty("jdk.tls.maxHandshakeMessageSize", old);
      }
    }
  }

  @Test
  void renegotiationAttempt_isRefusedWithAnAlertNotASilentClose() throws Exception {
    for (Kind k : List.of(Kind.WRAP_SOCKET, Kind.SERVER_SOCKET)) {
      try (SSLSocket tls = sunJsseClient(k, "TLSv1.2")) {
        echo(tls, "before");
        String outcome;
        try {
          tls.startHandshake(); // SunJSSE renegotiates a TLS 1.2 connection
          echo(tls, "after");
          outcome = "continued";
        } catch (IOException e) {
          outcome = String.valueOf(e.getMessage());
        }
        // RFC 5746/5246: a server that will not renegotiate answers no_renegotiation (warning,
        // the connection goes on) or handshake_failure (fatal).
        assertTrue(outcome.equals("continued") || outcome.contains("handshake_failure")
            || outcome.contains("no_renegotiation"), k + ": " + outcome);
      }
    }
  }

  @Test
  void manyKeyUpdates_keepTheConnectionWorking() throws Exception {
    for (Kind k : List.of(Kind.WRAP_SOCKET, Kind.SERVER_SOCKET)) {
      try (SSLSocket tls = sunJsseClient(k, "TLSv1.3")) {
        for (int i = 0; i < 40; i++) {
          tls.startHandshake(); // in TLS 1.3, SunJSSE sends KeyUpdate(update_requested)
          echo(tls, "round " + i);
        }
      }
    }
  }

  private static void echo(SSLSocket tls, String text) throws IOException {
    byte[] out = (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    tls.getOutputStream().write(out);
    tls.getOutputStream().flush();
    byte[] in = tls.getInputStream().readNBytes(out.length);
    assertEquals(text + "\n", new String(in, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static SSLSocket sunJsseClient(Kind k, String protocol) throws Exception {
    java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("ca", pki.root.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
    tmf.init(ts);
    SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
    c.init(null, tmf.getTrustManagers(), null);
    Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), SERVERS.get(k).port());
    raw.setSoTimeout(10_000);
    SSLSocket tls = (SSLSocket) c.getSocketFactory().createSocket(raw, "localhost",
        raw.getPort(), true);
    tls.setEnabledProtocols(new String[] {protocol});
    tls.startHandshake();
    return tls;
  }

  private static boolean conforms(Case c, ClientHelloBuilder.Answer a) {
    return c.legal() ? a.serverHello()
        : a.alert() && a.alertLevel() == 2 && c.alerts().contains(a.alertDescription());
  }
}
