package dev.pemtls.providertests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started as users start theirs: {@code -Djava.security.properties=FILE} naming the
 * PemTLS provider, the packaged jar on the class path, and {@link ChildMain} driving standard
 * APIs. The JDK is {@code -Dpemtls.test.javaHome} (default: this JVM's), so the same suite runs
 * on JDK 17 and 25.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = Collections.synchronizedList(new ArrayList<>());
  private final StringBuilder stderr = new StringBuilder();
  private final Thread outReader;
  private final Thread errReader;

  private ChildJvm(Process process) {
    this.process = process;
    outReader = pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)), true);
    errReader = pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8)), false);
  }

  private Thread pump(BufferedReader in, boolean out) {
    Thread t = new Thread(() -> {
      try {
        for (String line; (line = in.readLine()) != null; ) {
          if (out) {
            all.add(line);
            lines.add(line);
          } else {
            synchronized (stderr) {
              stderr.append(line).append('\n');
            }
          }
        }
      } catch (IOException e) {
        // process gone
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The JDK the children run on. */
  static Path javaHome() {
    return Path.of(System.getProperty("pemtls.test.javaHome", System.getProperty("java.home")));
  }

  /** The feature release of {@link #javaHome()}, from its {@code release} file, e.g. "25". */
  static String javaFeature() throws IOException {
    for (String line : Files.readAllLines(javaHome().resolve("release"))) {
      if (line.startsWith("JAVA_VERSION=")) {
        String v = line.substring(13).replace("\"", "");
        return v.split("[.+-]")[0];
      }
    }
    throw new IOException("no JAVA_VERSION in " + javaHome().resolve("release"));
  }

  /**
   * A security properties file made from the shipped example {@code src/conf/pemtls.security}, with
   * its config path replaced by {@code conf} (or removed when {@code conf} is null).
   */
  static Path securityFile(Path dir, Path conf) throws IOException {
    Path example = Path.of(System.getProperty("pemtls.test.confDir", "src/conf"),
        "pemtls.security");
    String text = Files.readString(example).replace("PemTLS /etc/pemtls/pemtls.conf",
        conf == null ? "PemTLS" : "PemTLS " + conf);
    return Files.writeString(Files.createTempFile(dir, "java", ".security"), text);
  }

  /**
   * A security file that lists PemTLS first and then the JDK's whole list, SunJSSE included (as
   * a user who keeps SunJSSE writes it): for tests that show PemTLS itself never lets SunJSSE
   * answer, which the shipped file (without SunJSSE) cannot show.
   */
  static Path securityFileKeepingSunJsse(Path dir, Object conf) throws IOException {
    StringBuilder text = new StringBuilder("security.provider.1=PemTLS " + conf + "\n");
    int n = 2;
    for (String line : Files.readAllLines(javaHome().resolve("conf/security/java.security"))) {
      if (line.startsWith("security.provider.")) {
        text.append("security.provider.").append(n++).append('=')
            .append(line.substring(line.indexOf('=') + 1)).append('\n');
      }
    }
    return Files.writeString(Files.createTempFile(dir, "java", ".security"), text);
  }

  /**
   * For {@code -Djava.security.properties==FILE} (two '='), which replaces java.security: the
   * JDK's own file with its provider list swapped for the example's, as a user would write it.
   */
  static Path replacementSecurityFile(Path dir, Path conf) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(javaHome().resolve("conf/security/java.security"))) {
      if (!line.startsWith("security.provider.")) {
        text.append(line).append('\n');
      }
    }
    text.append(Files.readString(securityFile(dir, conf)));
    return Files.writeString(Files.createTempFile(dir, "java", ".security"), text);
  }

  /** Starts {@link ChildMain} with {@code jvmArgs} and the operations {@code ops}. */
  static ChildJvm start(List<String> jvmArgs, String... ops) throws IOException {
    return start(ChildMain.class, jvmArgs, ops);
  }

  /** Starts {@code main} on the test class path with {@code jvmArgs} and {@code args}. */
  static ChildJvm start(Class<?> main, List<String> jvmArgs, String... args) throws IOException {
    List<String> launch = new ArrayList<>(jvmArgs);
    launch.add("-cp");
    launch.add(System.getProperty("pemtls.test.classpath",
        System.getProperty("java.class.path")));
    launch.add(main.getName());
    launch.addAll(List.of(args));
    return java(launch);
  }

  /** Starts {@code java} with {@code launch} as its arguments, e.g. {@code -jar app.jar}. */
  static ChildJvm java(List<String> launch) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaHome().resolve("bin").resolve("java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1"); // short-lived: C1 only starts faster
    cmd.addAll(launch);
    return new ChildJvm(new ProcessBuilder(cmd).start());
  }

  /**
   * Runs {@code java ARGS} to its end, with {@code env} added to the environment, for children
   * that are not {@link ChildMain} (e.g. {@code -javaagent:... -jar app.jar}).
   */
  static ChildJvm runJava(List<String> args, java.util.Map<String, String> env)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaHome().resolve("bin").resolve("java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    ChildJvm child = new ChildJvm(pb.start());
    child.finish();
    return child;
  }

  /** Runs a child to its end and returns its stdout lines. */
  static ChildJvm run(List<String> jvmArgs, String... ops) throws Exception {
    ChildJvm child = start(jvmArgs, ops);
    child.finish();
    return child;
  }

  /** Runs {@code main} to its end (see {@link #start(Class, List, String...)}). */
  static ChildJvm run(Class<?> main, List<String> jvmArgs, String... args) throws Exception {
    ChildJvm child = start(main, jvmArgs, args);
    child.finish();
    return child;
  }

  /** Waits for the next stdout line starting with {@code prefix}. */
  String awaitLine(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("child printed no '" + prefix + "' line; stdout " + all
        + "\nstderr:\n" + stderr());
  }

  /** Closes the child's stdin (which ends a serving child) and waits for it to exit. */
  int finish() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not exit; stdout " + all + "\nstderr:\n" + stderr());
    }
    outReader.join(5000);
    errReader.join(5000);
    return process.exitValue();
  }

  /** The stdout line that starts with {@code prefix} (after {@link #finish}). */
  String line(String prefix) {
    synchronized (all) {
      for (String l : all) {
        if (l.startsWith(prefix)) {
          return l;
        }
      }
    }
    throw new AssertionError("no stdout line starts with '" + prefix + "': " + all
        + "\nstderr:\n" + stderr());
  }

  List<String> stdout() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      finish();
    }
  }
}
