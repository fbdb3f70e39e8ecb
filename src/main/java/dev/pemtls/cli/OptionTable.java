package dev.pemtls.cli;

import dev.pemtls.internal.config.DidYouMean;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command's options, each with a one-line description: the same table parses the command
 * line ({@link #parse}) and prints the command's {@code -help} ({@link #printUsage}), so the two
 * cannot drift. {@code -help} and {@code --help} are in every table. Options are openssl-style
 * ({@code -name value}, {@code -flag}) in any order among the operands; {@code --} ends them.
 */
final class OptionTable {
  /** One option: {@code arg} names its value ({@code FILE}), or is null for a flag. */
  record Entry(String name, String arg, String description) {}

  static final List<String> HELP = List.of("-help", "--help");

  private final String command;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private String operands = "";
  private int minOperands;
  private int maxOperands;

  OptionTable(String command) {
    this.command = command;
  }

  /** An option without a value. */
  OptionTable flag(String name, String description) {
    return add(new Entry(name, null, description));
  }

  /** An option followed by a value, shown as {@code arg} in the usage. */
  OptionTable value(String name, String arg, String description) {
    if (arg == null || arg.isBlank()) {
      throw new IllegalArgumentException(command + " " + name + ": name its value");
    }
    return add(new Entry(name, arg, description));
  }

  /**
   * The operands after the options: {@code synopsis} for the usage line ({@code FILE...}), and
   * how many there may be (default none).
   */
  OptionTable operands(String synopsis, int min, int max) {
    this.operands = synopsis;
    this.minOperands = min;
    this.maxOperands = max;
    return this;
  }

  private OptionTable add(Entry e) {
    if (!e.name().startsWith("-") || HELP.contains(e.name())) {
      throw new IllegalArgumentException(command + ": bad option name " + e.name());
    }
    if (e.description() == null || e.description().isBlank()) {
      throw new IllegalArgumentException(command + " " + e.name() + ": describe the option");
    }
    if (entries.putIfAbsent(e.name(), e) != null) {
      throw new IllegalArgumentException(command + ": option " + e.name() + " twice");
    }
    return this;
  }

  /** Every option the table parses, in usage order, {@code -help} included. */
  List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    all.add(new Entry("-help", null, "print this summary and exit (also --help)"));
    all.addAll(entries.values());
    return all;
  }

  /**
   * Parses {@code args}. {@code -help} or {@code --help} in option position returns at once with
   * {@link Options#help()} set.
   *
   * @throws UsageError for an unknown option (naming the nearest known one), a missing value, or
   *     too few or too many operands
   */
  Options parse(List<String> args) {
    Options o = new Options();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      Entry e = entries.get(a);
      if (optionsEnded || a.equals("-") || !a.startsWith("-")) {
        o.operands().add(a);
      } else if (a.equals("--")) {
        optionsEnded = true;
      } else if (HELP.contains(a)) {
        o.requestHelp();
        return o;
      } else if (e == null) {
        List<String> known = new ArrayList<>(entries.keySet());
        known.addAll(HELP);
        String near = DidYouMean.closest(a, known);
        throw new UsageError("unknown option " + a
            + (near == null ? "" : " (did you mean " + near + "?)"));
      } else if (e.arg() == null) {
        o.setFlag(a);
      } else if (i + 1 >= args.size()) {
        throw new UsageError("option " + a + " needs a value: " + a + " " + e.arg());
      } else {
        o.setValue(a, args.get(++i));
      }
    }
    int n = o.operands().size();
    if (n < minOperands) {
      throw new UsageError("missing " + operands.replace("[", "").replace("]", "")
          + ": usage: " + synopsis());
    }
    if (n > maxOperands) {
      throw new UsageError((maxOperands == 0 ? "takes no operands" : "too many operands")
          + ", '" + o.operands().get(maxOperands) + "' is extra: usage: " + synopsis());
    }
    return o;
  }

  /** {@code pemtls NAME [options] OPERANDS}. */
  String synopsis() {
    return "pemtls " + command + " [options]" + (operands.isEmpty() ? "" : " " + operands);
  }

  /** The usage: synopsis, summary, then one line per option, as openssl's {@code -help}. */
  void printUsage(PrintStream out, String summary) {
    out.println("usage: " + synopsis());
    out.println(summary);
    out.println("options:");
    List<Entry> all = entries();
    int width = 0;
    for (Entry e : all) {
      width = Math.max(width, left(e).length());
    }
    for (Entry e : all) {
      out.printf(" %-" + width + "s  %s%n", left(e), e.description());
    }
  }

  private static String left(Entry e) {
    return e.arg() == null ? e.name() : e.name() + " " + e.arg();
  }
}
