package dev.pemtls.testing;

import java.io.IOException;
import java.util.List;

/** A child {@code java} of the JDK running the tests, its output merged and collected. */
public final class ChildJava {
  private ChildJava() {}

  /** What the child printed and how it exited. */
  public record Result(int status, String output) {
    /** The output's lines. */
    public List<String> lines() {
      return output.lines().collect(java.util.stream.Collectors.toList());
    }
  }

  /** Runs {@code java ARGS...} ({@link Peer#java}) to its end. */
  public static Result run(List<String> args) throws IOException, InterruptedException {
    Peer child = Peer.java(args).run();
    return new Result(child.exitValue(), child.text());
  }
}
