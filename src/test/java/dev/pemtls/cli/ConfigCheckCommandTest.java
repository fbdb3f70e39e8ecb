package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
  @TempDir Path dir;

  private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void goodConfig_printsWhatItWouldDoForBothSides() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("certfile=server.pem",
        "keyfile=server.key", "cafile=ca.pem", "verify_mode=CERT_OPTIONAL"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, run(out, new ByteArrayOutputStream(), "config-check", conf.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("identity: CN=localhost (2 certificate(s), EC key"), text);
    assertTrue(text.contains("server side: CERT_OPTIONAL"), text);
    assertTrue(text.contains("protocols: TLSv1.3, TLSv1.2"), text);
  }

  @Test
  void printSecurity_printsTheRenumberedProviderListWithoutSunJsse() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafile=ca.pem"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, run(out, new ByteArrayOutputStream(), "config-check", "--print-security",
        conf.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("security.provider.1=PemTLS " + conf + "\n"
        + "security.provider.2=SUN\n"), text);
    assertFalse(text.contains("SunJSSE\n"), text);
    // What it prints passes its own check.
    Path security = Files.writeString(dir.resolve("printed.security"), text);
    ByteArrayOutputStream checked = new ByteArrayOutputStream();
    assertEquals(0, run(checked, new ByteArrayOutputStream(), "config-check", "--security",
        security.toString()), checked.toString(StandardCharsets.UTF_8));
  }

  /** The shipped src/conf/pemtls.security, pointing at {@code conf}. */
  private Path shippedSecurityFile(Path conf) throws Exception {
    String text = Files.readString(Path.of("src/conf/pemtls.security"))
        .replace("/etc/pemtls/pemtls.conf", conf.toString());
    return Files.writeString(dir.resolve("pemtls.security"), text);
  }

  @Test
  void security_shippedFile_isOk_andChecksTheConfigItNames() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafile=ca.pem"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, run(out, new ByteArrayOutputStream(), "config-check", "--security",
        shippedSecurityFile(conf).toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("OK: PemTLS answers TLS and nothing can fall back to SunJSSE"),
        text);
    assertTrue(text.contains("config: " + conf), text);
    assertFalse(text.contains("ERROR"), text);
  }

  @Test
  void security_oneLineFile_reportsMissingSunAndFallbackToSunJsse() throws Exception {
    Path security = Files.write(dir.resolve("one.security"),
        List.of("security.provider.1=PemTLS"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(1, run(out, new ByteArrayOutputStream(), "config-check", "--security",
        security.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ERROR: SUN is not in the list"), text);
    assertTrue(text.contains("ERROR: SunJSSE is in the list (4.)"), text);
  }

  @Test
  void security_withoutPemTls_andWithAGap_areErrors() throws Exception {
    Path security = Files.write(dir.resolve("gap.security"), List.of(
        "security.provider.14=PemTLS /etc/pemtls/pemtls.conf"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(1, run(out, new ByteArrayOutputStream(), "config-check", "--security",
        security.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ERROR: security.provider.14=PemTLS /etc/pemtls/pemtls.conf is "
        + "ignored: the JDK stops reading the list at the first missing number "
        + "(security.provider.13)"), text);
    assertTrue(text.contains("ERROR: PemTLS is not in the list: SunJSSE answers TLS"), text);
  }

  @Test
  void badConfig_exitsOneWithTheProviderMessage() throws Exception {
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("capth=/etc/ssl/certs"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, run(new ByteArrayOutputStream(), err, "config-check", conf.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "unknown key 'capth' (did you mean 'capath'?)"), err.toString(StandardCharsets.UTF_8));
  }
}
