package dev.pemtls.interop;

import dev.pemtls.Peers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real peer process (openssl, python3, curl, or the pemtls CLI in a child JVM) on loopback: its
 * merged output is collected line by line so a test can wait for "ACCEPT" or read a result.
 */
final class Peer implements AutoCloseable {
  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;

  private Peer(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("OPENSSL_CONF", "/dev/null"); // no distribution config surprises
    process = pb.start();
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          all.add(line);
          lines.add(line);
        }
      } catch (IOException e) {
        // the process went away; EOF below says so
      }
      lines.add(EOF);
    }, "peer-output");
    reader.setDaemon(true);
    reader.start();
  }

  static Peer start(String... command) throws IOException {
    if (!command[0].contains("/")) {
      Peers.require(command[0], "this interop test");
    }
    return new Peer(List.of(command));
  }

  static Peer start(List<String> command) throws IOException {
    return start(command.toArray(new String[0]));
  }

  /** The pemtls CLI in a child JVM on this test's class path. */
  static Peer pemtls(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.pemtls.cli.Main"));
    cmd.addAll(List.of(args));
    return new Peer(cmd);
  }

  /** Waits for a line containing {@code marker}; returns it. */
  String await(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      if (line.equals(EOF)) {
        lines.add(EOF);
        throw new AssertionError("peer exited before printing '" + marker + "':\n" + output());
      }
      if (line.contains(marker)) {
        return line;
      }
    }
    throw new AssertionError("peer did not print '" + marker + "' in time:\n" + output());
  }

  /** Writes to the peer's standard input. */
  void send(String text) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits for the process to end; returns its exit status. */
  int waitFor() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("peer did not exit:\n" + output());
    }
    reader.join(10_000); // the output pipe may still hold the last lines
    return process.exitValue();
  }

  /** Everything the peer printed so far. */
  String output() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
