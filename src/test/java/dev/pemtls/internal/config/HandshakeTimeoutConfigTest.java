package dev.pemtls.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's handshake_timeout key reaches the settings; bad values name the key. */
class HandshakeTimeoutConfigTest {
  @TempDir Path dir;

  private Duration timeout(String... lines) throws Exception {
    Path f = Files.write(dir.resolve("t.conf"), List.of(lines));
    return Configured.build(Config.load(f.toString(), new Properties()), Map.of()).settings()
        .handshakeTimeout();
  }

  @Test
  void unset_isThe30SecondDefault() throws Exception {
    assertEquals(Duration.ofSeconds(30), timeout("# nothing"));
  }

  @Test
  void decimalSeconds_areHonoured_andZeroMeansNone() throws Exception {
    assertEquals(Duration.ofMillis(2500), timeout("handshake_timeout=2.5"));
    assertEquals(Duration.ZERO, timeout("handshake_timeout=0"));
  }

  @Test
  void negativeOrNonNumeric_isAnErrorNamingTheKey() {
    for (String bad : List.of("-1", "30s", "1e9")) {
      ProviderException e = assertThrows(ProviderException.class,
          () -> timeout("handshake_timeout=" + bad));
      assertTrue(e.getMessage().contains("handshake_timeout") && e.getMessage().contains(bad),
          e.getMessage());
    }
  }
}
