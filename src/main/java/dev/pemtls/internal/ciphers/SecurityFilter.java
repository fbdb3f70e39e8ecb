package dev.pemtls.internal.ciphers;

import static dev.pemtls.internal.ciphers.Bits.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Which selected suites a connection could actually use, mirroring OpenSSL 3.0's
 * {@code ssl_cipher_disabled} with {@code ssl_security_default_callback} as
 * {@code SSL_get1_supported_ciphers} (and so {@code openssl ciphers -s}) applies them for a client
 * without PSK or SRP callbacks. The cipher string itself is not filtered by the security level;
 * only this view is.
 */
public final class SecurityFilter {
  private SecurityFilter() {}

  /** Wire values of the protocol versions callers pass as bounds. */
  public static final int SSL3_VERSION = SSL3, TLS1_2_VERSION = TLS1_2, TLS1_3_VERSION = TLS1_3;

  /** {@code ssl_get_security_level_bits}: minimum strength bits of levels 0 to 5. */
  private static final int[] MIN_BITS = {0, 80, 112, 128, 192, 256};

  /** The strength in bits OpenSSL's security level {@code level} asks of every algorithm. */
  public static int minimumBits(int level) {
    return level <= 0 ? 0 : MIN_BITS[Math.min(level, 5)];
  }

  /**
   * Whether {@code c} survives at {@code level} with the protocol range {@code minVersion} ..
   * {@code maxVersion} (wire values, e.g. {@code 0x0303}).
   */
  public static boolean allowed(CipherSuite c, int level, int minVersion, int maxVersion) {
    // No PSK callback and no SRP credentials: those key exchanges are masked off.
    if ((c.mkeyBits & (K_PSK_ALL | K_SRP)) != 0 || (c.authBits & (A_PSK | A_SRP)) != 0) {
      return false;
    }
    int maxTls = c.isTls13() ? TLS1_3 : TLS1_2;
    if (c.minVersion() > maxVersion || maxTls < minVersion) {
      return false;
    }
    if (level <= 0) {
      return true;
    }
    int minBits = MIN_BITS[Math.min(level, 5)];
    if (c.strengthBits() < minBits) {
      return false;
    }
    if ((c.authBits & A_NULL) != 0 || (c.macBits & M_MD5) != 0) {
      return false;
    }
    // SHA-1 HMAC counts as 160 bits of security.
    if (minBits > 160 && (c.macBits & M_SHA1) != 0) {
      return false;
    }
    // Level 3 and up: forward-secret suites only.
    return level < 3 || c.isTls13() || (c.mkeyBits & (K_DHE | K_ECDHE)) != 0;
  }

  /** The suites of {@code suites} {@link #allowed} under those settings, order kept. */
  public static List<CipherSuite> filter(List<CipherSuite> suites, int level, int minVersion,
      int maxVersion) {
    List<CipherSuite> out = new ArrayList<>();
    for (CipherSuite c : suites) {
      if (allowed(c, level, minVersion, maxVersion)) {
        out.add(c);
      }
    }
    return out;
  }
}
