package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ECDSA served by BouncyCastle's code with the JDK's key objects: what it signs the JDK verifies,
 * and what the JDK signs it verifies (a peer on SunEC, or openssl, sees the same DER signatures).
 */
class EcdsaSignaturesTest {
  static final byte[] MESSAGE =
      "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.UTF_8);

  static KeyPair jdkKeyPair(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  @ParameterizedTest
  @CsvSource({"SHA256withECDSA, secp256r1", "SHA384withECDSA, secp384r1",
      "SHA512withECDSA, secp521r1", "SHA1withECDSA, secp256r1", "SHA224withECDSA, secp256r1",
      "SHA256WITHECDSA, secp384r1"})
  void signature_verifiesOnTheJdk_andTheReverse(String name, String curve) throws Exception {
    KeyPair kp = jdkKeyPair(curve);
    Signature ours = new JdkFirstJcaJceHelper().createSignature(name);
    assertSame(EcdsaSignatures.INSTANCE, ours.getProvider());
    Signature jdk = Signature.getInstance(name);

    for (int i = 0; i < 3; i++) { // the second and third runs use the converted, cached key
      ours.initSign(kp.getPrivate(), new SecureRandom());
      ours.update(MESSAGE);
      byte[] sig = ours.sign();
      jdk.initVerify(kp.getPublic());
      jdk.update(MESSAGE);
      assertTrue(jdk.verify(sig));

      jdk.initSign(kp.getPrivate());
      jdk.update(MESSAGE);
      byte[] jdkSig = jdk.sign();
      ours.initVerify(kp.getPublic());
      ours.update(MESSAGE);
      assertTrue(ours.verify(jdkSig));
      ours.initVerify(kp.getPublic());
      ours.update("tampered".getBytes(StandardCharsets.UTF_8));
      assertFalse(ours.verify(jdkSig));
    }
  }

  /** BCJSSE signs TLS handshake hashes with NoneWithECDSA: the data is the digest itself. */
  @ParameterizedTest
  @CsvSource({"SHA-256, secp256r1", "SHA-384, secp384r1"})
  void noneWithEcdsa_signsTheGivenDigest(String digest, String curve) throws Exception {
    KeyPair kp = jdkKeyPair(curve);
    byte[] hash = MessageDigest.getInstance(digest).digest(MESSAGE);
    Signature ours = new JdkFirstJcaJceHelper().createSignature("NoneWithECDSA");
    assertSame(EcdsaSignatures.INSTANCE, ours.getProvider());
    ours.initSign(kp.getPrivate(), new SecureRandom());
    ours.update(hash);
    byte[] sig = ours.sign();

    Signature jdk = Signature.getInstance(digest.replace("-", "") + "withECDSA");
    jdk.initVerify(kp.getPublic());
    jdk.update(MESSAGE);
    assertTrue(jdk.verify(sig));

    Signature jdkNone = Signature.getInstance("NONEwithECDSA");
    jdkNone.initSign(kp.getPrivate());
    jdkNone.update(hash);
    byte[] jdkSig = jdkNone.sign();
    ours.initVerify(kp.getPublic());
    ours.update(hash);
    assertTrue(ours.verify(jdkSig));
  }

  @ParameterizedTest
  @CsvSource({"SHA256withECDSA", "NoneWithECDSA"})
  void aKeyThatIsNotEc_goesToTheJdk_whichRefusesIt(String name) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair rsa = g.generateKeyPair();
    Signature ours = new JdkFirstJcaJceHelper().createSignature(name);
    assertThrows(InvalidKeyException.class, () -> ours.initSign(rsa.getPrivate()));
    assertThrows(InvalidKeyException.class, () -> ours.initVerify(rsa.getPublic()));
  }

  @ParameterizedTest
  @CsvSource({"SHA256withRSA", "SHA256WITHRSAANDMGF1", "Ed25519", "SHA3-256withECDSA"})
  void otherNames_areNotServed(String name) {
    assertFalse(EcdsaSignatures.serves(name));
  }
}
