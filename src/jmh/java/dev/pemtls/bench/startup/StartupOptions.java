package dev.pemtls.bench.startup;

import java.util.Arrays;
import java.util.List;

/** The harness's command line ({@code -Dstartup.args='...'}); see src/jmh/STARTUP.md. */
final class StartupOptions {
  static final List<String> MEASUREMENTS =
      List.of("get", "classes", "handshakes", "idle", "reconnect");

  /** Rounds of the start-up children (getDefault, first GET, CPU, RSS). */
  int rounds = 15;
  /** Rounds of the longer children (handshakes, reconnects). */
  int heavyRounds = 5;
  /** Rounds of the idle-connection children, whose figure hardly varies between runs. */
  int memoryRounds = 3;
  /** How long from JVM start the handshake children run. */
  int seconds = 4;
  /** Idle connections per child. */
  int connections = 200;
  /** Sequential GETs per reconnect child. */
  int gets = 100;
  List<String> only = MEASUREMENTS;

  static StartupOptions parse(String[] args) {
    StartupOptions o = new StartupOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw usage("missing value after " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--rounds":
          o.rounds = positive(a, v);
          break;
        case "--heavy-rounds":
          o.heavyRounds = positive(a, v);
          break;
        case "--memory-rounds":
          o.memoryRounds = positive(a, v);
          break;
        case "--seconds":
          o.seconds = positive(a, v);
          break;
        case "--connections":
          o.connections = positive(a, v);
          break;
        case "--gets":
          o.gets = positive(a, v);
          break;
        case "--only":
          o.only = Arrays.asList(v.split(","));
          for (String m : o.only) {
            if (!MEASUREMENTS.contains(m)) {
              throw usage("--only: " + m + " is not one of " + MEASUREMENTS);
            }
          }
          break;
        default:
          throw usage("unknown option " + a);
      }
    }
    return o;
  }

  boolean selected(String measurement) {
    return only.contains(measurement);
  }

  private static int positive(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw usage(option + " needs a positive whole number, not '" + v + "'");
  }

  private static IllegalArgumentException usage(String problem) {
    return new IllegalArgumentException(problem + "\nusage: [--rounds 15] [--heavy-rounds 5] "
        + "[--memory-rounds 3] [--seconds 4] [--connections 200] [--gets 100] [--only "
        + String.join(",", MEASUREMENTS) + "]");
  }
}
