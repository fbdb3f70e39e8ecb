package dev.pemtls.internal.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Decides whether an identity can serve one of BCJSSE's requested key types.
 *
 * <p>BCJSSE asks key managers for key types in its own vocabulary: {@code Ed25519}, {@code
 * Ed448}, {@code EC/secp256r1} (TLS 1.3, curve-specific), {@code RSA} and {@code RSASSA-PSS}
 * (signature key types), {@code EC}, {@code DSA}, and for TLS 1.2 servers the JSSE auth types
 * ({@code ECDHE_RSA}, {@code ECDHE_ECDSA}, {@code DHE_RSA}, {@code DHE_DSS}, and one for RSA key
 * exchange). The JDK's key objects name EdDSA keys "EdDSA", which BCJSSE's own key manager does
 * not match, so PemTLS matches on the certificate's SubjectPublicKeyInfo instead. The same key
 * manager also serves SunJSSE ({@code SslContext.keyManager()}), which asks for {@code RSA},
 * {@code RSASSA-PSS}, {@code EC} and {@code EdDSA}.
 */
final class KeyTypes {
  private KeyTypes() {}

  /** The kind of key a certificate holds, from its SubjectPublicKeyInfo algorithm. */
  static final class Kind {
    final String family; // RSA, RSASSA-PSS, EC, Ed25519, Ed448, DSA, or the OID
    final ASN1ObjectIdentifier curve; // EC only
    final boolean keyEncipherment; // KU allows RSA key transport (or no KU)

    private Kind(String family, ASN1ObjectIdentifier curve, boolean keyEncipherment) {
      this.family = family;
      this.curve = curve;
      this.keyEncipherment = keyEncipherment;
    }
  }

  static Kind kindOf(X509Certificate leaf) {
    AlgorithmIdentifier alg = SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded())
        .getAlgorithm();
    ASN1ObjectIdentifier oid = alg.getAlgorithm();
    boolean[] ku = leaf.getKeyUsage();
    boolean keyEnc = ku == null || (ku.length > 2 && ku[2]);
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return new Kind("RSA", null, keyEnc);
    } else if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
      return new Kind("RSASSA-PSS", null, false);
    } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      ASN1Encodable p = alg.getParameters();
      return new Kind("EC", p instanceof ASN1ObjectIdentifier ? (ASN1ObjectIdentifier) p : null,
          false);
    } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      return new Kind("Ed25519", null, false);
    } else if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
      return new Kind("Ed448", null, false);
    } else if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
      return new Kind("DSA", null, false);
    }
    return new Kind(oid.getId(), null, false);
  }

  /** Whether a key of {@code kind} can serve BCJSSE's {@code keyType}. */
  static boolean serves(Kind kind, String keyType) {
    String t = keyType.toUpperCase(Locale.ROOT);
    switch (kind.family) {
      case "Ed25519":
      case "Ed448":
        // SunJSSE asks for "EdDSA" when PemTLS's key manager is handed to it.
        return keyType.equalsIgnoreCase(kind.family) || t.equals("EDDSA");
      case "RSASSA-PSS":
        return t.equals("RSASSA-PSS");
      case "DSA":
        return t.equals("DSA") || t.endsWith("_DSS");
      case "EC":
        if (t.startsWith("EC/")) {
          ASN1ObjectIdentifier wanted = ECNamedCurveTable.getOID(keyType.substring(3));
          return wanted != null && wanted.equals(kind.curve);
        }
        return t.equals("EC") || t.endsWith("_ECDSA");
      case "RSA":
        if (t.equals("RSA") || t.endsWith("_RSA")) {
          return true;
        }
        // RSA key exchange (TLS 1.2 and older) encrypts to the key: KU must allow it.
        return t.contains("RSA") && !t.contains("PSS") && kind.keyEncipherment;
      default:
        return false;
    }
  }

  /** Whether the private key and the certificate are the same family, for a sanity check. */
  static boolean plausible(PrivateKey key, Kind kind) {
    String a = key.getAlgorithm();
    switch (kind.family) {
      case "RSA":
      case "RSASSA-PSS":
        return a.startsWith("RSA");
      case "Ed25519":
      case "Ed448":
        return a.equals("EdDSA") || a.equalsIgnoreCase(kind.family);
      default:
        return true;
    }
  }
}
