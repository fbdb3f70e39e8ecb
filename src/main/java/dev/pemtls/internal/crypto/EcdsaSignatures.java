package dev.pemtls.internal.crypto;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi.ecDSA;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi.ecDSA224;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi.ecDSA256;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi.ecDSA384;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi.ecDSA512;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi.ecDSAnone;

/**
 * ECDSA signatures ({@code SHA1/224/256/384/512withECDSA} and BCJSSE's {@code NoneWithECDSA}) on
 * BouncyCastle's ECDSA code, for the JDK's EC keys too. {@link JdkFirstJcaJceHelper} asks here
 * before the JDK: a deliberate exception to "JDK first".
 *
 * <p>Why: measured on one machine, warm, per P-256 operation: sign 859 us on JDK 17 against
 * 95 us on BouncyCastle, verify 1048 against 89 us (JDK 25: sign 152 against 82, verify 416
 * against 83). A TLS handshake with an EC certificate signs once and verifies once or more, so
 * on the JDK most of its CPU went into ECDSA. RSA stays on the JDK, which is as fast or faster.
 *
 * <p>How: a private provider, never registered JVM-wide, like {@link PssSignatures}. Each
 * signature delegates to BouncyCastle's {@code SignatureSpi} classes, constructed directly (not
 * through BouncyCastle's JCA provider, which stays unbuilt, and not through reflection), with the
 * key converted by {@link BcEcKeys}. A key BouncyCastle cannot take (a PKCS#11 token's, say) goes
 * to the JDK's {@code Signature} of the same name, which picks a provider for that key. These are
 * {@code java.security} services, not {@code javax.crypto} ones, so an unsigned provider may
 * serve them on every JDK.
 */
final class EcdsaSignatures extends Provider {
  private static final long serialVersionUID = 1L;

  /** Upper-case name to BouncyCastle's implementation of it. */
  private static final Map<String, Supplier<SignatureSpi>> BC = Map.of(
      "NONEWITHECDSA", ecDSAnone::new,
      "SHA1WITHECDSA", ecDSA::new,
      "SHA224WITHECDSA", ecDSA224::new,
      "SHA256WITHECDSA", ecDSA256::new,
      "SHA384WITHECDSA", ecDSA384::new,
      "SHA512WITHECDSA", ecDSA512::new);

  static final EcdsaSignatures INSTANCE = new EcdsaSignatures();

  /** BouncyCastle's classes as they are, for the delegating signatures below only. */
  private static final Provider RAW = new Provider("PemTLS-ECDSA-BC", "1.0",
      "BouncyCastle's ECDSA SignatureSpi classes") {
    private static final long serialVersionUID = 1L;

    {
      BC.forEach((name, spi) -> putService(
          new Service(this, "Signature", name, SignatureSpi.class.getName(), null, null) {
            @Override
            public Object newInstance(Object unused) {
              return spi.get();
            }
          }));
    }
  };

  private EcdsaSignatures() {
    super("PemTLS-ECDSA", "1.0", "ECDSA on BouncyCastle's lightweight code, for JDK keys too");
    for (String name : BC.keySet()) {
      putService(new Service(this, "Signature", name, Spi.class.getName(), null, null) {
        @Override
        public Object newInstance(Object unused) throws NoSuchAlgorithmException {
          return new Spi(name);
        }
      });
    }
  }

  /** Whether {@code algorithm} is one of the names served here (case-insensitive). */
  static boolean serves(String algorithm) {
    return BC.containsKey(algorithm.toUpperCase(Locale.ROOT));
  }

  /**
   * Forwards every call to BouncyCastle's signature with a converted key, or, for a key it
   * cannot take, to the JDK's signature of the same name. Which one is settled at each init.
   */
  private static final class Spi extends ForwardingSignatureSpi {
    private final String name;
    private final Signature bc;
    private Signature jdk;
    private Signature current;

    Spi(String name) throws NoSuchAlgorithmException {
      this.name = name;
      this.bc = Signature.getInstance(name, RAW);
      this.current = bc;
    }

    private Signature jdk() throws InvalidKeyException {
      if (jdk == null) {
        try {
          jdk = Signature.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
          throw new InvalidKeyException("no provider of " + name + " for this key", e);
        }
      }
      return jdk;
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
      if (BcEcKeys.usable(key)) {
        bc.initVerify(BcEcKeys.publicKey(key));
        current = bc;
      } else {
        jdk().initVerify(key);
        current = jdk;
      }
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
      engineInitSign(key, appRandom);
    }

    @Override
    protected void engineInitSign(PrivateKey key, SecureRandom random) throws InvalidKeyException {
      if (BcEcKeys.usable(key)) {
        PrivateKey k = BcEcKeys.privateKey(key);
        if (random != null) {
          bc.initSign(k, random);
        } else {
          bc.initSign(k);
        }
        current = bc;
      } else {
        if (random != null) {
          jdk().initSign(key, random);
        } else {
          jdk().initSign(key);
        }
        current = jdk;
      }
    }

    @Override
    Signature target() {
      return current;
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params)
        throws InvalidAlgorithmParameterException {
      throw new InvalidAlgorithmParameterException("ECDSA takes no parameters: " + params);
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
      return null;
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException("ECDSA takes no parameters: " + param);
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException("ECDSA takes no parameters: " + param);
    }
  }
}
