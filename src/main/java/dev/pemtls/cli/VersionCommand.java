package dev.pemtls.cli;

import java.io.PrintStream;
import java.util.List;

final class VersionCommand implements Command {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public String summary() {
    return "TODO";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    err.println("not yet implemented");
    return 1;
  }
}
