package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server side in child JVMs: com.sun.net.httpserver.HttpsServer on SSLContext.getDefault()
 * (SSLEngine) and SSLServerSocketFactory.getDefault(), with CPython clients with and without a
 * client certificate, for each verify mode.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class ServerSideIT {
  @TempDir static Path dir;
  static Pki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
  }

  /** What the two servers of a child configured with {@code verifyLine} report. */
  private static List<String> serve(String... confLines) throws Exception {
    Path conf = pki.conf(confLines);
    try (ChildJvm c = ChildJvm.start(List.of("-Djava.security.properties="
        + ChildJvm.securityFile(dir, conf)), "serve")) {
      String[] ready = c.awaitLine("READY ").split(" ");
      int https = Integer.parseInt(ready[1]);
      int raw = Integer.parseInt(ready[2]);
      return List.of(
          PythonPeer.get(https, pki.base.caFile, pki.base.clientChain, pki.base.clientKey),
          PythonPeer.get(https, pki.base.caFile, null, null),
          PythonPeer.get(raw, pki.base.caFile, pki.base.clientChain, pki.base.clientKey),
          PythonPeer.get(raw, pki.base.caFile, null, null));
    }
  }

  private static final String[] SERVER = {"certfile=server.pem", "keyfile=server.key",
      "cafile=ca.pem"};

  private static String[] with(String line) {
    return new String[] {SERVER[0], SERVER[1], SERVER[2], line};
  }

  private static void assertClient(String expected, String seen) {
    assertTrue(seen.startsWith("OK client=" + expected + " "), seen);
  }

  @Test
  void unsetVerifyMode_serverAsksForNoClientCertificate() throws Exception {
    List<String> seen = serve(SERVER);
    seen.forEach(s -> assertClient("none", s));
    assertTrue(seen.get(0).contains("via=HttpsServer"), seen.get(0));
    assertTrue(seen.get(2).contains("via=SSLServerSocket"), seen.get(2));
  }

  @Test
  void certNone_serverAsksForNoClientCertificate() throws Exception {
    serve(with("verify_mode=CERT_NONE")).forEach(s -> assertClient("none", s));
  }

  @Test
  void certOptional_serverTakesAClientCertificateButNeedsNone() throws Exception {
    List<String> seen = serve(with("verify_mode=CERT_OPTIONAL"));
    assertClient("CN=test_client", seen.get(0));
    assertClient("none", seen.get(1));
    assertClient("CN=test_client", seen.get(2));
    assertClient("none", seen.get(3));
  }

  @Test
  void certRequired_serverRefusesClientsWithoutCertificate() throws Exception {
    List<String> seen = serve(with("verify_mode=CERT_REQUIRED"));
    assertClient("CN=test_client", seen.get(0));
    assertTrue(seen.get(1).startsWith("ERR "), seen.get(1));
    assertClient("CN=test_client", seen.get(2));
    assertEquals("ERR", seen.get(3).substring(0, 3), seen.get(3));
  }
}
