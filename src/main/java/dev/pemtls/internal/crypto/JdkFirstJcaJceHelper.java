package dev.pemtls.internal.crypto;

import java.security.AlgorithmParameterGenerator;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertStoreParameters;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import javax.crypto.Cipher;
import javax.crypto.ExemptionMechanism;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKeyFactory;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;

/**
 * Asks the JVM's own providers first, and the private BouncyCastle instance only when they lack
 * the algorithm. BouncyCastle's provider is built on the first such look-up, not before (see
 * {@link BcProvider}). Two deliberate exceptions, both for signatures: ECDSA comes from {@link
 * EcdsaSignatures} (BouncyCastle's code, several times faster than the JDK's), and BCJSSE's RSA-PSS
 * names from {@link PssSignatures} (the JDK's RSASSA-PSS under names no JDK provider has), each
 * before the JDK is asked.
 *
 * <p>Why: BCJSSE on BouncyCastle's pure-Java crypto moves bulk data an order of magnitude slower
 * than on SunJCE's intrinsic AES-GCM; on the JDK's providers it is at parity. But BCJSSE asks for
 * a few algorithms under names only BouncyCastle knows (RSA-PSS as {@code SHA256WITHRSAANDMGF1}),
 * and without them TLS 1.3 with an RSA certificate finds no usable signature scheme.
 */
final class JdkFirstJcaJceHelper implements JcaJceHelper {
  private static final JcaJceHelper JDK = new DefaultJcaJceHelper();

  private static final class Bc {
    static final JcaJceHelper HELPER = new ProviderJcaJceHelper(BcProvider.get());
  }

  @FunctionalInterface
  private interface Lookup<T> {
    T from(JcaJceHelper helper) throws GeneralSecurityException;
  }

  /**
   * Runs the look-up on the JDK's providers, then on BouncyCastle if the JDK lacks the
   * algorithm. Failures are rethrown unchanged: each is one the calling interface method declares,
   * since it came from the same method on the JDK helper.
   */
  private static <T> T firstOf(Lookup<T> lookup) {
    try {
      return lookup.from(JDK);
    } catch (NoSuchAlgorithmException | NoSuchProviderException | NoSuchPaddingException
        | CertificateException | KeyStoreException e) {
      try {
        return lookup.from(Bc.HELPER);
      } catch (GeneralSecurityException | RuntimeException ignored) {
        // RuntimeException: a JDK that accepts only signed JCE providers refuses the unsigned
        // lib/ jars' BouncyCastle with a SecurityException; the algorithm is then unavailable.
        throw JdkFirstJcaJceHelper.<RuntimeException>rethrow(e); // the JDK's failure is the news
      }
    } catch (GeneralSecurityException e) {
      throw JdkFirstJcaJceHelper.<RuntimeException>rethrow(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
    throw (E) t;
  }

  /**
   * Whether {@code type}/{@code algorithm} can be had from this helper, answered without building
   * BouncyCastle's provider: the JVM's providers, then {@link BcProvider#offers}.
   */
  static boolean offers(String type, String algorithm) {
    return jdkOffers(type, algorithm) || BcProvider.offers(type, algorithm);
  }

  /** Whether one of the JVM's registered providers has {@code type}/{@code algorithm}. */
  static boolean jdkOffers(String type, String algorithm) {
    for (Provider p : Security.getProviders()) {
      if (p.getService(type, algorithm) != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Cipher createCipher(String a) throws NoSuchAlgorithmException, NoSuchPaddingException,
      NoSuchProviderException {
    return firstOf(h -> h.createCipher(a));
  }

  @Override
  public Mac createMac(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createMac(a));
  }

  @Override
  public KeyAgreement createKeyAgreement(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createKeyAgreement(a));
  }

  @Override
  public AlgorithmParameterGenerator createAlgorithmParameterGenerator(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createAlgorithmParameterGenerator(a));
  }

  @Override
  public AlgorithmParameters createAlgorithmParameters(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createAlgorithmParameters(a));
  }

  @Override
  public KeyGenerator createKeyGenerator(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createKeyGenerator(a));
  }

  @Override
  public KeyFactory createKeyFactory(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createKeyFactory(a));
  }

  @Override
  public SecretKeyFactory createSecretKeyFactory(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createSecretKeyFactory(a));
  }

  @Override
  public KeyPairGenerator createKeyPairGenerator(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createKeyPairGenerator(a));
  }

  @Override
  @Deprecated
  public MessageDigest createDigest(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createMessageDigest(a));
  }

  @Override
  public MessageDigest createMessageDigest(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createMessageDigest(a));
  }

  /**
   * ECDSA comes from {@link EcdsaSignatures} before the JDK: BouncyCastle's ECDSA is several
   * times faster than the JDK's (figures there). BCJSSE's PSS names come from {@link
   * PssSignatures}: asking the JDK first failed on every RSA handshake (TLS 1.2 signs with
   * rsa_pss_rsae too), and the failure walked every provider and built an exception. Everything
   * else is JDK first.
   */
  @Override
  public Signature createSignature(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    if (EcdsaSignatures.serves(a)) {
      return Signature.getInstance(a, EcdsaSignatures.INSTANCE);
    }
    if (PssSignatures.serves(a)) {
      return Signature.getInstance(a, PssSignatures.INSTANCE);
    }
    return firstOf(h -> h.createSignature(a));
  }

  @Override
  public CertificateFactory createCertificateFactory(String a)
      throws NoSuchProviderException, CertificateException {
    return firstOf(h -> h.createCertificateFactory(a));
  }

  @Override
  public SecureRandom createSecureRandom(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createSecureRandom(a));
  }

  @Override
  public CertPathBuilder createCertPathBuilder(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createCertPathBuilder(a));
  }

  @Override
  public CertPathValidator createCertPathValidator(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createCertPathValidator(a));
  }

  @Override
  public CertStore createCertStore(String a, CertStoreParameters p)
      throws NoSuchAlgorithmException, InvalidAlgorithmParameterException,
      NoSuchProviderException {
    return firstOf(h -> h.createCertStore(a, p));
  }

  @Override
  public ExemptionMechanism createExemptionMechanism(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    return firstOf(h -> h.createExemptionMechanism(a));
  }

  @Override
  public KeyStore createKeyStore(String a) throws KeyStoreException, NoSuchProviderException {
    return firstOf(h -> h.createKeyStore(a));
  }
}
