package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/docs/integrations.md's Netty 4.2 recipes in child JVMs with PemTLS installed: a server on
 * {@code JdkSslContext} over {@code SSLContext.getDefault()} with CPython clients, and a client
 * on {@code SslContextBuilder} with {@code SslProvider.JDK}.
 */
class NettyRecipeIT {
  @TempDir static Path dir;
  static RecipePki pki;
  static ServingChild server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    pki = new RecipePki(dir);
    server = ServingChild.start(NettyMain.class, pki.provider(pki.serverConf()));
    port = server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    ServingChild.stop(server);
  }

  @Test
  void jdkSslContextOverDefault_requiresClientCertificate_rejectsUnknownCa() throws Exception {
    Peer.require("python3", "the Netty server's CPython clients");
    String ok = PythonPeer.get(port, pki.ca, pki.clientCert, pki.clientKey);
    // Netty reorders the suites it enables; the config's order (OpenSSL's) still decides.
    assertTrue(ok.equals("OK client=CN=Recipe_Client suite=TLS_AES_256_GCM_SHA384"
        + " protocol=TLSv1.3 via=Netty"), ok);
    String rogue = PythonPeer.get(port, pki.ca, pki.rogueClientCert, pki.rogueClientKey);
    assertTrue(rogue.startsWith("ERR "), rogue);
    String none = PythonPeer.get(port, pki.ca, null, null);
    assertTrue(none.startsWith("ERR "), none);
  }

  @Test
  void sslContextBuilderOnJdk_doesMutualTlsWithTheConfigCertificate() throws Exception {
    ChildJvm c = ChildJvm.run(NettyMain.class, pki.provider(pki.clientConf()), "get:" + port);
    String line = c.line("get " + port);
    assertTrue(line.startsWith("get " + port + " OK client=CN=Recipe_Client "), line);
  }

  @Test
  void sslContextBuilderOnJdk_rejectsServerFromUnknownCa() throws Exception {
    Peer.require("python3", "the unknown-CA server");
    try (PythonPeer.Server rogue = PythonPeer.serve(pki.rogueServerCert, pki.rogueServerKey,
        1)) {
      ChildJvm c = ChildJvm.run(NettyMain.class, pki.provider(pki.clientConf()),
          "get:" + rogue.port());
      String line = c.line("get " + rogue.port());
      assertTrue(line.contains(" ERR javax.net.ssl.SSLHandshakeException")
          && line.contains("certificate verify failed: self-signed certificate in certificate"
          + " chain (verify code 19"), line);
    }
  }
}
