package dev.pemtls.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * openssl-style command-line options: {@code -name value} and {@code -flag}, single dash, in any
 * order. Unknown options are errors naming the option and listing the known ones.
 */
final class Options {
  private final Map<String, String> values = new HashMap<>();
  private final List<String> flags = new ArrayList<>();
  private final List<String> operands = new ArrayList<>();

  private Options() {}

  /**
   * @param withValue options that take a value, e.g. "-connect"
   * @param flagsAllowed options without a value, e.g. "-quiet"
   */
  static Options parse(List<String> args, Set<String> withValue, Set<String> flagsAllowed) {
    Options o = new Options();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (withValue.contains(a)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        o.values.put(a, args.get(++i));
      } else if (flagsAllowed.contains(a)) {
        o.flags.add(a);
      } else if (a.startsWith("-") && a.length() > 1) {
        List<String> known = new ArrayList<>(withValue);
        known.addAll(flagsAllowed);
        java.util.Collections.sort(known);
        throw new IllegalArgumentException("unknown option " + a + "; known options: "
            + String.join(" ", known));
      } else {
        o.operands.add(a);
      }
    }
    return o;
  }

  String get(String name) {
    return values.get(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean has(String flag) {
    return flags.contains(flag) || values.containsKey(flag);
  }

  List<String> operands() {
    return operands;
  }

  int intValue(String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + name + " needs a number, not '" + v + "'");
    }
  }
}
