package dev.pemtls.internal.pem;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Builds JDK-native private keys ({@code sun.security.*} classes) from PKCS#8, so the JDK's own
 * Signature implementations and JSSE accept them. BouncyCastle key objects would only work with
 * BouncyCastle's Signature classes.
 */
final class JdkKeys {
  /** PKCS#8 algorithm OID to the JDK KeyFactory algorithm name. */
  private static final Map<ASN1ObjectIdentifier, String> KEY_FACTORIES = Map.of(
      PKCSObjectIdentifiers.rsaEncryption, "RSA",
      PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
      X9ObjectIdentifiers.id_ecPublicKey, "EC",
      EdECObjectIdentifiers.id_Ed25519, "Ed25519",
      EdECObjectIdentifiers.id_Ed448, "Ed448",
      X9ObjectIdentifiers.id_dsa, "DSA");

  /** Curves the JDK 17 SunEC provider implements; the others were removed in JDK 16. */
  private static final Set<ASN1ObjectIdentifier> JDK_CURVES = Set.of(
      SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1,
      SECObjectIdentifiers.secp521r1);

  /** Names for the unsupported algorithms users most often meet, for a readable error. */
  private static final Map<ASN1ObjectIdentifier, String> KNOWN_NAMES = Map.of(
      EdECObjectIdentifiers.id_X25519, "X25519 (key agreement only, cannot sign)",
      EdECObjectIdentifiers.id_X448, "X448 (key agreement only, cannot sign)",
      PKCSObjectIdentifiers.dhKeyAgreement, "DH (key agreement only, cannot sign)",
      X9ObjectIdentifiers.dhpublicnumber, "X9.42 DH (key agreement only, cannot sign)");

  /** Why a key could not be converted. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String algorithm) {
      super(algorithm);
    }
  }

  private JdkKeys() {}

  /** Returns the JDK KeyFactory name for this key, or throws naming the algorithm. */
  static String algorithm(PrivateKeyInfo info) throws Unsupported {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String name = KEY_FACTORIES.get(oid);
    if (name == null) {
      throw new Unsupported(KNOWN_NAMES.getOrDefault(oid, "with OID " + oid.getId()));
    }
    if (name.equals("EC")) {
      X962Parameters params =
          X962Parameters.getInstance(info.getPrivateKeyAlgorithm().getParameters());
      if (params.isNamedCurve()) {
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(params.getParameters());
        if (!JDK_CURVES.contains(curve)) {
          String curveName = ECNamedCurveTable.getName(curve);
          throw new Unsupported("EC on curve " + (curveName != null ? curveName : curve.getId()));
        }
      }
    }
    return name;
  }

  /**
   * Converts with the JDK's KeyFactory. Throws IOException if the JDK rejects the encoding.
   *
   * @param algorithm from {@link #algorithm}
   */
  static PrivateKey toJdk(PrivateKeyInfo info, String algorithm) throws IOException {
    byte[] encoded = info.getEncoded(ASN1Encoding.DER);
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(encoded);
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(spec);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IOException("the JDK rejects this " + algorithm + " key: " + e.getMessage(), e);
    } finally {
      // The spec cloned the bytes; wipe our copy of the key material.
      java.util.Arrays.fill(encoded, (byte) 0);
    }
  }
}
