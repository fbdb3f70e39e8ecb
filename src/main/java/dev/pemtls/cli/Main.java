package dev.pemtls.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the {@code pemtls} command line: {@code pemtls COMMAND [ARGS...]}. */
public final class Main {
  private Main() {}

  private static Map<String, Command> commands() {
    Map<String, Command> all = new LinkedHashMap<>();
    for (Command c : List.of(
        new DemoCommand(),
        new DecodeCertCommand(),
        new CiphersCommand(),
        new SubjectHashCommand(),
        new RehashCommand(),
        new SClientCommand(),
        new SServerCommand(),
        new ConfigCheckCommand(),
        new VersionCommand())) {
      all.put(c.name(), c);
    }
    return all;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit status; used by tests without a new JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, Command> all = commands();
    if (args.length == 0 || args[0].equals("help") || args[0].equals("-h")
        || args[0].equals("--help")) {
      usage(all, args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    Command command = all.get(args[0]);
    if (command == null) {
      err.println("pemtls: unknown command '" + args[0] + "'");
      usage(all, err);
      return 2;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    try {
      return command.run(rest, out, err);
    } catch (Exception e) {
      err.println("pemtls " + command.name() + ": " + e.getMessage());
      return 1;
    }
  }

  private static void usage(Map<String, Command> all, PrintStream to) {
    to.println("usage: pemtls COMMAND [ARGS...]");
    to.println();
    for (Command c : all.values()) {
      to.printf("  %-14s %s%n", c.name(), c.summary());
    }
  }
}
