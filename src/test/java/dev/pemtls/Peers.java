package dev.pemtls;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose real peer (openssl, python3, curl) is missing, except where the environment
 * says peers are required ({@code PEMTLS_REQUIRE_PEERS=true}, set by {@code .ci/run}): there a
 * missing peer fails the test instead of hiding it.
 */
public final class Peers {
  private Peers() {}

  /** Whether {@code program} is an executable in a directory of {@code PATH}. */
  public static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #assume} that {@code program} is on the {@code PATH}. */
  public static void require(String program, String whatIsSkipped) {
    assume(onPath(program), program + " is not on the PATH; skipping " + whatIsSkipped);
  }

  public static void assume(boolean available, String message) {
    if (!available && "true".equalsIgnoreCase(System.getenv("PEMTLS_REQUIRE_PEERS"))) {
      fail(message + " (PEMTLS_REQUIRE_PEERS=true: install it; .ci/run does)");
    }
    Assumptions.assumeTrue(available, message);
  }
}
