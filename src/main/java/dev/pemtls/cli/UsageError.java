package dev.pemtls.cli;

/**
 * A command line the command cannot run: an unknown option, a missing or bad value, missing or
 * extra operands. {@link Main} prints its message as one line on standard error and exits 1.
 */
final class UsageError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }
}
