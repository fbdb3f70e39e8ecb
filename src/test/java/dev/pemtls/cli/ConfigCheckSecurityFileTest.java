package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config-check --security FILE}: the security file's PemTLS entry must name a readable
 * config, which is then checked; each problem names the entry's key and line and the fix.
 */
class ConfigCheckSecurityFileTest {
  @TempDir Path dir;

  /** The shipped src/conf/pemtls.security with its PemTLS entry replaced by {@code entry}. */
  private Path securityFile(String entry) throws Exception {
    String text = Files.readString(Path.of("src/conf/pemtls.security"))
        .replaceAll("(?m)^security\\.provider\\.1=PemTLS.*$", "security.provider.1=" + entry);
    return Files.writeString(dir.resolve("pemtls.security"), text);
  }

  private static int lineOf(Path file, String prefix) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError(prefix + " not in " + file);
  }

  @Test
  void entryNamingAMissingConfig_isAnErrorWithItsLine() throws Exception {
    Path security = securityFile("PemTLS " + dir.resolve("absent.conf"));
    CliRun r = CliRun.of("config-check", "--security", security.toString());
    assertEquals(1, r.status(), r.out());
    int line = lineOf(security, "security.provider.1=");
    assertTrue(r.out().contains("ERROR: security.provider.1 (line " + line + " of " + security
        + ") names " + dir.resolve("absent.conf") + ", which does not exist; give the absolute "
        + "path of the pemtls.conf"), r.out());
  }

  @Test
  void entryNamingADirectory_isAnError() throws Exception {
    Path security = securityFile("PemTLS " + dir);
    CliRun r = CliRun.of("config-check", "--security", security.toString());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("which is a directory; name a pemtls.conf"), r.out());
  }

  @Test
  void entryWithoutConfig_warnsThatTheJvmsPropertiesDecide() throws Exception {
    Path security = securityFile("PemTLS");
    CliRun r = CliRun.of("config-check", "--security", security.toString());
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().contains("WARNING: security.provider.1 (line "), r.out());
    assertTrue(r.out().contains("names no config file: the provider then reads "
        + "-Dpemtls.config=FILE"), r.out());
  }

  @Test
  void entryWithABadConfig_reportsTheConfigsError() throws Exception {
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafle=ca.pem"));
    CliRun r = CliRun.of("config-check", "--security", securityFile("PemTLS " + conf)
        .toString());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.err().contains("unknown key 'cafle' (did you mean 'cafile'?)"), r.err());
  }

  @Test
  void relativeConfigPath_isCheckedWithAWarning() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafile=" + dir.resolve(
        "ca.pem")));
    Path relative = Path.of("").toAbsolutePath().relativize(conf);
    CliRun r = CliRun.of("config-check", "--security", securityFile("PemTLS " + relative)
        .toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("names the relative path " + relative + ": the JVM resolves it "
        + "against its own working directory"), r.out());
    assertTrue(r.out().contains("config: " + conf), r.out());
  }

  @Test
  void confOtherThanTheEntrys_isCheckedWithAWarning() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("other.conf"), List.of("cafile=ca.pem"));
    Path security = securityFile("PemTLS /etc/pemtls/elsewhere.conf");
    CliRun r = CliRun.of("config-check", "--security", security.toString(), conf.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("names /etc/pemtls/elsewhere.conf, but " + conf
        + " is checked here"), r.out());
    assertTrue(r.out().contains("config: " + conf), r.out());
  }

  @Test
  void pemtlsConfGivenAsSecurityFile_isRefusedPointingToPlainConfigCheck() throws Exception {
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafile=ca.pem"));
    CliRun r = CliRun.of("config-check", "--security", conf.toString());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.err().contains("has no security.provider.N entries: it is not a security "
        + "file; to check a pemtls.conf, give it without --security: pemtls config-check "
        + conf), r.err());
    assertFalse(r.out().contains("ERROR: SUN"), r.out());
  }
}
