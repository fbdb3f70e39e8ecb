package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.VerifyMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java agent under {@code java -jar} of an application jar that knows nothing of PemTLS (the
 * case where a java.security entry silently ends on SunJSSE, because the provider's jar is not on
 * the system class path): {@code -javaagent:pemtls.jar=CONF} and {@code JAVA_TOOL_OPTIONS} both
 * install PemTLS before main, and a bad config leaves the JVM without TLS, not on SunJSSE.
 */
class AgentIT {
  @TempDir static Path dir;
  static Pki pki;
  static HttpsServer mutual; // requires a client certificate from the test CA
  static Path appJar;

  @BeforeAll
  static void setUp() throws Exception {
    pki = new Pki(dir);
    mutual = pki.server(pki.base.serverChain, pki.base.serverKey, VerifyMode.CERT_REQUIRED);
    appJar = appJar(dir.resolve("app.jar"));
  }

  @AfterAll
  static void stop() {
    if (mutual != null) {
      mutual.stop(0);
    }
  }

  /** A runnable jar holding {@link AgentApp}, as {@code java -jar app.jar} starts it. */
  static Path appJar(Path jar) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AgentApp.class.getName());
    String entry = AgentApp.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, m);
        InputStream in = AgentApp.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  /** The packaged pemtls.jar, its dependencies in lib/ beside it (its manifest's Class-Path). */
  static Path pemtlsJar() {
    return Path.of(System.getProperty("pemtls.test.jar", "target/pemtls.jar")).toAbsolutePath();
  }

  private static String url() {
    return "https://localhost:" + mutual.getAddress().getPort() + "/";
  }

  private static Path clientConf() throws IOException {
    return pki.conf("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem");
  }

  private static void assertPemTlsAnswered(ChildJvm c) {
    assertEquals("default PemTLS", c.line("default "), c.stderr());
    assertTrue(c.line("providers ").startsWith("providers PemTLS,SUN,"), c.line("providers "));
    assertEquals("sunjsse absent", c.line("sunjsse "));
    // The server requires a client certificate: only PemTLS's config has one to give.
    assertTrue(c.line("get ").startsWith("get OK client=CN=test_client "), c.line("get "));
  }

  @Test
  void javaagentFlag_installsPemTlsBeforeMain_underJavaJar() throws Exception {
    ChildJvm c = ChildJvm.runJava(List.of("-javaagent:" + pemtlsJar() + "=" + clientConf(),
        "-jar", appJar.toString(), url()), Map.of());
    assertPemTlsAnswered(c);
  }

  @Test
  void javaToolOptions_installsPemTlsBeforeMain_underJavaJar() throws Exception {
    ChildJvm c = ChildJvm.runJava(List.of("-jar", appJar.toString(), url()),
        Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + pemtlsJar() + "=" + clientConf()));
    assertTrue(c.stderr().contains("Picked up JAVA_TOOL_OPTIONS"), c.stderr());
    assertPemTlsAnswered(c);
  }

  @Test
  void systemPropertyOverride_appliesUnderTheAgent_andABadValueFailsClosed() throws Exception {
    ChildJvm c = ChildJvm.runJava(List.of("-javaagent:" + pemtlsJar() + "=" + clientConf(),
        "-Dpemtls.cafile=/nonexistent/ca.pem", "-jar", appJar.toString(), url()), Map.of());
    String first = c.line("default ");
    assertTrue(first.startsWith("default ERR java.security.ProviderException: PemTLS: bad "
        + "configuration in system property -Dpemtls.cafile: "), first);
    assertTrue(first.contains("/nonexistent/ca.pem"), first);
    assertEquals("sunjsse absent", c.line("sunjsse "));
    assertTrue(c.line("get ").startsWith("get ERR java.security.ProviderException: PemTLS: "),
        c.line("get "));
    assertTrue(c.stderr().contains("TLS is OFF in this JVM"), c.stderr());
  }

  @Test
  void missingConfigFile_failsClosed_noSunJsse() throws Exception {
    ChildJvm c = ChildJvm.runJava(List.of("-javaagent:" + pemtlsJar() + "=" + dir.resolve(
        "missing.conf"), "-jar", appJar.toString(), url()), Map.of());
    assertTrue(c.line("default ").startsWith("default ERR java.security.ProviderException: "
        + "PemTLS: the configuration file " + dir.resolve("missing.conf") + " (named by the "
        + "provider argument) does not exist"), c.line("default "));
    assertTrue(c.line("providers ").startsWith("providers PemTLS,SUN,"), c.line("providers "));
    assertEquals("sunjsse absent", c.line("sunjsse "));
    assertTrue(c.line("get ").startsWith("get ERR "), c.line("get "));
  }
}
