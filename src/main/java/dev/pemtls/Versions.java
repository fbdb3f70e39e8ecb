package dev.pemtls;

import dev.pemtls.internal.BuildVersion;
import dev.pemtls.internal.crypto.BcProvider;
import dev.pemtls.internal.crypto.Tls;

/** The versions behind {@link Ssl#OPENSSL_VERSION}: PemTLS's own, BouncyCastle's and BCJSSE's. */
final class Versions {
  private Versions() {}

  /** The project version from the pom. */
  static String pemtls() {
    return BuildVersion.get();
  }

  /** The BouncyCastle release, e.g. "1.84", of the jar PemTLS runs on. */
  static String bouncyCastle() {
    return BcProvider.version();
  }

  /** BCJSSE's own description, e.g. "Bouncy Castle JSSE Provider Version 1.0.23". */
  static String bcjsse() {
    return Tls.jsseProvider().getInfo();
  }
}
