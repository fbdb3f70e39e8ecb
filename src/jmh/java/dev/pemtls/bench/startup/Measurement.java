package dev.pemtls.bench.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One kind of child run, repeated for each implementation in every round: what the child is
 * told, and what it records ({@link Recorder}) after checking that the child did what was meant.
 */
final class Measurement {
  /** Checks one child's output and adds its values to the samples. */
  interface Recorder {
    void record(ChildRun child, Samples samples) throws Exception;
  }

  final String name;
  final int rounds;
  final List<Impl> impls;
  private final boolean mutual;
  private final Function<Impl, List<String>> extraJvmArgs;
  private final ChildRun.Args args;
  private final Recorder recorder;

  Measurement(String name, int rounds, List<Impl> impls, boolean mutual,
      Function<Impl, List<String>> extraJvmArgs, ChildRun.Args args, Recorder recorder) {
    this.name = name;
    this.rounds = rounds;
    this.impls = impls;
    this.mutual = mutual;
    this.extraJvmArgs = extraJvmArgs;
    this.args = args;
    this.recorder = recorder;
  }

  /** Runs one child of {@code impl} and records it; returns it for the progress line. */
  ChildRun runOnce(StartupFiles files, Impl impl, Samples samples) throws Exception {
    List<String> jvm = new ArrayList<>(impl.jvmArgs(files, mutual));
    jvm.addAll(extraJvmArgs.apply(impl));
    ChildRun child = ChildRun.run(impl, jvm, args);
    recorder.record(child, samples);
    return child;
  }

  /** {@link #impls} rotated by {@code round}, so that no implementation always goes first. */
  List<Impl> order(int round) {
    List<Impl> o = new ArrayList<>();
    for (int i = 0; i < impls.size(); i++) {
      o.add(impls.get((i + round) % impls.size()));
    }
    return o;
  }
}
