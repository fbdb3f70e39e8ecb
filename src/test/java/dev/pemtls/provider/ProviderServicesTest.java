package dev.pemtls.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.identity.IdentityKeys;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.DemoFiles;
import dev.pemtls.internal.identity.IdentityKeyManager;
import dev.pemtls.internal.trust.PemTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's services used in-process through an unregistered instance (the forked-JVM
 * suite in provider-tests/ covers installation through java.security).
 */
class ProviderServicesTest {
  @TempDir static Path dir;
  static DemoFiles pki;
  static Provider server;
  static Provider client;

  @BeforeAll
  static void providers() throws IOException {
    pki = DemoPki.create(dir, "EC");
    server = configure("certfile=server.pem", "keyfile=server.key", "cafile=ca.pem",
        "verify_mode=CERT_REQUIRED");
    client = configure("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem");
  }

  private static Provider configure(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return new PemTlsProvider().configure(f.toString());
  }

  /** One handshake: server socket from {@code serverCtx}, client socket from {@code clientCtx}. */
  private static SSLSocket handshake(SSLContext serverCtx, SSLContext clientCtx)
      throws Exception {
    try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<X509Certificate> seen = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.startHandshake();
          return (X509Certificate) s.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      SSLSocket c = (SSLSocket) clientCtx.getSocketFactory().createSocket("localhost",
          ss.getLocalPort());
      c.startHandshake();
      assertEquals("CN=PemTLS Demo Client",
          seen.get(10, TimeUnit.SECONDS).getSubjectX500Principal().getName());
      return c;
    }
  }

  @Test
  void defaultContexts_doMutualTlsFromPemFiles() throws Exception {
    SSLContext s = SSLContext.getInstance("Default", server);
    SSLContext c = SSLContext.getInstance("Default", client);
    assertEquals("PemTLS", c.getProvider().getName());
    try (SSLSocket tls = handshake(s, c)) {
      assertEquals("TLSv1.3", tls.getSession().getProtocol());
    }
  }

  @Test
  void defaultContext_refusesInit() throws Exception {
    SSLContext c = SSLContext.getInstance("Default", client);
    assertThrows(KeyManagementException.class, () -> c.init(null, null, null));
  }

  @Test
  void tlsContext_nullManagersComeFromTheConfig() throws Exception {
    SSLContext c = SSLContext.getInstance("TLS", client);
    assertThrows(IllegalStateException.class, c::getSocketFactory);
    c.init(null, null, null);
    handshake(SSLContext.getInstance("Default", server), c).close();
  }

  @Test
  void tlsContext_givenTrustManagerIsHonoured() throws Exception {
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    TrustManagerFactory jdk = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
    jdk.init(empty);
    SSLContext c = SSLContext.getInstance("SSL", client);
    c.init(null, jdk.getTrustManagers(), null);
    assertThrows(Exception.class,
        () -> handshake(SSLContext.getInstance("Default", server), c).close());
  }

  @Test
  void versionedContext_capsTheProtocols() throws Exception {
    SSLContext c = SSLContext.getInstance("TLSv1.2", client);
    c.init(null, null, null);
    try (SSLSocket tls = handshake(SSLContext.getInstance("Default", server), c)) {
      assertEquals("TLSv1.2", tls.getSession().getProtocol());
    }
  }

  @Test
  void trustManagerFactory_nullKeyStoreIsTheConfigAndAKeyStoreIsTheJdks() throws Exception {
    TrustManagerFactory f = TrustManagerFactory.getInstance("X509", client);
    f.init((KeyStore) null);
    assertInstanceOf(PemTrustManager.class, f.getTrustManagers()[0]);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    f = TrustManagerFactory.getInstance("PKIX", client);
    f.init(ks);
    X509TrustManager jdk = (X509TrustManager) f.getTrustManagers()[0];
    assertTrue(jdk.getClass().getName().startsWith("sun.security.ssl."), jdk.getClass() + "");
  }

  @Test
  void keyManagerFactory_nullKeyStoreIsTheConfigIdentity() throws Exception {
    for (String alg : List.of("SunX509", "PKIX", "NewSunX509")) {
      KeyManagerFactory f = KeyManagerFactory.getInstance(alg, client);
      f.init(null, null);
      assertInstanceOf(IdentityKeyManager.class, f.getKeyManagers()[0], alg);
    }
  }

  @Test
  void keyManagerFactory_keyStoreWithAnEcKey_signsPemTlsHandshakes_evenBesideSunJsse()
      throws Exception {
    assertNotNull(java.security.Security.getProvider("SunJSSE")); // the case that broke
    Identity id = PemFiles.loadIdentity(pki.clientCert(), pki.clientKey(), null);
    char[] pw = "store-secret".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("client", IdentityKeys.keyOf(id), pw,
        id.chain().toArray(new java.security.cert.Certificate[0]));
    for (String alg : List.of("SunX509", "PKIX", "NewSunX509")) {
      KeyManagerFactory f = KeyManagerFactory.getInstance(alg, client);
      f.init(ks, pw);
      SSLContext c = SSLContext.getInstance("TLS", client);
      c.init(f.getKeyManagers(), null, null); // trust from the config
      handshake(SSLContext.getInstance("Default", server), c).close();
    }
  }

  @Test
  void badConfig_throwsFirstThenStaysClosed() throws IOException {
    Path f = Files.createTempFile(dir, "bad", ".conf");
    Files.write(f, List.of("cafile=/no/such/file.pem"));
    ProviderException first = assertThrows(ProviderException.class,
        () -> new PemTlsProvider().configure(f.toString()));
    assertTrue(first.getMessage().contains("key 'cafile'"), first.getMessage());
    Provider closed = new PemTlsProvider().configure(f.toString());
    ProviderException later = assertThrows(ProviderException.class,
        () -> SSLContext.getInstance("TLS", closed));
    assertEquals(first.getMessage(), later.getMessage());
  }

  @Test
  void bouncyCastle_isNeverRegistered() throws Exception {
    SSLContext.getInstance("Default", client).getSocketFactory();
    assertNull(Security.getProvider("BC"));
    assertNull(Security.getProvider("BCJSSE"));
  }
}
