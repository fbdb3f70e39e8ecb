package dev.pemtls.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed command line ({@link OptionTable#parse}): values, flags and operands. */
final class Options {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> operands = new ArrayList<>();
  private final List<String> order = new ArrayList<>();
  private boolean help;

  void setValue(String name, String value) {
    values.put(name, value);
    order.add(name);
  }

  void setFlag(String name) {
    flags.add(name);
    order.add(name);
  }

  void requestHelp() {
    help = true;
  }

  /** Whether {@code -help} or {@code --help} was given. */
  boolean help() {
    return help;
  }

  String get(String name) {
    return values.get(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean has(String option) {
    return flags.contains(option) || values.containsKey(option);
  }

  /** Every option given, flags and values, in command-line order (repeats included). */
  List<String> order() {
    return order;
  }

  List<String> operands() {
    return operands;
  }

  /** The value of {@code name} as a number, {@code fallback} when not given. */
  int intValue(String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageError("option " + name + " needs a number, not '" + v + "'");
    }
  }

  /** Throws a usage error when both of two options that exclude each other are given. */
  void exclusive(String a, String b) {
    if (has(a) && has(b)) {
      throw new UsageError("options " + a + " and " + b + " exclude each other; give one");
    }
  }
}
