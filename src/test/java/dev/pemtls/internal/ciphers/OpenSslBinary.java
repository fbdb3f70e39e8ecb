package dev.pemtls.internal.ciphers;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
      v = run("version").out();
    } catch (RuntimeException e) {
      v = "";
    }
    dev.pemtls.Peers.assume(v.startsWith("OpenSSL 3.0."),
        "needs the openssl 3.0.x binary on the PATH to compare with (found: '" + v.strip() + "')");
  }

  /** Runs {@code openssl args...} with OPENSSL_CONF=/dev/null. */
  public static Result run(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // A distribution's openssl.cnf may set a CipherString or SECLEVEL; compare with the defaults.
    pb.environment().put("OPENSSL_CONF", "/dev/null");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("openssl timed out: " + cmd);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
