package dev.pemtls.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.testing.Peer;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.DemoFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's config is a floor under what applications set on sockets and engines: the
 * stricter wins, and each override is logged once at WARNING.
 */
class ConfigFloorTest {
  @TempDir static Path dir;
  static DemoFiles pki;
  static Provider client;
  static Provider clientWithoutCertificate;
  final List<LogRecord> warnings = Collections.synchronizedList(new ArrayList<>());
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      // Only the floor's warnings: the test certificates' near expiry is warned about too.
      if (r.getLevel() == Level.WARNING && String.valueOf(r.getMessage())
          .contains("the application")) {
        warnings.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeAll
  static void pki() throws IOException {
    pki = DemoPki.create(dir, "EC");
    client = configure("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem");
    clientWithoutCertificate = configure("cafile=ca.pem");
  }

  @BeforeEach
  void listen() {
    Logger.getLogger("dev.pemtls").addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    Logger.getLogger("dev.pemtls").removeHandler(capture);
  }

  static Provider configure(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return new PemTlsProvider().configure(f.toString());
  }

  static Provider server(String... extra) throws IOException {
    List<String> lines = new ArrayList<>(List.of("certfile=server.pem", "keyfile=server.key",
        "cafile=ca.pem"));
    lines.addAll(List.of(extra));
    return configure(lines.toArray(new String[0]));
  }

  private static SSLEngine serverEngine(Provider p) throws Exception {
    SSLEngine e = SSLContext.getInstance("Default", p).createSSLEngine();
    e.setUseClientMode(false);
    return e;
  }

  private static SSLEngine clientEngine(Provider p) throws Exception {
    SSLEngine e = SSLContext.getInstance("Default", p).createSSLEngine("localhost", 443);
    e.setUseClientMode(true);
    return e;
  }

  private List<String> warningTexts() {
    List<String> out = new ArrayList<>();
    for (LogRecord r : warnings) {
      out.add(r.getMessage());
    }
    return out;
  }

  /** As Tomcat's default certificateVerification=none does to every engine it makes. */
  private static HttpsServer httpsServerTurningClientAuthOff(Provider p) throws Exception {
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(SSLContext.getInstance("Default", p)) {
      @Override
      public void configure(HttpsParameters params) {
        params.setNeedClientAuth(false);
        params.setWantClientAuth(false);
      }
    });
    https.createContext("/", exchange -> {
      byte[] body = "served".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    https.start();
    return https;
  }

  private static String[] curl(int port, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert",
        pki.caFile().toString()));
    cmd.addAll(List.of(extra));
    cmd.add("https://127.0.0.1:" + port + "/");
    Peer p = Peer.command(cmd).run();
    return new String[] {String.valueOf(p.exitValue()), p.text()};
  }

  @Test
  void certRequired_applicationTurnsClientAuthOff_curlWithoutCertificateIsStillRefused()
      throws Exception {
    Peer.require("curl", "the floor test against curl");
    HttpsServer https = httpsServerTurningClientAuthOff(server("verify_mode=CERT_REQUIRED"));
    try {
      int port = https.getAddress().getPort();
      String[] refused = curl(port);
      assertNotEquals("0", refused[0], refused[1]);
      assertFalse(refused[1].contains("served"), refused[1]);
      String[] served = curl(port, "--cert", pki.clientCert().toString(), "--key",
          pki.clientKey().toString());
      assertEquals("0", served[0], served[1]);
      assertEquals("served", served[1]);
    } finally {
      https.stop(0);
    }
    // JDK 17's HttpsServer applies HttpsParameters.setNeedClientAuth(false) to the engine, and
    // the floor warns; JDK 25's applies only true, so nothing was turned off and nothing is said
    long warned = warningTexts().stream().filter(w -> w.contains("CERT_REQUIRED")).count();
    if (Runtime.version().feature() == 17) {
      assertEquals(1, warned, warningTexts().toString());
    } else {
      assertTrue(warned <= 1, warningTexts().toString());
    }
  }

  @Test
  void certRequired_setNeedClientAuthFalseOnEngine_isOverridden_andRefusesClientWithoutCert()
      throws Exception {
    SSLEngine s = serverEngine(server("verify_mode=CERT_REQUIRED"));
    s.setNeedClientAuth(false);
    assertTrue(s.getNeedClientAuth());
    SSLParameters p = s.getSSLParameters();
    p.setNeedClientAuth(false);
    s.setSSLParameters(p);
    assertTrue(s.getNeedClientAuth());
    EnginePair.Result r = EnginePair.handshake(clientEngine(clientWithoutCertificate), s);
    assertInstanceOf(SSLHandshakeException.class, r.server());
    assertTrue(warningTexts().get(0).contains("verify_mode=CERT_REQUIRED"), warningTexts()
        .toString());
  }

  @Test
  void certRequired_setNeedClientAuthFalseOnServerSocket_isOverridden() throws Exception {
    SSLContext ctx = SSLContext.getInstance("Default", server("verify_mode=CERT_REQUIRED"));
    try (SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ss.setNeedClientAuth(false);
      assertTrue(ss.getNeedClientAuth());
      ss.setWantClientAuth(true);
      assertTrue(ss.getNeedClientAuth());
    }
  }

  @Test
  void checkHostname_applicationClearsEndpointIdentification_isRestoredWithWarning()
      throws Exception {
    SSLEngine c = clientEngine(clientWithoutCertificate);
    SSLParameters p = c.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("");
    c.setSSLParameters(p);
    assertEquals("HTTPS", c.getSSLParameters().getEndpointIdentificationAlgorithm());
    assertTrue(warningTexts().get(0).contains("check_hostname"), warningTexts().toString());
  }

  @Test
  void certOptional_applicationTurnsRequestOff_stillAsks() throws Exception {
    SSLEngine s = serverEngine(server("verify_mode=CERT_OPTIONAL"));
    s.setWantClientAuth(false);
    assertTrue(s.getWantClientAuth());
    s.setNeedClientAuth(true); // raising is allowed
    assertTrue(s.getNeedClientAuth());
  }

  @Test
  void unsetVerifyMode_applicationMayRequireClientCertificates() throws Exception {
    SSLEngine s = serverEngine(server());
    assertFalse(s.getNeedClientAuth());
    s.setNeedClientAuth(true);
    assertTrue(s.getNeedClientAuth());
    EnginePair.Result r = EnginePair.handshake(clientEngine(clientWithoutCertificate), s);
    assertInstanceOf(SSLHandshakeException.class, r.server());
    SSLEngine s2 = serverEngine(server());
    s2.setNeedClientAuth(true);
    assertTrue(EnginePair.handshake(clientEngine(client), s2).ok());
    assertEquals(List.of(), warningTexts());
  }

  @Test
  void cipherSuiteOutsideConfig_isDroppedWithWarning_andConfigOrderKept() throws Exception {
    SSLEngine s = serverEngine(server("ciphers=ECDHE+AESGCM"));
    List<String> configured = Arrays.asList(s.getEnabledCipherSuites());
    assertFalse(configured.contains("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
    List<String> reversed = new ArrayList<>(configured);
    Collections.reverse(reversed);
    reversed.add("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    s.setEnabledCipherSuites(reversed.toArray(new String[0]));
    assertEquals(configured, Arrays.asList(s.getEnabledCipherSuites()));
    assertEquals(1, warnings.size(), warningTexts().toString());
    assertTrue(warningTexts().get(0).contains("[TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256] "
        + "dropped"), warningTexts().get(0));
    // Narrowing is allowed: one configured suite stays the only one.
    s.setEnabledCipherSuites(new String[] {configured.get(configured.size() - 1)});
    assertEquals(List.of(configured.get(configured.size() - 1)),
        Arrays.asList(s.getEnabledCipherSuites()));
  }

  @Test
  void onlySuitesOutsideConfig_theConfigsSuitesStay() throws Exception {
    SSLEngine s = serverEngine(server("ciphers=ECDHE+AESGCM"));
    List<String> configured = Arrays.asList(s.getEnabledCipherSuites());
    s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"});
    assertEquals(configured, Arrays.asList(s.getEnabledCipherSuites()));
  }

  @Test
  void protocolBelowMinimumVersion_isDropped_andAnOldClientIsRefused() throws Exception {
    SSLEngine s = serverEngine(server("minimum_version=TLSv1.3"));
    s.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
    assertEquals(List.of("TLSv1.3"), Arrays.asList(s.getEnabledProtocols()));
    s.setEnabledProtocols(new String[] {"TLSv1.2"});
    assertEquals(List.of("TLSv1.3"), Arrays.asList(s.getEnabledProtocols()));
    assertTrue(warningTexts().stream().anyMatch(w -> w.contains("minimum_version")),
        warningTexts().toString());
    SSLEngine old = clientEngine(clientWithoutCertificate);
    old.setEnabledProtocols(new String[] {"TLSv1.2"});
    assertFalse(EnginePair.handshake(old, s).ok());
  }
}
