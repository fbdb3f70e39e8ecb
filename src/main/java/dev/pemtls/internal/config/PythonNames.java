package dev.pemtls.internal.config;

import java.util.Locale;
import java.util.Map;

/**
 * The names Python users reach for in a config file: the arguments of Python's module-level
 * {@code ssl.wrap_socket} and of {@code load_cert_chain}, mapped to the PemTLS key that does
 * the same, so an unknown-key message can say which key to write instead.
 */
final class PythonNames {
  private static final Map<String, String> ADVICE = Map.of(
      "ca_certs", "cafile",
      "cert_reqs", "verify_mode",
      "ssl_version", "minimum_version and maximum_version",
      "password", "password_file or password_env",
      "cadata", "cafile (a PEM file; the config cannot hold certificates inline)");

  private PythonNames() {}

  /**
   * " (Python's ca_certs; the PemTLS key is 'cafile')" for a Python-style name, or "" when
   * {@code key} is not one.
   */
  static String hint(String key) {
    String advice = ADVICE.get(key.toLowerCase(Locale.ROOT));
    if (advice == null) {
      return "";
    }
    String what = advice.contains(" ") ? "use " + advice : "the PemTLS key is '" + advice + "'";
    return " (that is Python's " + key + " argument; in pemtls.conf " + what + ")";
  }
}
