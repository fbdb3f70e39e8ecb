package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import dev.pemtls.providertests.bootapp.BootApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/docs/integrations.md's Spring Boot 3.5 recipe: an executable jar (embedded Tomcat,
 * RestClient) started with {@code java -javaagent:pemtls.jar=CONF -jar app.jar}, the config
 * requiring client certificates (CERT_REQUIRED) while Tomcat is left at its default
 * {@code certificateVerification=none}. curl is the client of Tomcat; RestClient calls Tomcat
 * and an unknown-CA server.
 */
class SpringBootRecipeIT {
  @TempDir static Path dir;
  static RecipePki pki;
  static ServingChild app;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    pki = new RecipePki(dir);
    Path jar = BootJar.write(dir.resolve("app.jar"), BootApp.class);
    app = ServingChild.ready(ChildJvm.java(List.of(
        "-javaagent:" + AgentIT.pemtlsJar() + "=" + pki.serverConf(),
        "-jar", jar.toString(),
        "--server.address=127.0.0.1", "--server.port=0",
        // The recipe's only Spring setting: Tomcat reads its key from the config's PEM files.
        "--server.ssl.certificate=" + pki.serverCert,
        "--server.ssl.certificate-private-key=" + pki.serverKey,
        "--spring.main.banner-mode=off", "--logging.level.root=WARN")));
    url = app.url();
  }

  @AfterAll
  static void stop() throws Exception {
    ServingChild.stop(app);
  }

  @Test
  void tomcat_requiresClientCertificateFromTheConfigCa_rejectsUnknownCaAndNone()
      throws Exception {
    String ok = Curl.get(url, pki.ca, pki.clientCert, pki.clientKey);
    assertTrue(ok.startsWith("OK client=CN=Recipe_Client suite=TLS_")
        && ok.endsWith(" via=Tomcat"), ok + "\n" + app.child().stdout());
    String rogue = Curl.get(url, pki.ca, pki.rogueClientCert, pki.rogueClientKey);
    assertTrue(rogue.startsWith("ERR "), rogue);
    // Tomcat's certificateVerification=none asks for no certificate; the config's
    // CERT_REQUIRED is a floor it cannot lower.
    String none = Curl.get(url, pki.ca, null, null);
    assertTrue(none.startsWith("ERR "), none);
  }

  @Test
  void restClient_presentsTheConfigCertificateToTomcat() throws Exception {
    String ok = Curl.get(url + "fetch?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8),
        pki.ca, pki.clientCert, pki.clientKey);
    assertTrue(ok.startsWith("OK OK client=CN=localhost suite=TLS_")
        && ok.endsWith(" via=Tomcat"), ok + "\n" + app.child().stdout());
  }

  @Test
  void restClient_rejectsServerFromUnknownCa() throws Exception {
    Peer.require("python3", "the unknown-CA server");
    try (PythonPeer.Server rogue = PythonPeer.serve(pki.rogueServerCert, pki.rogueServerKey,
        1)) {
      String rogueUrl = "https://localhost:" + rogue.port() + "/";
      String err = Curl.get(url + "fetch?url=" + URLEncoder.encode(rogueUrl,
          StandardCharsets.UTF_8), pki.ca, pki.clientCert, pki.clientKey);
      assertTrue(err.startsWith("OK ERR ") && err.contains("SSLHandshakeException")
          && err.contains("certificate verify failed: self-signed certificate in certificate"
          + " chain"), err);
    }
  }
}
