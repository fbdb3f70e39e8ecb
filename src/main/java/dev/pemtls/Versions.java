package dev.pemtls;

import dev.pemtls.internal.crypto.BcProvider;
import dev.pemtls.internal.crypto.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions behind {@link Ssl#OPENSSL_VERSION}: PemTLS's own, BouncyCastle's and BCJSSE's. */
final class Versions {
  private Versions() {}

  /** The project version Maven wrote into {@code dev/pemtls/version.properties}. */
  static String pemtls() {
    try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v; // an unfiltered copy, e.g. in an IDE build
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The BouncyCastle release, e.g. "1.84", from the private provider PemTLS uses. */
  static String bouncyCastle() {
    return BcProvider.get().getVersionStr();
  }

  /** BCJSSE's own description, e.g. "Bouncy Castle JSSE Provider Version 1.0.23". */
  static String bcjsse() {
    return Tls.jsseProvider().getInfo();
  }
}
