package dev.pemtls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

  /** Runs {@code java ARGS...} and waits up to 60 s for it. */
  public static Result run(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child java did not exit: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
