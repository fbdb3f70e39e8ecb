package dev.pemtls.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements of issue #12 (see src/jmh/STARTUP.md), each a {@link Measurement}: which
 * children, how often, and the metrics they add to the samples (keys below, shown by
 * {@link Report}).
 */
final class Measurements {
  static final String DEFAULT_MS = "default_ms";
  static final String WALL_MS = "wall_ms";
  static final String CPU_MS = "cpu_ms";
  static final String RSS_MIB = "rss_mib";
  static final String CLASSES = "classes";
  static final String BC_CLASSES = "bc_classes";
  static final String PEMTLS_CLASSES = "pemtls_classes";
  static final String HANDSHAKES_PER_S = "handshakes_per_s";
  static final String FIRST_HANDSHAKE_MS = "first_handshake_ms";
  static final String STEADY_PER_S = "handshakes_per_s_after_first";
  static final String KIB_PER_CONNECTION = "kib_per_connection";
  static final String RECONNECT_MS = "reconnect_ms_";
  static final String RESUMED = "resumed_";

  /**
   * Both PemTLS forms, and SunJSSE with and without a no-op agent: for the start-up
   * measurements.
   */
  static final List<Impl> ALL = List.of(Impl.PEMTLS, Impl.PEMTLS_AGENT, Impl.SUNJSSE,
      Impl.SUNJSSE_AGENT, Impl.BCJSSE);
  /** PemTLS by security file only: the agent installs the same provider. */
  static final List<Impl> THREE = List.of(Impl.PEMTLS, Impl.SUNJSSE, Impl.BCJSSE);

  private Measurements() {}

  static List<Measurement> all(StartupOptions o, StartupFiles f, WwwServer tls13,
      WwwServer tls12) {
    List<Measurement> m = new ArrayList<>();
    if (o.selected("get")) {
      m.add(new Measurement("get", o.rounds, ALL, false, i -> List.of(),
          start -> List.of("get", tls13.url()), (c, s) -> {
            c.expect("status", "200");
            s.add(DEFAULT_MS, c.impl, c.num("default_ms"));
            s.add(WALL_MS, c.impl, c.wallMs);
            s.add(CPU_MS, c.impl, c.num("cpu_ms"));
            s.add(RSS_MIB, c.impl, c.num("rss_kib") / 1024);
          }));
    }
    if (o.selected("classes")) {
      m.add(new Measurement("classes", 1, ALL, false,
          i -> List.of("-Xlog:class+load=info:file=" + classLog(f, i) + ":none"),
          start -> List.of("get", tls13.url(), "classes"), (c, s) -> {
            c.expect("status", "200");
            s.add(CLASSES, c.impl, c.num("classes"));
            List<String> log = Files.readAllLines(classLog(f, c.impl));
            s.add(BC_CLASSES, c.impl, log.stream()
                .filter(l -> l.startsWith("org.bouncycastle.")).count());
            s.add(PEMTLS_CLASSES, c.impl, log.stream()
                .filter(l -> l.startsWith("dev.pemtls.") && !l.startsWith("dev.pemtls.bench."))
                .count()); // the child program's own classes left out
          }));
    }
    if (o.selected("handshakes")) {
      m.add(new Measurement("handshakes", o.heavyRounds, THREE, true, i -> List.of(),
          start -> List.of("handshakes", Long.toString(start), Integer.toString(o.seconds),
              f.clientStore.toString()), (c, s) -> {
            long n = (long) c.num("handshakes");
            checkMutual(c, n + 1); // and the uncounted one after the window
            s.add(HANDSHAKES_PER_S, c.impl, n / (double) o.seconds);
            s.add(FIRST_HANDSHAKE_MS, c.impl, c.num("first_ms"));
            if (n >= 2) { // the rate once running: from the first to the last in the window
              s.add(STEADY_PER_S, c.impl, (n - 1) * 1000 / (c.num("last_ms") - c.num("first_ms")));
            }
          }));
    }
    if (o.selected("idle")) {
      m.add(new Measurement("idle", o.memoryRounds, THREE, true, i -> List.of(),
          start -> List.of("idle", Integer.toString(o.connections), f.clientStore.toString()),
          (c, s) -> {
            c.expect("connections", Integer.toString(o.connections));
            checkMutual(c, o.connections + 1); // and the warm-up connection
            s.add(KIB_PER_CONNECTION, c.impl, c.num("kib_per_connection"));
          }));
    }
    if (o.selected("reconnect")) {
      for (WwwServer server : List.of(tls13, tls12)) {
        String version = server == tls13 ? "TLSv1.3" : "TLSv1.2";
        m.add(new Measurement("reconnect " + version, o.heavyRounds, THREE, false,
            i -> List.of("-Dhttp.keepAlive=false"),
            start -> List.of("reconnect", server.url(), Integer.toString(o.gets)), (c, s) -> {
              c.expect("protocol", version);
              if (c.num("resumed") + c.num("full") != o.gets) {
                throw new IllegalStateException(c.impl.label + ": not " + o.gets + " GETs: "
                    + c.values);
              }
              s.add(RECONNECT_MS + version, c.impl, c.num("total_ms"));
              s.add(RESUMED + version, c.impl, c.num("resumed"));
            }));
      }
    }
    return m;
  }

  private static Path classLog(StartupFiles f, Impl i) {
    return f.dir.resolve("classes-" + i.label + ".log");
  }

  /**
   * The in-JVM pair did what it says: TLS 1.3 with the pinned suite, the provider on both sides,
   * an RSA server and an EC client certificate, and one server-certificate check per handshake
   * (so none was resumed).
   */
  private static void checkMutual(ChildRun c, long handshakes) {
    c.expect("server_provider", c.impl.provider);
    c.expect("protocol", "TLSv1.3");
    c.expect("suite", "TLS_AES_256_GCM_SHA384");
    c.expect("server_key", "RSA");
    c.expect("client_key", "EC");
    c.expect("server_checks", Long.toString(handshakes));
  }
}
