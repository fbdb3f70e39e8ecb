package dev.pemtls.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadIntervalConfigTest {
  @TempDir Path dir;

  private Config load(String... lines) throws Exception {
    Path f = Files.write(dir.resolve("pemtls.conf"), List.of(lines));
    return Config.load(f.toString(), new Properties());
  }

  @Test
  void reloadInterval_defaultsToFiveSeconds_andZeroTurnsItOff() throws Exception {
    assertEquals(Duration.ofSeconds(5), load().reloadInterval());
    assertEquals(Duration.ZERO, load("reload_interval=0").reloadInterval());
    assertEquals(Duration.ofSeconds(30), load("reload_interval=30").reloadInterval());
  }

  @Test
  void reloadInterval_notAWholeNumberOfSeconds_isAnErrorNamingTheKeyAndTheFix()
      throws Exception {
    for (String bad : new String[] {"5s", "-1", "1.5", "100000"}) {
      ProviderException e = assertThrows(ProviderException.class,
          () -> load("reload_interval=" + bad));
      assertTrue(e.getMessage().contains("key 'reload_interval'")
          && e.getMessage().contains("'" + bad + "'")
          && e.getMessage().contains("0 to turn reloading off"), e.getMessage());
    }
  }
}
