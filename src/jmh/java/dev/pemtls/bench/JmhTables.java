package dev.pemtls.bench;

import dev.pemtls.testing.MiniJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns JMH's JSON result ({@code target/jmh-result.json}) into Markdown tables, one per
 * benchmark class: one row per benchmark method and parameter values other than {@code impl}, the
 * score ± JMH's 99.9 % error of each implementation, and the ratios PemTLS/SunJSSE and
 * PemTLS/BCJSSE of the scores. Secondary results (ResumptionBench's {@code resumed} and {@code
 * full}) are totals over the measurement iterations. Classes without {@code impl} get one score
 * column.
 *
 * <p>{@code java dev.pemtls.bench.JmhTables [result.json [tables.md]]}: defaults
 * target/jmh-result.json and target/jmh-tables.md; the tables are also printed.
 */
public final class JmhTables {
  private static final Map<String, String> IMPLS = new LinkedHashMap<>();

  static {
    IMPLS.put("pemtls", "PemTLS");
    IMPLS.put("sunjsse", "SunJSSE");
    IMPLS.put("bcjsse", "BCJSSE on BC");
  }

  /** Parameter columns in this order (JMH sorts them by name), the others after them. */
  private static final List<String> COLUMNS =
      List.of("version", "key", "clientAuth", "direction", "writeSize");

  /** Where the score's unit is not JMH's: BulkBench counts one op per MiB moved. */
  private static final Map<String, String> UNITS = Map.of("BulkBench", "MiB/s");

  private JmhTables() {}

  /** One JMH result: a benchmark method with one set of parameter values. */
  private record Result(String bench, String method, Map<String, String> params, double score,
      double error, String unit, String mode, Map<String, Double> secondary) {}

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args.length > 0 ? args[0] : "target/jmh-result.json");
    Path out = Path.of(args.length > 1 ? args[1] : "target/jmh-tables.md");
    String md = render((List<?>) MiniJson.parse(Files.readString(in)));
    Files.writeString(out, md);
    System.out.print(md);
    System.out.println("(written to " + out + ")");
  }

  static String render(List<?> json) {
    Map<String, List<Result>> byBench = new LinkedHashMap<>();
    String about = "";
    for (Object o : json) {
      Map<?, ?> r = (Map<?, ?>) o;
      Result res = result(r);
      byBench.computeIfAbsent(res.bench, k -> new ArrayList<>()).add(res);
      about = "JMH " + r.get("jmhVersion") + ", " + r.get("vmName") + " " + r.get("vmVersion");
    }
    StringBuilder md = new StringBuilder("<!-- from JmhTables: " + about + " -->\n");
    byBench.forEach((bench, results) -> table(md, bench, results));
    return md.toString();
  }

  private static Result result(Map<?, ?> r) {
    String full = (String) r.get("benchmark");
    String[] parts = full.split("\\.");
    Map<String, String> params = new LinkedHashMap<>();
    if (r.get("params") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
    }
    Map<?, ?> primary = (Map<?, ?>) r.get("primaryMetric");
    Map<String, Double> secondary = new LinkedHashMap<>();
    if (r.get("secondaryMetrics") instanceof Map<?, ?> s) {
      s.forEach((name, m) -> secondary.put((String) name, total((Map<?, ?>) m)));
    }
    String bench = parts[parts.length - 2];
    String unit = UNITS.getOrDefault(bench, (String) primary.get("scoreUnit"));
    return new Result(bench, parts[parts.length - 1], params, number(primary.get("score")),
        number(primary.get("scoreError")), unit, (String) r.get("mode"), secondary);
  }

  /** A secondary metric's sum over all iterations (its raw data), e.g. events counted. */
  private static double total(Map<?, ?> metric) {
    double sum = 0;
    for (Object fork : (List<?>) metric.get("rawData")) {
      for (Object v : (List<?>) fork) {
        sum += number(v);
      }
    }
    return sum;
  }

  private static double number(Object v) {
    return v instanceof Double d ? d : Double.NaN; // JMH writes NaN as "NaN"
  }

  private static void table(StringBuilder md, String bench, List<Result> results) {
    Set<String> methods = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    Set<String> secondaries = new LinkedHashSet<>();
    for (Result r : results) {
      methods.add(r.method);
      keys.addAll(r.params.keySet());
      secondaries.addAll(r.secondary.keySet());
    }
    boolean perImpl = keys.remove("impl");
    List<String> ordered = new ArrayList<>(COLUMNS);
    ordered.retainAll(keys);
    keys.forEach(k -> {
      if (!ordered.contains(k)) {
        ordered.add(k);
      }
    });
    keys = new LinkedHashSet<>(ordered);
    Map<List<String>, Map<String, Result>> rows = new LinkedHashMap<>();
    for (Result r : sorted(results, ordered)) {
      List<String> row = new ArrayList<>();
      if (methods.size() > 1) {
        row.add(r.method);
      }
      keys.forEach(k -> row.add(r.params.getOrDefault(k, "")));
      rows.computeIfAbsent(row, k -> new LinkedHashMap<>())
          .put(perImpl ? r.params.get("impl") : "", r);
    }
    Result first = results.get(0);
    md.append("\n### ").append(bench).append(" (").append(first.unit)
        .append(first.mode.equals("thrpt") ? ", higher is better" : ", lower is better")
        .append(")\n\n");
    List<String> header = new ArrayList<>();
    if (methods.size() > 1) {
      header.add("benchmark");
    }
    header.addAll(keys);
    if (perImpl) {
      header.addAll(IMPLS.values());
      header.add("PemTLS / SunJSSE");
      header.add("PemTLS / BCJSSE");
      secondaries.forEach(s -> header.add(s + " (" + String.join(" / ", IMPLS.values()) + ")"));
    } else {
      header.add("score");
      header.addAll(secondaries);
    }
    line(md, header);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      rule.add(i < header.size() - (perImpl ? 5 + secondaries.size() : 1 + secondaries.size())
          ? "---" : "---:");
    }
    line(md, rule);
    rows.forEach((row, byImpl) -> {
      List<String> cells = new ArrayList<>(row);
      if (perImpl) {
        IMPLS.keySet().forEach(impl -> cells.add(score(byImpl.get(impl))));
        cells.add(ratio(byImpl.get("pemtls"), byImpl.get("sunjsse")));
        cells.add(ratio(byImpl.get("pemtls"), byImpl.get("bcjsse")));
        for (String s : secondaries) {
          List<String> totals = new ArrayList<>();
          IMPLS.keySet().forEach(impl -> totals.add(secondary(byImpl.get(impl), s)));
          cells.add(String.join(" / ", totals));
        }
      } else {
        Result r = byImpl.get("");
        cells.add(score(r));
        secondaries.forEach(s -> cells.add(secondary(r, s)));
      }
      line(md, cells);
    });
  }

  /**
   * {@code results} sorted by method, then by each column's values in the order they first
   * appear (JMH runs a parameter's values in their declared order).
   */
  private static List<Result> sorted(List<Result> results, List<String> columns) {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    for (Result r : results) {
      seen.computeIfAbsent("", k -> new ArrayList<>()).add(r.method);
      columns.forEach(c -> seen.computeIfAbsent(c, k -> new ArrayList<>())
          .add(r.params.getOrDefault(c, "")));
    }
    Comparator<Result> order = Comparator.comparingInt(r -> seen.get("").indexOf(r.method));
    for (String c : columns) {
      order = order.thenComparingInt(r -> seen.get(c).indexOf(r.params.getOrDefault(c, "")));
    }
    List<Result> out = new ArrayList<>(results);
    out.sort(order);
    return out;
  }

  private static void line(StringBuilder md, List<String> cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static String score(Result r) {
    if (r == null) {
      return "–";
    }
    return Double.isNaN(r.error) ? format(r.score) : format(r.score) + " ± " + format(r.error);
  }

  private static String ratio(Result a, Result b) {
    return a == null || b == null || b.score == 0 ? "–"
        : "**" + String.format(Locale.ROOT, "%.2f", a.score / b.score) + "**";
  }

  private static String secondary(Result r, String name) {
    Double v = r == null ? null : r.secondary.get(name);
    return v == null ? "–" : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** Three significant digits or more, no exponent: 1,234 / 123 / 12.3 / 1.23 / 0.0523. */
  static String format(double x) {
    double a = Math.abs(x);
    String f = a >= 1000 ? "%,.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f"
        : "%.3g";
    return String.format(Locale.ROOT, f, x);
  }
}
