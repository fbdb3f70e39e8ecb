package dev.pemtls.bench.startup;

import static dev.pemtls.bench.startup.Measurements.BC_CLASSES;
import static dev.pemtls.bench.startup.Measurements.CLASSES;
import static dev.pemtls.bench.startup.Measurements.CPU_MS;
import static dev.pemtls.bench.startup.Measurements.DEFAULT_MS;
import static dev.pemtls.bench.startup.Measurements.FIRST_HANDSHAKE_MS;
import static dev.pemtls.bench.startup.Measurements.HANDSHAKES_PER_S;
import static dev.pemtls.bench.startup.Measurements.KIB_PER_CONNECTION;
import static dev.pemtls.bench.startup.Measurements.PEMTLS_CLASSES;
import static dev.pemtls.bench.startup.Measurements.RECONNECT_MS;
import static dev.pemtls.bench.startup.Measurements.RESUMED;
import static dev.pemtls.bench.startup.Measurements.RSS_MIB;
import static dev.pemtls.bench.startup.Measurements.STEADY_PER_S;
import static dev.pemtls.bench.startup.Measurements.WALL_MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Markdown result: one row per measurement (two for the start-up ones: PemTLS by security
 * file, then by agent, against the same SunJSSE and BCJSSE medians), medians over the rounds,
 * and the ratios PemTLS / SunJSSE and PemTLS / BCJSSE; the agent rows also against SunJSSE
 * started with an agent that does nothing (what the JVM charges for any agent); then every
 * round's values.
 */
final class Report {
  /** A table row: its label, metric, decimals, and whether both PemTLS forms get a row. */
  private record Row(String label, String metric, int decimals, boolean agentToo) {}

  private static final List<Row> ROWS = List.of(
      new Row("`SSLContext.getDefault()` in a fresh JVM, ms", DEFAULT_MS, 1, true),
      new Row("JVM start to first HTTPS response and exit (wall, parent), ms", WALL_MS, 0, true),
      new Row("child CPU, user + sys, at exit, ms", CPU_MS, 0, true),
      new Row("child peak RSS (VmHWM), MiB", RSS_MIB, 1, true),
      new Row("loaded classes at exit (ClassLoadingMXBean)", CLASSES, 0, true),
      new Row("… of them `org.bouncycastle.*` (-Xlog:class+load)", BC_CLASSES, 0, true),
      new Row("… of them `dev.pemtls.*`", PEMTLS_CLASSES, 0, true),
      new Row("mutual TLS 1.3 full handshakes/s, from JVM start (higher is better)",
          HANDSHAKES_PER_S, 1, false),
      new Row("… the first of them done, ms from JVM start", FIRST_HANDSHAKE_MS, 0, false),
      new Row("… handshakes/s from the first to the last in the window (higher is better)",
          STEADY_PER_S, 1, false),
      new Row("heap per idle TLS 1.3 connection, client + server, KiB", KIB_PER_CONNECTION, 1,
          false),
      new Row("sequential GETs, no keep-alive, TLS 1.3: total ms", RECONNECT_MS + "TLSv1.3", 0,
          false),
      new Row("… of them resumed (TLS 1.3)", RESUMED + "TLSv1.3", 0, false),
      new Row("sequential GETs, no keep-alive, TLS 1.2: total ms", RECONNECT_MS + "TLSv1.2", 0,
          false),
      new Row("… of them resumed (TLS 1.2)", RESUMED + "TLSv1.2", 0, false));

  private Report() {}

  static String table(Samples s) {
    StringBuilder b = new StringBuilder();
    b.append("| measurement | rounds | PemTLS | SunJSSE | BCJSSE | PemTLS / SunJSSE "
        + "| PemTLS / BCJSSE | SunJSSE, no-op agent | PemTLS agent / SunJSSE, no-op agent |\n");
    b.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Row r : ROWS) {
      if (java.util.Arrays.stream(Impl.values()).allMatch(i -> s.of(r.metric, i).isEmpty())) {
        continue; // not selected in this run
      }
      row(b, s, r, Impl.PEMTLS, r.agentToo ? " — security file" : "");
      if (r.agentToo) {
        row(b, s, r, Impl.PEMTLS_AGENT, " — agent");
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder b, Samples s, Row r, Impl pemtls, String form) {
    double p = s.median(r.metric, pemtls);
    double sun = s.median(r.metric, Impl.SUNJSSE);
    double bc = s.median(r.metric, Impl.BCJSSE);
    b.append("| ").append(r.label).append(form)
        .append(" | ").append(s.of(r.metric, pemtls).size())
        .append(" | ").append(fmt(p, r.decimals))
        .append(" | ").append(fmt(sun, r.decimals))
        .append(" | ").append(fmt(bc, r.decimals))
        .append(" | ").append(ratio(p, sun))
        .append(" | ").append(ratio(p, bc));
    if (pemtls == Impl.PEMTLS_AGENT) {
      double sunAgent = s.median(r.metric, Impl.SUNJSSE_AGENT);
      b.append(" | ").append(fmt(sunAgent, r.decimals)).append(" | ").append(ratio(p, sunAgent));
    } else {
      b.append(" | – | –");
    }
    b.append(" |\n");
  }

  /** Every value of every round, per metric and implementation, in run order. */
  static String rounds(Samples s) {
    StringBuilder b = new StringBuilder();
    for (String metric : s.metrics()) {
      b.append("- `").append(metric).append("`: ");
      List<String> parts = new ArrayList<>();
      for (Impl i : Impl.values()) {
        List<Double> v = s.of(metric, i);
        if (!v.isEmpty()) {
          parts.add(i.label + " " + v.stream().map(x -> fmt(x, 1))
              .collect(Collectors.joining(", ")));
        }
      }
      b.append(String.join("; ", parts)).append('\n');
    }
    return b.toString();
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–"
        : String.format(Locale.ROOT, "%.2f", a / b);
  }
}
