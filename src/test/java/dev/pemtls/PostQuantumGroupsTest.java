package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pemtls.testing.ClientHellos;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-quantum hybrid X25519MLKEM768 is off by default, as in OpenSSL 3.0, and selectable
 * with {@code setGroups}. No local peer but BouncyCastle speaks it, so the peer is plain BCJSSE
 * on BouncyCastle's own crypto (not added to the JVM's providers), in both directions. With
 * PemTLS set to the hybrid alone, a handshake can only succeed in that group.
 */
class PostQuantumGroupsTest {
  private static final int X25519MLKEM768 = 0x11ec;

  @TempDir static Path dir;
  static TestPki pki;
  static BouncyCastleJsseProvider bcjsse;

  @BeforeAll
  static void setUp() throws IOException {
    // RSA: with the hybrid alone in the list, BCJSSE has no curve for ECDSA (setGroups' javadoc)
    pki = new TestPki(dir, "RSA");
    bcjsse = new BouncyCastleJsseProvider(new BouncyCastleProvider());
  }

  @Test
  void defaultClientHello_offersNoHybrid_andSetGroupsOffersIt() throws Exception {
    SslContext hybrid = new SslContext(Protocol.TLS_CLIENT);
    hybrid.setGroups("X25519MLKEM768");
    assertEquals(List.of(X25519MLKEM768), ClientHellos.u16List(10, ClientHellos.pemtls(hybrid)));
    assertEquals(false, ClientHellos.u16List(10, ClientHellos.pemtls(
        new SslContext(Protocol.TLS_CLIENT))).contains(X25519MLKEM768));
  }

  @Test
  void hybridOnlyClient_handshakesWithPlainBcjsseServer() throws Exception {
    SslContext client = pki.clientContext();
    client.setGroups("X25519MLKEM768");
    try (SSLServerSocket listener = bcjsseServer()) {
      CompletableFuture<String> served = serveOnce(listener, null);
      try (SslSocket tls = SslSocket.of(client.wrapSocket(new Socket(
          InetAddress.getLoopbackAddress(), listener.getLocalPort()), false, "localhost"))) {
        assertEquals("TLSv1.3", tls.version());
        tls.write(new byte[] {42});
        assertEquals(42, tls.read()[0]);
      }
      assertEquals("TLSv1.3", served.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void hybridOnlyServer_handshakesWithPlainBcjsseClient() throws Exception {
    SslContext server = pki.serverContext(VerifyMode.CERT_NONE);
    server.setGroups("X25519MLKEM768");
    SSLContext bc = SSLContext.getInstance("TLS", bcjsse);
    bc.init(null, new TrustManager[] {pki.clientContext().trustManager()}, null);
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1,
        InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) bc.getSocketFactory().createSocket(
            InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
          s.getOutputStream().write(7);
          s.getOutputStream().flush();
          return s.getSession().getProtocol() + " " + s.getInputStream().read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket raw = listener.accept();
          SslSocket tls = SslSocket.of(server.wrapSocket(raw, true, null))) {
        assertEquals(7, tls.read()[0]);
        tls.write(new byte[] {8});
        assertEquals("TLSv1.3 8", client.get(10, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void defaultClient_refusesServerOfferingOnlyTheHybrid() throws Exception {
    try (SSLServerSocket listener = bcjsseServer()) {
      serveOnce(listener, new String[] {"X25519MLKEM768"});
      SslError e = assertThrows(SslError.class, () -> pki.clientContext().wrapSocket(
          new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()), false,
          "localhost"));
      assertEquals("SSL", e.library(), e.getMessage());
    }
  }

  /** A plain BCJSSE server with PemTLS's key manager for this PKI's server identity. */
  private static SSLServerSocket bcjsseServer() throws Exception {
    SSLContext bc = SSLContext.getInstance("TLS", bcjsse);
    bc.init(new KeyManager[] {pki.serverContext(VerifyMode.CERT_NONE).keyManager()}, null, null);
    return (SSLServerSocket) bc.getServerSocketFactory().createServerSocket(0, 1,
        InetAddress.getLoopbackAddress());
  }

  /**
   * Accepts one connection (limited to {@code namedGroups} unless null: BCJSSE's own default
   * offers X25519MLKEM768 first), echoes one byte, and returns the negotiated protocol.
   */
  private static CompletableFuture<String> serveOnce(SSLServerSocket listener,
      String[] namedGroups) {
    return CompletableFuture.supplyAsync(() -> {
      try (SSLSocket s = (SSLSocket) listener.accept()) {
        if (namedGroups != null) {
          BCSSLSocket b = (BCSSLSocket) s;
          BCSSLParameters p = b.getParameters();
          p.setNamedGroups(namedGroups);
          b.setParameters(p);
        }
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        out.write(in.read());
        out.flush();
        return s.getSession().getProtocol();
      } catch (IOException e) {
        return "failed: " + e;
      }
    });
  }
}
