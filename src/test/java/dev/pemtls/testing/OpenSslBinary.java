package dev.pemtls.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@code openssl} binary for tests, with no configuration file in the way. */
public final class OpenSslBinary {
  /** Exit status and standard output of one run. */
  public record Result(int exit, String out) {
    /** The colon-separated names of a plain {@code openssl ciphers} run. */
    public List<String> names() {
      String t = out.strip();
      return t.isEmpty() ? List.of() : List.of(t.split(":"));
    }
  }

  private OpenSslBinary() {}

  /** Skips the calling test unless an OpenSSL 3.0.x binary is on the PATH. */
  public static void assume30() {
    String v;
    try {
      v = Peer.onPath("openssl") ? run("version").out() : "";
    } catch (RuntimeException e) {
      v = "";
    }
    Peer.assume(v.startsWith("OpenSSL 3.0."),
        "needs the openssl 3.0.x binary on the PATH to compare with (found: '" + v.strip() + "')");
  }

  /**
   * Runs {@code openssl args...} (OPENSSL_CONF=/dev/null: a distribution's openssl.cnf may set a
   * CipherString or SECLEVEL; tests compare with the defaults). Standard error is left out.
   */
  public static Result run(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    try {
      Peer p = Peer.command(cmd).separateStderr().run();
      return new Result(p.exitValue(), p.text());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
