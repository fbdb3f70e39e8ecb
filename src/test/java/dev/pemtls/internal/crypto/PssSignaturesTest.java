package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PSS names BCJSSE uses, served by the JDK: signatures must be the ones BouncyCastle's own
 * {@code SHAxWITHRSAANDMGF1} makes and verifies (what a BCJSSE peer on BouncyCastle checks),
 * with TLS's parameters (salt as long as the digest).
 */
class PssSignaturesTest {
  static KeyPair rsa;
  static final byte[] MESSAGE = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void key() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    rsa = g.generateKeyPair();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA256", "SHA384", "SHA512"})
  void signature_verifiesWithBouncyCastlesPss_andTheReverse(String digest) throws Exception {
    String name = digest + "WITHRSAANDMGF1";
    Signature ours = new JdkFirstJcaJceHelper().createSignature(name);
    assertSame(PssSignatures.INSTANCE, ours.getProvider());
    ours.initSign(rsa.getPrivate());
    ours.update(MESSAGE);
    byte[] sig = ours.sign();

    Signature bc = Signature.getInstance(name, new BouncyCastleProvider());
    bc.initVerify(rsa.getPublic());
    bc.update(MESSAGE);
    assertTrue(bc.verify(sig));

    bc.initSign(rsa.getPrivate());
    bc.update(MESSAGE);
    byte[] bcSig = bc.sign();
    ours.initVerify(rsa.getPublic());
    ours.update(MESSAGE);
    assertTrue(ours.verify(bcSig));
    ours.update("tampered".getBytes(StandardCharsets.UTF_8));
    assertFalse(ours.verify(bcSig));

    PSSParameterSpec p = ours.getParameters().getParameterSpec(PSSParameterSpec.class);
    assertEquals(Integer.parseInt(digest.substring(3)) / 8, p.getSaltLength());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA1WITHRSAANDMGF1", "SHA224WITHRSAANDMGF1", "MD5WITHRSAANDMGF1"})
  void namesTlsDoesNotUse_areNotServed(String name) {
    assertFalse(PssSignatures.serves(name));
    assertThrows(NoSuchAlgorithmException.class,
        () -> Signature.getInstance(name, PssSignatures.INSTANCE));
  }
}
