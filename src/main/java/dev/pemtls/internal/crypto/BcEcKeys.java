package dev.pemtls.internal.crypto;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JDK's EC key objects as BouncyCastle's, converted once per key object and kept while that
 * key lives.
 *
 * <p>Why: BouncyCastle's ECDSA code accepts the JDK's {@code ECPrivateKey} as it is, but then
 * builds a new curve point for the generator on every {@code initSign}, and so recomputes the
 * fixed-base table its fast signing relies on: measured on JDK 17, a P-256 signature with a JDK
 * key costs about 300 us that way, against 120 us with a converted key. A converted {@code
 * BCECPrivateKey} carries one generator point whose tables are computed once.
 *
 * <p>The constructors used here take BouncyCastle's static provider configuration, which only
 * loads the provider class: BouncyCastle's JCA provider is not built (see {@link BcProvider}).
 */
final class BcEcKeys {
  private BcEcKeys() {}

  /** JDK key to its converted form; weak keys, so a key no longer used is dropped. */
  private static final Map<Key, Key> CONVERTED = new WeakHashMap<>();

  /**
   * Whether BouncyCastle's ECDSA code can take {@code key}: its own EC keys, or the JDK's
   * software EC keys (not, e.g., a PKCS#11 key that keeps its secret in a token).
   */
  static boolean usable(Key key) {
    return key instanceof BCECPrivateKey || key instanceof BCECPublicKey
        || key instanceof ECPrivateKey || key instanceof ECPublicKey;
  }

  /** {@code key} as a {@code BCECPrivateKey}; only for keys that are {@link #usable}. */
  static PrivateKey privateKey(PrivateKey key) throws InvalidKeyException {
    if (key instanceof BCECPrivateKey) {
      return key;
    }
    Key cached = cached(key);
    if (cached == null) {
      ECPrivateKeyParameters params =
          (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
      cached = remember(key, new BCECPrivateKey("EC", params, BouncyCastleProvider.CONFIGURATION));
    }
    return (PrivateKey) cached;
  }

  /** {@code key} as a {@code BCECPublicKey}; only for keys that are {@link #usable}. */
  static PublicKey publicKey(PublicKey key) throws InvalidKeyException {
    if (key instanceof BCECPublicKey) {
      return key;
    }
    Key cached = cached(key);
    if (cached == null) {
      ECPublicKeyParameters params = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
      cached = remember(key, new BCECPublicKey("EC", params, BouncyCastleProvider.CONFIGURATION));
    }
    return (PublicKey) cached;
  }

  private static Key cached(Key key) {
    synchronized (CONVERTED) {
      return CONVERTED.get(key);
    }
  }

  private static Key remember(Key key, Key converted) {
    synchronized (CONVERTED) {
      CONVERTED.put(key, converted);
    }
    return converted;
  }
}
