package dev.pemtls.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fresh-JVM benchmarks of issue #12 (src/jmh/STARTUP.md): starts child JVMs of
 * {@link dev.pemtls.bench.startup.child.StartupChild}, the implementations in alternation
 * within every round, prints a Markdown table of medians with the ratios PemTLS / SunJSSE and
 * PemTLS / BCJSSE, and writes it to target/startup-result.md.
 */
public final class StartupMain {
  private StartupMain() {}

  public static void main(String[] args) throws Exception {
    StartupOptions o = StartupOptions.parse(args);
    Path target = Path.of(System.getProperty("pemtls.startup.target", "target"))
        .toAbsolutePath();
    StartupFiles files = new StartupFiles(target);
    String loadBefore = loadAverage();
    Instant start = Instant.now();
    Samples samples = new Samples();
    Map<String, String> negotiated = new LinkedHashMap<>();
    try (WwwServer tls13 = new WwwServer(files.pki, "-tls1_3");
        WwwServer tls12 = new WwwServer(files.pki, "-tls1_2")) {
      List<Measurement> all = Measurements.all(o, files, tls13, tls12);
      int rounds = all.stream().mapToInt(m -> m.rounds).max().orElse(0);
      for (int r = 0; r < rounds; r++) {
        for (Measurement m : all) {
          if (r >= m.rounds) {
            continue;
          }
          StringBuilder line = new StringBuilder(String.format("round %d/%d %-17s", r + 1,
              m.rounds, m.name));
          for (Impl impl : m.order(r)) {
            ChildRun c = m.runOnce(files, impl, samples);
            line.append(String.format("  %s %.0f ms", impl.label, c.wallMs));
            negotiated.putIfAbsent(m.name + " " + impl.label, c.values.getOrDefault("protocol",
                "") + " " + c.values.getOrDefault("suite", ""));
          }
          System.out.println(line);
        }
      }
    }
    Instant end = Instant.now();
    String md = "# Fresh-JVM start-up benchmarks (issue #12)\n\n"
        + "Run " + start.truncatedTo(ChronoUnit.SECONDS) + " – "
        + end.truncatedTo(ChronoUnit.SECONDS) + " (" + start.until(end, ChronoUnit.SECONDS)
        + " s), " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, load average before "
        + loadBefore + ", after " + loadAverage() + ". Medians; ratios above 1 mean PemTLS "
        + "needs more (time, memory, classes), except for handshakes/s. Options: rounds "
        + o.rounds + ", heavy rounds " + o.heavyRounds + ", memory rounds " + o.memoryRounds
        + ", " + o.seconds + " s of handshakes, "
        + o.connections + " idle connections, " + o.gets + " GETs per reconnect child.\n\n"
        + Report.table(samples) + "\nNegotiated (first round):\n\n"
        + negotiated.entrySet().stream().map(e -> "- " + e.getKey() + ": " + e.getValue()
            .strip()).reduce((a, b) -> a + "\n" + b).orElse("") + "\n\nAll rounds:\n\n"
        + Report.rounds(samples);
    System.out.println();
    System.out.println(md);
    Path out = target.resolve("startup-result.md");
    Files.writeString(out, md);
    System.out.println("written to " + out);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
