package dev.pemtls.internal.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsKemConfig;
import org.bouncycastle.tls.crypto.TlsKemDomain;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipher;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * BCJSSE's crypto on {@link JdkFirstJcaJceHelper}, with one change for speed and two that keep
 * BouncyCastle's JCA provider unbuilt unless a connection really needs it:
 *
 * <ul>
 *   <li>X25519 and X448 key exchange run on BouncyCastle's lightweight code ({@link BcXdhDomain}),
 *       several times faster than the JDK's (ECDSA signatures likewise, chosen in the helper:
 *       {@link EcdsaSignatures});
 *   <li>AES-GCM and ChaCha20-Poly1305 records run on the JDK's AEAD ciphers through {@link
 *       JdkAeadCipher}, which passes each record's nonce straight to the cipher (BCJSSE's AES-GCM
 *       class makes a JCA {@code AlgorithmParameters} per record) and which for ChaCha20-Poly1305
 *       needs no BouncyCastle provider;
 *   <li>ML-KEM, for the hybrid groups a configuration may name, runs on BouncyCastle's
 *       lightweight code ({@link BcMlKemDomain});
 *   <li>the probes BCJSSE makes for every new context (can this JVM do ML-DSA, SLH-DSA or SM2
 *       signatures, ChaCha20-Poly1305?) are answered from the providers' service tables ({@link
 *       JdkFirstJcaJceHelper#offers}), not by creating the algorithm. The answers are the ones
 *       BCJSSE's own probes give; only their cost differs.
 * </ul>
 *
 * <p>{@link KeyLoggingCrypto} adds the key log for the contexts that have one.
 */
class PemTlsCrypto extends JcaTlsCrypto {
  PemTlsCrypto(JdkFirstJcaJceHelper helper, SecureRandom keyRandom, SecureRandom nonceRandom) {
    super(helper, keyRandom, nonceRandom);
  }

  @Override
  public TlsCipher createCipher(TlsCryptoParameters params, int encryptionAlgorithm,
      int macAlgorithm) throws IOException {
    if (encryptionAlgorithm == EncryptionAlgorithm.CHACHA20_POLY1305) {
      try {
        return new TlsAEADCipher(params, JdkAeadCipher.chaCha20Poly1305(true),
            JdkAeadCipher.chaCha20Poly1305(false), 32, 16, TlsAEADCipher.AEAD_CHACHA20_POLY1305,
            null);
      } catch (GeneralSecurityException e) {
        // The JVM's providers lack it (isSupportedEncryptionAlgorithm then found BouncyCastle's
        // ChaCha7539 and Poly1305): BCJSSE's own implementation below.
      }
    }
    return super.createCipher(params, encryptionAlgorithm, macAlgorithm);
  }

  /**
   * AES-GCM on {@link JdkAeadCipher}; the other AEADs BCJSSE builds through this method (CCM,
   * ARIA-GCM, Camellia-GCM, SM4-CCM) stay on BCJSSE's own class.
   */
  @Override
  protected TlsAEADCipherImpl createAEADCipher(String cipherName, String algorithm, int keySize,
      boolean isEncrypting) throws GeneralSecurityException {
    if (JdkAeadCipher.AES_GCM.equals(cipherName)) {
      return JdkAeadCipher.aesGcm(getHelper(), keySize, isEncrypting);
    }
    return super.createAEADCipher(cipherName, algorithm, keySize, isEncrypting);
  }

  @Override
  protected Boolean isSupportedEncryptionAlgorithm(int encryptionAlgorithm) {
    if (encryptionAlgorithm == EncryptionAlgorithm.CHACHA20_POLY1305) {
      return JdkAeadCipher.chaCha20Poly1305Available()
          || (JdkFirstJcaJceHelper.offers("Cipher", "ChaCha7539")
              && JdkFirstJcaJceHelper.offers("Mac", "Poly1305"));
    }
    return super.isSupportedEncryptionAlgorithm(encryptionAlgorithm);
  }

  /** x25519 and x448 on {@link BcXdhDomain}; the NIST curves stay on the JDK's ECDH. */
  @Override
  public TlsECDomain createECDomain(TlsECConfig ecConfig) {
    switch (ecConfig.getNamedGroup()) {
      case NamedGroup.x25519:
        return BcXdhDomain.x25519(this);
      case NamedGroup.x448:
        return BcXdhDomain.x448(this);
      default:
        return super.createECDomain(ecConfig);
    }
  }

  /** ML-KEM, the post-quantum half of the hybrid groups, on {@link BcMlKemDomain}. */
  @Override
  public TlsKemDomain createKemDomain(TlsKemConfig kemConfig) {
    return new BcMlKemDomain(this, kemConfig);
  }

  /**
   * ML-KEM (for the hybrids such as X25519MLKEM768) runs on {@link BcMlKemDomain}, so it needs no
   * provider. Whether a connection offers the hybrids is the groups setting's business: OpenSSL
   * 3.0's default list, which PemTLS keeps, has none.
   */
  @Override
  protected Boolean isSupportedNamedGroup(int namedGroup) {
    if (NamedGroup.refersToASpecificKem(namedGroup)) {
      return BcMlKemDomain.serves(namedGroup);
    }
    if (namedGroup == NamedGroup.x25519 || namedGroup == NamedGroup.x448) {
      return Boolean.TRUE; // BcXdhDomain: no JDK KeyAgreement needed
    }
    return super.isSupportedNamedGroup(namedGroup);
  }

  @Override
  protected Boolean isSupportedSignatureScheme(int signatureScheme) {
    if (SignatureScheme.isMLDSA(signatureScheme)) {
      return JdkFirstJcaJceHelper.offers("Signature", "ML-DSA");
    }
    if (SignatureScheme.isSLHDSA(signatureScheme)) {
      return JdkFirstJcaJceHelper.offers("Signature", "SLH-DSA");
    }
    if (signatureScheme == SignatureScheme.sm2sig_sm3) {
      return JdkFirstJcaJceHelper.offers("Signature", "SM3withSM2");
    }
    return super.isSupportedSignatureScheme(signatureScheme);
  }
}
