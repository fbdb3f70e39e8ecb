package dev.pemtls.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.jsse.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code options} config key: Python's OP_ names set, and with '-' cleared. */
class ConfigOptionsTest {
  @TempDir static Path dir;
  static DemoPki.DemoFiles pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = DemoPki.create(dir, "EC");
  }

  private static Settings settings(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return Configured.build(Config.load(f.toString(), new Properties()), Map.of()).settings();
  }

  @Test
  void options_setAndClearFlags_onTopOfPythonsDefault() throws IOException {
    Settings s = settings("cafile=" + pki.caFile(),
        "options = NO_TLSv1_3, -OP_CIPHER_SERVER_PREFERENCE");
    assertEquals(List.of("TLSv1.2"), s.protocols());
    assertFalse(s.cipherServerPreference());
    Settings byDefault = settings("cafile=" + pki.caFile());
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), byDefault.protocols());
    assertTrue(byDefault.cipherServerPreference());
  }

  @Test
  void options_thatCannotBeHonoured_stopTheProvider_namingTheKey() throws IOException {
    ProviderException e = assertThrows(ProviderException.class,
        () -> settings("cafile=" + pki.caFile(), "options=-NO_TICKET"));
    assertTrue(e.getMessage().contains("key 'options'") && e.getMessage().contains(
        "OP_NO_TICKET cannot be cleared"), e.getMessage());
    ProviderException unknown = assertThrows(ProviderException.class,
        () -> settings("cafile=" + pki.caFile(), "options=NO_TLSV1_4"));
    assertTrue(unknown.getMessage().contains("unknown option 'NO_TLSV1_4'"),
        unknown.getMessage());
  }

  @Test
  void options_leavingNoVersion_stopTheProvider() throws IOException {
    ProviderException e = assertThrows(ProviderException.class,
        () -> settings("cafile=" + pki.caFile(), "options=NO_TLSv1_2|NO_TLSv1_3"));
    assertTrue(e.getMessage().contains("leave no TLS version"), e.getMessage());
  }
}
