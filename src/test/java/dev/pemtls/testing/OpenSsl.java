package dev.pemtls.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the openssl binary in a directory, so tests produce keys exactly as users get them. */
public final class OpenSsl {
  private final Path dir;
  private String lastOutput = "";

  public OpenSsl(Path dir) {
    this.dir = dir;
  }

  /** Skips the calling test (or class, from @BeforeAll) when openssl is not installed. */
  public static void assumeAvailable() {
    Peer.require("openssl", "tests that need OpenSSL-generated keys");
  }

  /** Runs {@code openssl args...}; throws with its output if it fails. */
  public void run(String... args) throws IOException {
    if (!tryRun(args)) {
      throw new IOException("openssl " + String.join(" ", args) + " failed: " + lastOutput);
    }
  }

  /** Runs {@code openssl args...}; returns false if it fails. */
  public boolean tryRun(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(Arrays.asList(args));
    try {
      Peer p = Peer.command(command).directory(dir).run();
      lastOutput = p.text();
      return p.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Runs a command that in OpenSSL 3 may need the legacy provider (DES, RC2, MD5-based PBE):
   * first as is, then with {@code -provider legacy -provider default}. Returns false if neither
   * works on this machine.
   */
  public boolean runMaybeLegacy(String... args) throws IOException {
    return tryRun(args) || tryRunWithLegacyProvider(args);
  }

  /** Runs with {@code -provider legacy -provider default} appended. */
  public boolean tryRunWithLegacyProvider(String... args) throws IOException {
    List<String> withLegacy = new ArrayList<>(Arrays.asList(args));
    withLegacy.addAll(List.of("-provider", "legacy", "-provider", "default"));
    return tryRun(withLegacy.toArray(String[]::new));
  }

  /** Self-signed certificate for {@code key} with subject /CN={@code cn}. */
  public void selfSigned(String key, String cn, String out) throws IOException {
    run("req", "-x509", "-new", "-key", key, "-subj", "/CN=" + cn, "-days", "2", "-out", out);
  }

  public Path dir() {
    return dir;
  }
}
