package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/docs/integrations.md's Jetty 12 and java.net.http recipes: a Jetty server (h2 and
 * http/1.1 over ALPN) and Jetty's HttpClient, neither given a keystore, in child JVMs with PemTLS
 * installed; curl and java.net.http's HTTP/2 as their peers.
 */
class JettyRecipeIT {
  @TempDir static Path dir;
  static RecipePki pki;
  static ServingChild server;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    pki = new RecipePki(dir);
    server = ServingChild.start(JettyMain.class, pki.provider(pki.serverConf()));
    url = server.url();
  }

  @AfterAll
  static void stop() throws Exception {
    ServingChild.stop(server);
  }

  @Test
  void jettyServer_mutualTlsOverHttp2WithCurl_rejectsClientFromUnknownCa() throws Exception {
    String ok = curl(pki.clientCert, pki.clientKey);
    assertTrue(ok.startsWith("OK client=CN=Recipe_Client version=HTTP/2.0 suite=TLS_"), ok);
    String rogue = curl(pki.rogueClientCert, pki.rogueClientKey);
    assertTrue(rogue.startsWith("ERR "), rogue);
    String none = curl(null, null);
    assertTrue(none.startsWith("ERR "), none);
  }

  @Test
  void jettyHttpClientAndJavaHttpClient_presentTheConfigCertificate_overHttp11AndHttp2()
      throws Exception {
    ChildJvm c = ChildJvm.run(JettyMain.class, pki.provider(pki.clientConf()),
        "jetty:" + url, "http2:" + url);
    String jetty = c.line("jetty " + url);
    assertTrue(jetty.contains(" OK client=CN=Recipe_Client version=HTTP/1.1 "), jetty);
    String h2 = c.line("http2 " + url);
    assertTrue(h2.contains(" OK version=HTTP_2 client=CN=Recipe_Client version=HTTP/2.0 "), h2);
  }

  @Test
  void jettyHttpClientAndJavaHttpClient_rejectServerFromUnknownCa() throws Exception {
    Peer.require("python3", "the unknown-CA server");
    try (PythonPeer.Server rogue = PythonPeer.serve(pki.rogueServerCert, pki.rogueServerKey,
        2)) {
      String rogueUrl = "https://localhost:" + rogue.port() + "/";
      ChildJvm c = ChildJvm.run(JettyMain.class, pki.provider(pki.clientConf()),
          "jetty:" + rogueUrl, "http2:" + rogueUrl);
      assertAll(List.of("jetty ", "http2 ").stream().map(api -> () -> {
        String line = c.line(api + rogueUrl);
        assertTrue(line.contains(" ERR ") && line.contains("SSLHandshakeException: [SSL:"
            + " CERTIFICATE_VERIFY_FAILED]")
            && line.contains("certificate verify failed: self-signed certificate in certificate"
            + " chain (verify code 19"), line);
      }));
    }
  }

  private static String curl(Path cert, Path key) throws Exception {
    return Curl.get(url, pki.ca, cert, key, "--http2");
  }
}
