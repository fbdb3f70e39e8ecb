package dev.pemtls.bench.startup;

import dev.pemtls.bench.startup.child.StartupChild;
import dev.pemtls.testing.Peer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fresh child JVM ({@link Peer#java}, the JDK running the harness) of {@link StartupChild},
 * run to its end: its {@code key value} lines, and the wall time from just before the process
 * was started to its exit, as the parent sees it.
 */
final class ChildRun {
  final Impl impl;
  final Map<String, String> values = new LinkedHashMap<>();
  final double wallMs;
  /** Epoch milliseconds just before the process was started. */
  final long startMillis;

  /** What a child is told: its arguments, given the epoch milliseconds of its start. */
  interface Args {
    List<String> at(long startMillis);
  }

  private ChildRun(Impl impl, double wallMs, long startMillis) {
    this.impl = impl;
    this.wallMs = wallMs;
    this.startMillis = startMillis;
  }

  static ChildRun run(Impl impl, List<String> jvmArgs, Args args) throws Exception {
    List<String> cmd = new ArrayList<>(jvmArgs);
    cmd.add(StartupChild.class.getName());
    long startMillis = System.currentTimeMillis();
    cmd.addAll(args.at(startMillis));
    Peer.Launch launch = Peer.java(cmd).separateStderr();
    long t0 = System.nanoTime();
    Peer p = launch.run();
    long t1 = System.nanoTime();
    ChildRun r = new ChildRun(impl, (t1 - t0) / 1e6, startMillis);
    for (String line : p.lines()) {
      int sp = line.indexOf(' ');
      if (sp > 0) {
        r.values.put(line.substring(0, sp), line.substring(sp + 1));
      }
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(impl.label + " child failed (exit " + p.exitValue() + "): "
          + p);
    }
    r.expect("provider", impl.provider, p);
    return r;
  }

  /** The value of {@code key}; fails with the child's output when it did not print it. */
  String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalStateException(impl.label + " child printed no '" + key + "': " + values);
    }
    return v;
  }

  double num(String key) {
    return Double.parseDouble(get(key));
  }

  /** Fails unless the child printed {@code key expected}. */
  void expect(String key, String expected) {
    expect(key, expected, values);
  }

  private void expect(String key, String expected, Object context) {
    if (!expected.equals(values.get(key))) {
      throw new IllegalStateException(impl.label + " child: " + key + " is " + values.get(key)
          + ", expected " + expected + ": " + context);
    }
  }
}
