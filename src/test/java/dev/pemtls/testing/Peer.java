package dev.pemtls.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one launcher of external peer processes for tests (openssl, python3, curl, a child JVM): it
 * starts the process with {@code OPENSSL_CONF=/dev/null} (no distribution config surprises),
 * collects its output line by line in the background so a test can wait for "ACCEPT" or read a
 * result, and waits for its end. Standard error is merged into the output unless {@link
 * Launch#separateStderr()} keeps it apart.
 *
 * <p>A peer program missing from the {@code PATH} skips the test, except where the environment
 * says peers are required ({@code PEMTLS_REQUIRE_PEERS=true}, set by {@code .ci/run}): there it
 * fails the test instead of hiding it ({@link #assume}).
 */
public final class Peer implements AutoCloseable {
  private static final String EOF = "\u0000EOF";

  private final List<String> command;
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = Collections.synchronizedList(new ArrayList<>());
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final Thread outReader;
  private final Thread errReader;

  private Peer(List<String> command, Process process, boolean separateStderr) {
    this.command = List.copyOf(command);
    this.process = process;
    outReader = pump(process.getInputStream(), true, "peer-output");
    errReader = separateStderr ? pump(process.getErrorStream(), false, "peer-stderr") : null;
  }

  /** How to start a peer: its command, folder, environment, and whether stderr stays apart. */
  public static final class Launch {
    private final List<String> command;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path directory;
    private boolean separateStderr;

    private Launch(List<String> command) {
      this.command = new ArrayList<>(command);
      env.put("OPENSSL_CONF", "/dev/null");
    }

    /** Runs the peer in {@code dir} (default: the test's working directory). */
    public Launch directory(Path dir) {
      this.directory = dir;
      return this;
    }

    /** Adds {@code name=value} to the peer's environment. */
    public Launch env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** Adds all of {@code vars} to the peer's environment. */
    public Launch env(Map<String, String> vars) {
      env.putAll(vars);
      return this;
    }

    /** Collects standard error apart from the output ({@link Peer#stderr()}). */
    public Launch separateStderr() {
      this.separateStderr = true;
      return this;
    }

    /** Starts the peer. */
    public Peer start() throws IOException {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(!separateStderr);
      pb.environment().putAll(env);
      if (directory != null) {
        pb.directory(directory.toFile());
      }
      return new Peer(command, pb.start(), separateStderr);
    }

    /** Starts the peer, closes its input, and waits for it to end ({@link Peer#finish()}). */
    public Peer run() throws IOException, InterruptedException {
      Peer p = start();
      p.finish();
      return p;
    }
  }

  /**
   * A launch of {@code command}; a program named without a folder must be on the {@code PATH}
   * (else the test is skipped or, with {@code PEMTLS_REQUIRE_PEERS=true}, failed).
   */
  public static Launch command(List<String> command) {
    if (!command.get(0).contains("/")) {
      require(command.get(0), "this test, which needs it as a peer");
    }
    return new Launch(command);
  }

  /** {@link #command} of the given words, started. */
  public static Peer start(String... command) throws IOException {
    return command(List.of(command)).start();
  }

  /** {@link #command}, started. */
  public static Peer start(List<String> command) throws IOException {
    return command(command).start();
  }

  /** {@code java ARGS...} of the JDK running the tests. */
  public static Launch java(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    return new Launch(cmd);
  }

  /** The pemtls CLI in a child JVM on this test's class path, started. */
  public static Peer pemtls(String... args) throws IOException {
    return pemtlsLaunch(List.of(args)).start();
  }

  /** The pemtls CLI in a child JVM on this test's class path, to start. */
  public static Launch pemtlsLaunch(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(
        "-cp", System.getProperty("java.class.path"), "dev.pemtls.cli.Main"));
    cmd.addAll(args);
    return java(cmd);
  }

  /** {@code openssl ARGS...} or {@code pemtls ARGS...}: one command line for both, to compare. */
  public static Launch opensslOrPemtls(boolean openssl, List<String> args) {
    if (!openssl) {
      return pemtlsLaunch(args);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(args);
    return command(cmd);
  }

  /** Whether {@code program} is an executable in a directory of {@code PATH}. */
  public static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #assume} that {@code program} is on the {@code PATH}. */
  public static void require(String program, String whatIsSkipped) {
    assume(onPath(program), program + " is not on the PATH; skipping " + whatIsSkipped);
  }

  /**
   * Skips the test unless {@code available}; fails it instead when {@code PEMTLS_REQUIRE_PEERS}
   * is {@code true}.
   */
  public static void assume(boolean available, String message) {
    if (!available && "true".equalsIgnoreCase(System.getenv("PEMTLS_REQUIRE_PEERS"))) {
      fail(message + " (PEMTLS_REQUIRE_PEERS=true: install it; .ci/run does)");
    }
    Assumptions.assumeTrue(available, message);
  }

  private Thread pump(InputStream stream, boolean out, String name) {
    Thread t = new Thread(() -> {
      try (Reader r = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        StringBuilder line = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = r.read(buf)) >= 0; ) {
          if (!out) {
            synchronized (stderr) {
              stderr.append(buf, 0, n);
            }
            continue;
          }
          synchronized (text) {
            text.append(buf, 0, n);
          }
          for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
              emit(line);
            } else {
              line.append(buf[i]);
            }
          }
        }
        if (out && line.length() > 0) {
          emit(line);
        }
      } catch (IOException e) {
        // the process went away; EOF below says so
      }
      if (out) {
        lines.add(EOF);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void emit(StringBuilder line) {
    int end = line.length();
    String l = end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1)
        : line.toString();
    line.setLength(0);
    all.add(l);
    lines.add(l);
  }

  /** Waits for the next output line containing {@code marker}; returns it. */
  public String await(String marker) throws InterruptedException {
    return next(marker, false);
  }

  /** Waits for the next output line starting with {@code prefix}; returns it. */
  public String awaitLine(String prefix) throws InterruptedException {
    return next(prefix, true);
  }

  private String next(String marker, boolean prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      if (line.equals(EOF)) {
        lines.add(EOF);
        throw new AssertionError("peer exited before printing '" + marker + "': " + this);
      }
      if (prefix ? line.startsWith(marker) : line.contains(marker)) {
        return line;
      }
    }
    throw new AssertionError("peer did not print '" + marker + "' in time: " + this);
  }

  /** Writes to the peer's standard input. */
  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to the peer's standard input. */
  public void send(byte[] bytes) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(bytes);
    in.flush();
  }

  /** Closes the peer's standard input (its EOF). */
  public void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits up to 120 s (a hang guard) for the process to end; returns its exit status. */
  public int waitFor() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("peer did not exit: " + this);
    }
    outReader.join(10_000); // the output pipe may still hold the last lines
    if (errReader != null) {
      errReader.join(10_000);
    }
    return process.exitValue();
  }

  /** Closes the peer's input (which ends a serving peer) and {@link #waitFor waits} for it. */
  public int finish() throws IOException, InterruptedException {
    try {
      closeInput();
    } catch (IOException e) {
      // already gone
    }
    return waitFor();
  }

  /** The exit status (after {@link #waitFor}). */
  public int exitValue() {
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The output lines so far, joined with newlines. */
  public String output() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  /** The output exactly as printed so far. */
  public String text() {
    synchronized (text) {
      return text.toString();
    }
  }

  /** The output lines so far. */
  public List<String> lines() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** The first output line starting with {@code prefix} (after {@link #waitFor}). */
  public String line(String prefix) {
    for (String l : lines()) {
      if (l.startsWith(prefix)) {
        return l;
      }
    }
    throw new AssertionError("no output line starts with '" + prefix + "': " + this);
  }

  /** Standard error, when kept apart ({@link Launch#separateStderr()}). */
  public String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  /** Ends the process (forcibly) if it still runs. */
  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** The command and what it printed, for failure messages. */
  @Override
  public String toString() {
    return String.join(" ", command) + "\noutput:\n" + output()
        + (errReader == null ? "" : "\nstderr:\n" + stderr());
  }
}
