package dev.pemtls.cli;

import java.io.PrintStream;
import java.util.List;

final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
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
