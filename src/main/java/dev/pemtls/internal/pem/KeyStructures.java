package dev.pemtls.internal.pem;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Turns the DER of each private key PEM label into a PKCS#8 PrivateKeyInfo, the one form the
 * rest of the code handles. Every method parses strictly (no trailing bytes) and throws on any
 * malformation, so garbage from a wrong password is caught here.
 */
final class KeyStructures {
  private KeyStructures() {}

  /** {@code PRIVATE KEY}: already PKCS#8. */
  static PrivateKeyInfo pkcs8(byte[] der) throws IOException {
    return PrivateKeyInfo.getInstance(strict(der));
  }

  /** {@code RSA PRIVATE KEY}: PKCS#1 RSAPrivateKey. */
  static PrivateKeyInfo rsa(byte[] der) throws IOException {
    RSAPrivateKey key = RSAPrivateKey.getInstance(strict(der));
    return new PrivateKeyInfo(
        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), key);
  }

  /**
   * {@code EC PRIVATE KEY}: SEC1 ECPrivateKey. Its curve is normally inside it; if not, the
   * {@code EC PARAMETERS} block that {@code openssl ecparam -genkey} writes before it supplies it.
   *
   * @param separateParameters DER of the preceding EC PARAMETERS block, or null
   */
  static PrivateKeyInfo ec(byte[] der, byte[] separateParameters) throws IOException {
    ECPrivateKey key = ECPrivateKey.getInstance(strict(der));
    org.bouncycastle.asn1.ASN1Encodable parameters = key.getParametersObject();
    if (parameters == null) {
      if (separateParameters == null) {
        throw new IOException("the EC key names no curve and no EC PARAMETERS block precedes it");
      }
      parameters = strict(separateParameters);
    }
    X962Parameters curve = X962Parameters.getInstance(parameters);
    return new PrivateKeyInfo(
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), key);
  }

  /** {@code DSA PRIVATE KEY}: OpenSSL's SEQUENCE { version, p, q, g, y, x }. */
  static PrivateKeyInfo dsa(byte[] der) throws IOException {
    ASN1Sequence seq = ASN1Sequence.getInstance(strict(der));
    if (seq.size() != 6) {
      throw new IOException("a DSA private key has 6 integers, found " + seq.size());
    }
    ASN1Integer p = ASN1Integer.getInstance(seq.getObjectAt(1));
    ASN1Integer q = ASN1Integer.getInstance(seq.getObjectAt(2));
    ASN1Integer g = ASN1Integer.getInstance(seq.getObjectAt(3));
    ASN1Integer x = ASN1Integer.getInstance(seq.getObjectAt(5));
    DSAParameter params = new DSAParameter(p.getValue(), q.getValue(), g.getValue());
    return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa, params), x);
  }

  /** Parses exactly one DER object; BouncyCastle rejects trailing bytes here. */
  private static ASN1Primitive strict(byte[] der) throws IOException {
    if (der.length == 0) {
      throw new IOException("empty key data");
    }
    ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
    if (primitive == null) {
      throw new IOException("no ASN.1 object");
    }
    return primitive;
  }
}
