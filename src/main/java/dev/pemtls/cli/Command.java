package dev.pemtls.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code pemtls} sub-command. Each lives in its own class, registered in {@link Main}. */
interface Command {
  /** The word on the command line, e.g. {@code decode-cert}. */
  String name();

  /** One line for {@code pemtls help}. */
  String summary();

  /**
   * Runs the command.
   *
   * @return the process exit status
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
