package dev.pemtls.providertests;

import dev.pemtls.testing.Peer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** curl (OpenSSL underneath) as the client peer of a framework's server. */
final class Curl {
  private Curl() {}

  /**
   * GETs {@code url} trusting {@code ca}, presenting {@code cert}/{@code key} unless null, with
   * {@code options} such as --http2: "OK body" or "ERR exit N: message".
   */
  static String get(String url, Path ca, Path cert, Path key, String... options)
      throws Exception {
    Peer.require("curl", "the curl client of " + url);
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert",
        ca.toString()));
    cmd.addAll(List.of(options));
    if (cert != null) {
      cmd.addAll(List.of("--cert", cert.toString(), "--key", key.toString()));
    }
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "ERR timeout";
    }
    return p.exitValue() == 0 ? "OK " + out : "ERR exit " + p.exitValue() + ": " + out;
  }
}
