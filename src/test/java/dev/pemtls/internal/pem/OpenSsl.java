package dev.pemtls.internal.pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl binary in a directory, so tests produce keys exactly as users get them. */
final class OpenSsl {
  private static Boolean available;

  private final Path dir;

  OpenSsl(Path dir) {
    this.dir = dir;
  }

  /** Skips the calling test (or class, from @BeforeAll) when openssl is not installed. */
  static void assumeAvailable() {
    if (available == null) {
      try {
        Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
        available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        available = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        available = false;
      }
    }
    dev.pemtls.Peers.assume(available, "the openssl binary is not on PATH; skipping tests that "
        + "need OpenSSL-generated keys");
  }

  /** Runs {@code openssl args...}; throws with its output if it fails. */
  void run(String... args) throws IOException {
    if (!tryRun(args)) {
      throw new IOException("openssl " + String.join(" ", args) + " failed: " + lastOutput);
    }
  }

  private String lastOutput = "";

  /** Runs {@code openssl args...}; returns false if it fails. */
  boolean tryRun(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      lastOutput = new String(out, StandardCharsets.UTF_8);
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Runs a command that in OpenSSL 3 may need the legacy provider (DES, RC2, MD5-based PBE):
   * first as is, then with {@code -provider legacy -provider default}. Returns false if neither
   * works on this machine.
   */
  boolean runMaybeLegacy(String... args) throws IOException {
    return tryRun(args) || tryRunWithLegacyProvider(args);
  }

  /** Runs with {@code -provider legacy -provider default} appended. */
  boolean tryRunWithLegacyProvider(String... args) throws IOException {
    List<String> withLegacy = new ArrayList<>(Arrays.asList(args));
    withLegacy.addAll(List.of("-provider", "legacy", "-provider", "default"));
    return tryRun(withLegacy.toArray(String[]::new));
  }

  /** Self-signed certificate for {@code key} with subject /CN={@code cn}. */
  void selfSigned(String key, String cn, String out) throws IOException {
    run("req", "-x509", "-new", "-key", key, "-subj", "/CN=" + cn, "-days", "2", "-out", out);
  }

  Path dir() {
    return dir;
  }
}
