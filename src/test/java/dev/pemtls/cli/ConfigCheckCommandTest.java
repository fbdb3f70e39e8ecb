package dev.pemtls.cli;

import dev.pemtls.internal.demo.DemoPki;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void securityOption_printsTheRenumberedProviderList() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafile=ca.pem"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, run(out, new ByteArrayOutputStream(), "config-check", "--security",
        conf.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("security.provider.1=PemTLS " + conf + "\n"
        + "security.provider.2=SUN\n"), text);
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
