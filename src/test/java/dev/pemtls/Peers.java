package dev.pemtls;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose real peer (openssl, python3, curl) is missing, except where the environment
 * says peers are required ({@code PEMTLS_REQUIRE_PEERS=true}, set by {@code .ci/run}): there a
 * missing peer fails the test instead of hiding it.
 */
public final class Peers {
  private Peers() {}

  public static void assume(boolean available, String message) {
    if (!available && "true".equalsIgnoreCase(System.getenv("PEMTLS_REQUIRE_PEERS"))) {
      fail(message + " (PEMTLS_REQUIRE_PEERS=true: install it; .ci/run does)");
    }
    Assumptions.assumeTrue(available, message);
  }
}
