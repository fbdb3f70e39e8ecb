package dev.pemtls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * PemTLS's one version: the pom's, which Maven writes into {@code dev/pemtls/version.properties}.
 * {@code Ssl.PEMTLS_VERSION}, {@code pemtls version} and the provider's version all read it here.
 */
public final class BuildVersion {
  private static final String VERSION = read();

  private BuildVersion() {}

  /** The project version, e.g. "0.1.0-SNAPSHOT"; "unknown" in an unfiltered (IDE) build. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("/dev/pemtls/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
