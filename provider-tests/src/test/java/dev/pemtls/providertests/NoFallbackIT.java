package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.VerifyMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code src/conf/pemtls.security} leaves SunJSSE out, so a JVM whose class path
 * lacks the PemTLS jar (a Spring Boot {@code java -jar}, a jar in BOOT-INF/lib) has no TLS
 * ("Default SSLContext not available") instead of running silently on SunJSSE and cacerts; and
 * with the jar, PemTLS answers every factory name code asks SunJSSE for.
 */
class NoFallbackIT {
  @TempDir static Path dir;
  static Pki pki;
  static HttpsServer plain;
  static Path appJar;

  @BeforeAll
  static void setUp() throws Exception {
    pki = new Pki(dir);
    plain = pki.server(pki.base.serverChain, pki.base.serverKey, VerifyMode.CERT_NONE);
    appJar = AgentIT.appJar(dir.resolve("app.jar"));
  }

  @AfterAll
  static void stop() {
    if (plain != null) {
      plain.stop(0);
    }
  }

  private static String url() {
    return "https://localhost:" + plain.getAddress().getPort() + "/";
  }

  @Test
  void javaJar_withoutThePemTlsJar_hasNoTls_insteadOfSunJsse() throws Exception {
    Path conf = pki.conf("cafile=ca.pem");
    ChildJvm c = ChildJvm.runJava(List.of("-Djava.security.properties="
        + ChildJvm.securityFile(dir, conf), "-jar", appJar.toString(), url()), Map.of());
    assertEquals("default ERR java.security.NoSuchAlgorithmException: Default SSLContext not "
        + "available", c.line("default ").split(" <- ")[0]);
    assertEquals("sunjsse absent", c.line("sunjsse "));
    assertTrue(c.line("get ").startsWith("get ERR "), c.line("get "));
    assertTrue(c.line("providers ").startsWith("providers SUN,SunRsaSign,SunEC,SunJCE,"),
        c.line("providers "));
  }

  @Test
  void withTheJar_pemTlsAnswersSunJssesFactoryNames_initialisedWithAKeyStore()
      throws Exception {
    Path conf = pki.conf("cafile=ca.pem");
    ChildJvm c = ChildJvm.run(List.of("-Djava.security.properties="
        + ChildJvm.securityFile(dir, conf)), "info", "factories", "get:url:" + url());
    assertTrue(c.line("info ").startsWith("info provider=PemTLS "), c.line("info "));
    assertEquals("factories KeyManagerFactory.SunX509=PemTLS/1 "
        + "KeyManagerFactory.NewSunX509=PemTLS/1 KeyManagerFactory.PKIX=PemTLS/1 "
        + "TrustManagerFactory.SunX509=PemTLS/1 TrustManagerFactory.PKIX=PemTLS/1 "
        + "TrustManagerFactory.SunPKIX=PemTLS/1 TrustManagerFactory.X509=PemTLS/1 "
        + "TrustManagerFactory.X.509=PemTLS/1", c.line("factories "));
    assertTrue(c.line("url ").contains(" OK "), c.line("url "));
  }
}
