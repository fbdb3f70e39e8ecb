package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.VerifyMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client side in child JVMs: HttpsURLConnection, java.net.http, OkHttp, Apache HttpClient 5
 * and SSLSocketFactory.getDefault(), unchanged, against servers in this JVM.
 */
class ClientSideIT {
  @TempDir static Path dir;
  static Pki pki;
  static HttpsServer mutual; // asks for a client certificate (CERT_OPTIONAL) and reports it
  static HttpsServer plain; // trusted, asks for none
  static HttpsServer mismatch; // trusted CA, but named other.example only
  static HttpsServer untrusted; // localhost, from an unknown CA

  @BeforeAll
  static void servers() throws Exception {
    pki = new Pki(dir);
    mutual = pki.server(pki.base.serverChain, pki.base.serverKey, VerifyMode.CERT_OPTIONAL);
    plain = pki.server(pki.base.serverChain, pki.base.serverKey, VerifyMode.CERT_NONE);
    mismatch = pki.server(pki.mismatchCert, pki.mismatchKey, VerifyMode.CERT_NONE);
    untrusted = pki.server(pki.untrustedCert, pki.untrustedKey, VerifyMode.CERT_NONE);
  }

  @AfterAll
  static void stop() {
    for (HttpsServer s : new HttpsServer[] {mutual, plain, mismatch, untrusted}) {
      if (s != null) {
        s.stop(0);
      }
    }
  }

  private static String url(HttpsServer s) {
    return "https://localhost:" + s.getAddress().getPort() + "/";
  }

  private static ChildJvm child(Path conf, String... ops) throws Exception {
    return ChildJvm.run(List.of("-Djava.security.properties=" + ChildJvm.securityFile(dir,
        conf)), ops);
  }

  @Test
  void unsetVerifyMode_everyClientApiDoesMutualTlsAndRejectsBadServers() throws Exception {
    Path conf = pki.conf("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem");
    List<String> apis = List.of("url", "httpclient", "okhttp", "apache", "socket");
    String[] ops = new String[apis.size() + 5];
    ops[0] = "info";
    for (int i = 0; i < apis.size(); i++) {
      ops[i + 1] = "get:" + apis.get(i) + ":" + url(mutual);
    }
    ops[apis.size() + 1] = "get:url:" + url(mismatch);
    ops[apis.size() + 2] = "get:okhttp:" + url(mismatch);
    ops[apis.size() + 3] = "get:httpclient:" + url(untrusted);
    ops[apis.size() + 4] = "get:apache:" + url(untrusted);
    ChildJvm c = child(conf, ops);

    assertTrue(c.line("info ").startsWith("info provider=PemTLS "), c.line("info "));
    for (String api : apis) {
      String line = c.line(api + " " + url(mutual));
      assertTrue(line.contains(" OK client=CN=test_client "), line);
    }
    assertTrue(c.line("url " + url(mutual)).contains("clientSuite=TLS_AES_256_GCM_SHA384"));
    for (String bad : List.of("url " + url(mismatch), "okhttp " + url(mismatch))) {
      String line = c.line(bad);
      assertTrue(line.contains(" ERR ") && line.contains("hostname mismatch (verify code 62"),
          line);
    }
    for (String bad : List.of("httpclient " + url(untrusted), "apache " + url(untrusted))) {
      String line = c.line(bad);
      assertTrue(line.contains(" ERR ") && line.contains("certificate verify failed"), line);
    }
  }

  @Test
  void certNone_acceptsUntrustedAndMismatchedServersWithoutLooking() throws Exception {
    ChildJvm c = child(pki.conf("verify_mode=CERT_NONE"), "get:url:" + url(untrusted),
        "get:socket:" + url(mismatch), "get:httpclient:" + url(untrusted));
    assertTrue(c.line("url ").contains(" OK client=none"), c.line("url "));
    assertTrue(c.line("socket ").contains(" OK client=none"), c.line("socket "));
    assertTrue(c.line("httpclient ").contains(" OK client=none"), c.line("httpclient "));
  }

  @Test
  void certOptional_clientStillVerifiesTheServer() throws Exception {
    ChildJvm c = child(pki.conf("verify_mode=CERT_OPTIONAL", "cafile=ca.pem"),
        "get:url:" + url(plain), "get:url:" + url(untrusted), "get:url:" + url(mismatch));
    assertTrue(c.line("url " + url(plain)).contains(" OK client=none"));
    assertTrue(c.line("url " + url(untrusted)).contains(" ERR "));
    assertTrue(c.line("url " + url(mismatch)).contains(" ERR "));
  }

  @Test
  void certRequired_withoutCafileTrustsTheJdkDefaultsOnly() throws Exception {
    // cacerts does not hold the test CA: the test server must be refused.
    ChildJvm c = child(pki.conf("verify_mode=CERT_REQUIRED"), "get:url:" + url(plain));
    assertTrue(c.line("url ").contains(" ERR ") && c.line("url ")
        .contains("self-signed certificate in certificate chain (verify code 19"),
        c.line("url "));
  }

  @Test
  void noArgument_configFromSystemPropertiesAndFullReplacementFile() throws Exception {
    Path security = ChildJvm.replacementSecurityFile(dir, null);
    ChildJvm c = ChildJvm.run(List.of("-Djava.security.properties==" + security,
        "-Dpemtls.config=" + pki.conf("certfile=client.pem", "keyfile=client.key",
            "cafile=/wrong/overridden.pem"),
        "-Dpemtls.cafile=" + pki.base.caFile), "info", "get:url:" + url(mutual));
    assertEquals("PemTLS", c.line("info ").split(" ")[1].substring("provider=".length()));
    assertTrue(c.line("url ").contains(" OK client=CN=test_client "), c.line("url "));
  }
}
