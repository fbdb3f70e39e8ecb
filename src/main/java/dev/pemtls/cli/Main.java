package dev.pemtls.cli;

import dev.pemtls.internal.config.DidYouMean;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the {@code pemtls} command line: {@code pemtls COMMAND [ARGS...]}.
 *
 * <p>Exit status: 0 on success and for {@code -help}; 1 for a usage error (one line on standard
 * error naming the bad option and the nearest known one) and for a failure; {@code rehash}
 * returns its number of errors, as {@code openssl rehash} does, and {@code verify} 2 when a
 * certificate fails, as {@code openssl verify}.
 */
public final class Main {
  private Main() {}

  /** Every command, in {@code pemtls help} order. */
  static Map<String, Command> commands() {
    Map<String, Command> all = new LinkedHashMap<>();
    for (Command c : List.of(
        new DemoCommand(),
        new DecodeCertCommand(),
        new CiphersCommand(),
        new X509Command(),
        new VerifyCommand(),
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
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs one command and returns its exit status; used by tests without a new JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, reading standard input from {@code in}. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Map<String, Command> all = commands();
    if (args.length == 0) {
      usage(all, err);
      return 1;
    }
    String word = args[0];
    if (word.equals("help") || word.equals("-help") || word.equals("--help")
        || word.equals("-h")) {
      if (args.length == 1) {
        usage(all, out);
        return 0;
      }
      Command c = all.get(args[1]);
      if (c == null || args.length > 2) {
        err.println(c == null ? unknownCommand(args[1], all)
            : "pemtls help: takes one command; '" + args[2] + "' is extra");
        return 1;
      }
      c.options().printUsage(out, c.summary());
      return 0;
    }
    Command command = all.get(word);
    if (command == null) {
      err.println(unknownCommand(word, all));
      return 1;
    }
    try {
      Options o = command.options().parse(Arrays.asList(args).subList(1, args.length));
      if (o.help()) {
        command.options().printUsage(out, command.summary());
        return 0;
      }
      return command.run(o, in, out, err);
    } catch (UsageError e) {
      err.println("pemtls " + command.name() + ": " + e.getMessage() + "; 'pemtls "
          + command.name() + " -help' lists the options");
      return 1;
    } catch (Exception e) {
      err.println("pemtls " + command.name() + ": " + e.getMessage());
      return 1;
    }
  }

  private static String unknownCommand(String word, Map<String, Command> all) {
    String near = DidYouMean.closest(word, all.keySet());
    return "pemtls: unknown command '" + word + "'"
        + (near == null ? "" : " (did you mean '" + near + "'?)")
        + "; 'pemtls help' lists the commands";
  }

  private static void usage(Map<String, Command> all, PrintStream to) {
    to.println("usage: pemtls COMMAND [ARGS...]");
    to.println("'pemtls COMMAND -help' or 'pemtls help COMMAND' lists a command's options.");
    to.println();
    for (Command c : all.values()) {
      to.printf("  %-14s %s%n", c.name(), c.summary());
    }
  }
}
