package dev.pemtls.internal.trust;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Locale;

/**
 * OpenSSL's security levels for certificates: minimum key sizes and signature digests. Used for
 * the peer's chain at verification (codes 66 to 68) and for this side's own chain when it is
 * loaded ({@code ssl_security_cert}: {@code EE_KEY_TOO_SMALL}, {@code CA_KEY_TOO_SMALL}, {@code
 * CA_MD_TOO_WEAK}).
 */
public final class SecurityLevel {
  /** Minimum bits of RSA/DSA keys and of EC keys for security levels 0 to 5. */
  private static final int[] MIN_RSA = {0, 1024, 2048, 3072, 7680, 15360};
  private static final int[] MIN_EC = {0, 160, 224, 256, 384, 512};

  private SecurityLevel() {}

  /** Whether {@code key} has the bits {@code level} asks for. */
  static boolean keyStrongEnough(PublicKey key, int level) {
    int lvl = Math.min(Math.max(level, 0), 5);
    if (key instanceof RSAKey) {
      return ((RSAKey) key).getModulus().bitLength() >= MIN_RSA[lvl];
    } else if (key instanceof DSAKey) {
      return ((DSAKey) key).getParams().getP().bitLength() >= MIN_RSA[lvl];
    } else if (key instanceof ECKey) {
      return ((ECKey) key).getParams().getOrder().bitLength() >= MIN_EC[lvl];
    }
    return true; // Ed25519 (128 bits) and Ed448 pass every level PemTLS offers
  }

  /** Whether the digest of {@code cert}'s signature is allowed: MD2/4/5 from 1, SHA-1 from 2. */
  static boolean digestStrongEnough(X509Certificate cert, int level) {
    String sig = cert.getSigAlgName().toUpperCase(Locale.ROOT);
    if (level >= 1 && (sig.startsWith("MD5") || sig.startsWith("MD2") || sig.startsWith("MD4"))) {
      return false;
    }
    return !(level >= 2 && sig.startsWith("SHA1"));
  }

  /**
   * OpenSSL's check at {@code SSL_CTX_use_certificate} and {@code SSL_CTX_add0_chain_cert}: the
   * leaf's key ({@code EE_KEY_TOO_SMALL}), each further certificate's key ({@code
   * CA_KEY_TOO_SMALL}), and the signature digest of every certificate not self-signed ({@code
   * CA_MD_TOO_WEAK}).
   *
   * @param chain the loaded chain, leaf first
   * @param source the certfile, for the message
   */
  public static void checkOwnChain(List<X509Certificate> chain, int level, String source)
      throws SslError {
    if (level <= 0) {
      return;
    }
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate c = chain.get(i);
      String which = i == 0 ? "the certificate" : "CA certificate " + i + " ("
          + c.getSubjectX500Principal().getName() + ")";
      if (!keyStrongEnough(c.getPublicKey(), level)) {
        throw (i == 0 ? Reason.SSL_EE_KEY_TOO_SMALL : Reason.SSL_CA_KEY_TOO_SMALL).error(
            (i == 0 ? "ee" : "ca") + " key too small: " + which + " in " + source + " has a "
            + describe(c.getPublicKey()) + ", below security level " + level + "; use a "
            + "larger key, or lower the level with setCiphers(\"...:@SECLEVEL=n\") first");
      }
      if (!ChainVerifier.isSelfIssued(c) && !digestStrongEnough(c, level)) {
        throw Reason.SSL_CA_MD_TOO_WEAK.error("ca md too weak: " + which + " in "
            + source + " is signed with " + c.getSigAlgName() + ", below security level "
            + level + "; reissue it with SHA-256 or better");
      }
    }
  }

  private static String describe(PublicKey key) {
    if (key instanceof RSAKey) {
      return ((RSAKey) key).getModulus().bitLength() + "-bit RSA key";
    } else if (key instanceof DSAKey) {
      return ((DSAKey) key).getParams().getP().bitLength() + "-bit DSA key";
    } else if (key instanceof ECKey) {
      return ((ECKey) key).getParams().getOrder().bitLength() + "-bit EC key";
    }
    return key.getAlgorithm() + " key";
  }
}
