package dev.pemtls.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.cli.DemoPki;
import dev.pemtls.cli.DemoPki.Issued;
import dev.pemtls.cli.DemoPki.Spec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What frameworks do with the provider's contexts: hand {@code SSLContext.init} their own trust
 * manager on a mutual-TLS server (Spring, Tomcat, Jetty, Netty with a truststore), connect client
 * sockets by address only, and drive engines. The config keeps {@code check_hostname} at its
 * default (on), which used to put endpoint identification on server sockets and engines too.
 */
class FrameworkSocketsTest {
  @TempDir static Path dir;
  static Issued ca;
  static Provider server;
  static Provider dnsOnlyServer;
  static Provider ipAndDnsServer;
  static Provider client;
  static Provider clientWithoutCertificate;

  @BeforeAll
  static void pki() throws IOException {
    ca = new Spec("Frameworks CA").keyAlgorithm("EC").ca().issue();
    write("ca.pem", DemoPki.pem(ca.certificate()));
    issue("server", new Spec("localhost").dns("localhost").ip("127.0.0.1"),
        KeyPurposeId.id_kp_serverAuth);
    issue("dnsonly", new Spec("localhost").dns("localhost"), KeyPurposeId.id_kp_serverAuth);
    issue("client", new Spec("framework client"), KeyPurposeId.id_kp_clientAuth);
    server = configure("certfile=server.pem", "keyfile=server.key", "cafile=ca.pem",
        "verify_mode=CERT_REQUIRED");
    dnsOnlyServer = configure("certfile=dnsonly.pem", "keyfile=dnsonly.key", "cafile=ca.pem");
    ipAndDnsServer = configure("certfile=server.pem", "keyfile=server.key", "cafile=ca.pem");
    client = configure("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem");
    clientWithoutCertificate = configure("cafile=ca.pem");
  }

  private static void write(String name, String text) throws IOException {
    DemoPki.write(dir.resolve(name), text);
  }

  private static void issue(String name, Spec spec, KeyPurposeId purpose) throws IOException {
    Issued leaf = spec.keyAlgorithm("EC").issuer(ca).extendedKeyUsage(purpose).issue();
    write(name + ".pem", DemoPki.pem(leaf.certificate(), ca.certificate()));
    write(name + ".key", DemoPki.pem(leaf.keys().getPrivate()));
  }

  static Provider configure(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return new PemTlsProvider().configure(f.toString());
  }

  /** The JDK's own PKIX trust manager over the test CA, as a framework builds from a truststore. */
  static TrustManager[] jdkTrustManagers() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
    tmf.init(ks);
    return tmf.getTrustManagers();
  }

  /** The mutual-TLS server's context, initialised with the JDK's trust manager. */
  static SSLContext serverWithJdkTrust() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS", server);
    ctx.init(null, jdkTrustManagers(), null);
    return ctx;
  }

  @Test
  void serverEngine_jdkTrustManager_acceptsValidClientCertificate() throws Exception {
    SSLEngine s = serverWithJdkTrust().createSSLEngine();
    s.setUseClientMode(false);
    SSLEngine c = SSLContext.getInstance("Default", client).createSSLEngine("localhost", 443);
    c.setUseClientMode(true);
    EnginePair.Result r = EnginePair.handshake(c, s);
    assertTrue(r.ok(), () -> "client " + r.client() + ", server " + r.server());
    assertEquals("CN=framework client",
        s.getSession().getPeerPrincipal().getName());
    String serverAlg = s.getSSLParameters().getEndpointIdentificationAlgorithm();
    assertTrue(serverAlg == null || serverAlg.isEmpty(), serverAlg);
    assertEquals("HTTPS", c.getSSLParameters().getEndpointIdentificationAlgorithm());
  }

  @Test
  void serverSocket_jdkTrustManager_acceptsValidClientCertificate() throws Exception {
    try (SSLServerSocket ss = (SSLServerSocket) serverWithJdkTrust().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.startHandshake();
          return s.getSession().getPeerPrincipal().getName();
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      try (SSLSocket c = (SSLSocket) SSLContext.getInstance("Default", client)
          .getSocketFactory().createSocket("localhost", ss.getLocalPort())) {
        c.startHandshake();
      }
      assertEquals("CN=framework client", seen.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void httpsServer_jdkTrustManager_needClientAuth_servesValidClient() throws Exception {
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverWithJdkTrust()) {
      @Override
      public void configure(HttpsParameters params) {
        params.setNeedClientAuth(true);
      }
    });
    https.createContext("/", exchange -> {
      byte[] body = exchange.getPrincipal() == null ? "hello".getBytes(StandardCharsets.UTF_8)
          : "hello".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    https.start();
    try {
      HttpsURLConnection c = (HttpsURLConnection) new URL("https://localhost:"
          + https.getAddress().getPort() + "/").openConnection();
      c.setSSLSocketFactory(SSLContext.getInstance("Default", client).getSocketFactory());
      c.setConnectTimeout(10_000);
      c.setReadTimeout(10_000);
      assertEquals(200, c.getResponseCode());
      assertEquals("hello", new String(c.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8));
    } finally {
      https.stop(0);
    }
  }

  /** How a test's client makes its socket to the server's port. */
  private interface Connect {
    SSLSocket to(javax.net.ssl.SSLSocketFactory factory, int port) throws IOException;
  }

  /** Handshakes a socket from {@code connect} with {@code serverProvider}'s server. */
  private static void handshake(Provider serverProvider, Connect connect) throws Exception {
    SSLContext serverCtx = SSLContext.getInstance("Default", serverProvider);
    try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.startHandshake();
          s.getInputStream().read(); // until the client closes: it closes first
        } catch (IOException ignored) {
          // the client's verdict is what the tests look at
        }
      });
      try (SSLSocket c = connect.to(SSLContext.getInstance("Default", clientWithoutCertificate)
          .getSocketFactory(), ss.getLocalPort())) {
        c.startHandshake();
      } finally {
        served.get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** {@code createSocket(InetAddress, port)}: connected by address only. */
  private static void handshakeByAddress(Provider serverProvider, InetAddress address)
      throws Exception {
    handshake(serverProvider, (f, port) -> (SSLSocket) f.createSocket(address, port));
  }

  /** As HttpsURLConnection and many clients do: createSocket() first, connect(address) later. */
  private static void handshakeUnconnected(Provider serverProvider, InetSocketAddress address)
      throws Exception {
    handshake(serverProvider, (f, port) -> {
      SSLSocket c = (SSLSocket) f.createSocket();
      c.connect(new InetSocketAddress(address.getAddress(), port), 10_000);
      return c;
    });
  }

  @Test
  void addressOnlySocket_ipLiteral_isCheckedAgainstIpSan() throws Exception {
    handshakeByAddress(ipAndDnsServer, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
  }

  @Test
  void addressOnlySocket_createdWithName_isCheckedAgainstThatName() throws Exception {
    handshakeByAddress(dnsOnlyServer,
        InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
  }

  @Test
  void addressOnlySocket_ipLiteralWithoutIpSan_isHostnameMismatch_noReverseLookup()
      throws Exception {
    SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () ->
        handshakeByAddress(dnsOnlyServer, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
    assertInstanceOf(CertificateException.class, e.getCause());
    assertTrue(e.getMessage().contains("address mismatch"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
  }

  @Test
  void unconnectedSocket_connectedByName_isCheckedAgainstThatName() throws Exception {
    handshakeUnconnected(dnsOnlyServer, new InetSocketAddress(
        InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 0));
  }

  @Test
  void unconnectedSocket_connectedByIpLiteral_withoutIpSan_isRefused() throws Exception {
    SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () ->
        handshakeUnconnected(dnsOnlyServer, new InetSocketAddress(
            InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0)));
    assertTrue(e.getMessage().contains("address mismatch"), e.getMessage());
  }

  @Test
  void engines_rejectedHandshake_areSslHandshakeExceptions_withoutBouncyCastleMessages()
      throws Exception {
    SSLEngine s = SSLContext.getInstance("Default", server).createSSLEngine();
    s.setUseClientMode(false);
    SSLEngine c = SSLContext.getInstance("Default", clientWithoutCertificate)
        .createSSLEngine("localhost", 443);
    c.setUseClientMode(true);
    EnginePair.Result r = EnginePair.handshake(c, s);
    assertFalse(r.ok());
    for (Exception e : new Exception[] {r.client(), r.server()}) {
      if (e != null) {
        assertInstanceOf(SSLHandshakeException.class, e);
        assertFalse(e.getMessage().contains("org.bouncycastle"), e.getMessage());
        assertTrue(e.getMessage().startsWith("[SSL: "), e.getMessage());
      }
    }
    assertInstanceOf(SSLHandshakeException.class, r.server(), "the server refuses the client");
  }

  @Test
  void acceptedSocket_rejectedHandshake_isSslHandshakeException() throws Exception {
    SSLContext serverCtx = SSLContext.getInstance("Default", server);
    try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Exception> served = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.startHandshake();
          s.getInputStream().read();
          return null;
        } catch (IOException e) {
          return e;
        }
      });
      try (SSLSocket c = (SSLSocket) SSLContext.getInstance("Default", clientWithoutCertificate)
          .getSocketFactory().createSocket("localhost", ss.getLocalPort())) {
        c.startHandshake();
        c.getInputStream().read();
      } catch (IOException expected) {
        // the server refuses; what it threw is the point
      }
      Exception e = served.get(10, TimeUnit.SECONDS);
      assertInstanceOf(SSLHandshakeException.class, e);
      assertTrue(e.getMessage().startsWith("[SSL: "), e.getMessage());
    }
  }
}
