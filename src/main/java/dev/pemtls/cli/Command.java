package dev.pemtls.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** One {@code pemtls} sub-command. Each lives in its own class, registered in {@link Main}. */
interface Command {
  /** The word on the command line, e.g. {@code decode-cert}. */
  String name();

  /** One line for {@code pemtls help}, and the second line of the command's usage. */
  String summary();

  /** The options it parses; {@link Main} parses with it and prints its usage for -help. */
  OptionTable options();

  /**
   * Runs the command on its parsed command line.
   *
   * @return the process exit status
   * @throws UsageError for a value the table cannot check (exit 1, one line)
   */
  int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception;
}
