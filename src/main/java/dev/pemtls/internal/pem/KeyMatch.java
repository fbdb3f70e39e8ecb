package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Checks that a private key belongs to a certificate, as OpenSSL's {@code X509_check_private_key}
 * does through {@code EVP_PKEY_eq}: same key type, then same public values (RSA modulus and
 * exponent, EC point derived from the private scalar, EdDSA public key derived from the seed, DSA
 * y = g^x mod p). Uses BouncyCastle's lightweight math, not a provider, so nothing is registered.
 */
final class KeyMatch {
  private KeyMatch() {}

  /**
   * @throws SslError X509 KEY_TYPE_MISMATCH, KEY_VALUES_MISMATCH or UNKNOWN_KEY_TYPE
   */
  static void check(X509Certificate leaf, PrivateKeyInfo key, String keySource,
      String certSource) throws SslError {
    String subject = leaf.getSubjectX500Principal().getName();
    SubjectPublicKeyInfo spki;
    AsymmetricKeyParameter pub;
    AsymmetricKeyParameter priv;
    Boolean rsa = null;
    try {
      spki = SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded());
      rsa = rsaMatches(spki, key);
      pub = rsa != null ? null : PublicKeyFactory.createKey(spki);
      priv = rsa != null ? null : PrivateKeyFactory.createKey(key);
    } catch (IOException | RuntimeException e) {
      throw Reason.X509_UNKNOWN_KEY_TYPE.error("unknown key type: cannot compare the "
          + "private key in " + keySource + " with the public key of the certificate " + subject
          + " in " + certSource, e);
    }
    if (!spki.getAlgorithm().getAlgorithm().equals(key.getPrivateKeyAlgorithm().getAlgorithm())) {
      throw Reason.X509_KEY_TYPE_MISMATCH.error("key type mismatch: the private key in "
          + keySource + " is of a different type than the key of the certificate " + subject
          + " in " + certSource);
    }
    Boolean same;
    try {
      same = rsa != null ? rsa : matches(pub, priv);
    } catch (RuntimeException e) {
      // Degenerate values (EC point at infinity and the like) cannot match a certificate.
      same = false;
    }
    if (same == null) {
      throw Reason.X509_UNKNOWN_KEY_TYPE.error("unknown key type: cannot compare the "
          + "private key in " + keySource + " with the certificate " + subject);
    }
    if (!same) {
      throw Reason.X509_KEY_VALUES_MISMATCH.error("key values mismatch: the private key in "
          + keySource + " does not belong to the certificate " + subject + " in " + certSource);
    }
  }

  /**
   * For RSA keys (rsaEncryption and RSASSA-PSS): whether modulus and public exponent are the
   * same, read from the ASN.1 structures; null for other key types. BouncyCastle's key parameter
   * objects would run a Miller-Rabin test on the modulus, which took a fresh JVM about 0.3 s of
   * interpreted BigInteger arithmetic per RSA identity, and the match does not need it.
   */
  private static Boolean rsaMatches(SubjectPublicKeyInfo spki, PrivateKeyInfo key)
      throws IOException {
    ASN1ObjectIdentifier pubAlg = spki.getAlgorithm().getAlgorithm();
    ASN1ObjectIdentifier keyAlg = key.getPrivateKeyAlgorithm().getAlgorithm();
    if (!isRsa(pubAlg) || !isRsa(keyAlg)) {
      return null;
    }
    RSAPublicKey pub = RSAPublicKey.getInstance(spki.parsePublicKey());
    RSAPrivateKey priv = RSAPrivateKey.getInstance(key.parsePrivateKey());
    return pub.getModulus().equals(priv.getModulus())
        && pub.getPublicExponent().equals(priv.getPublicExponent());
  }

  private static boolean isRsa(ASN1ObjectIdentifier oid) {
    return PKCSObjectIdentifiers.rsaEncryption.equals(oid)
        || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid);
  }

  /** True if they match, false if not, null if the key type is not handled. */
  private static Boolean matches(AsymmetricKeyParameter pub, AsymmetricKeyParameter priv) {
    if (priv instanceof RSAPrivateCrtKeyParameters crt && pub instanceof RSAKeyParameters rsa) {
      return crt.getModulus().equals(rsa.getModulus())
          && crt.getPublicExponent().equals(rsa.getExponent());
    }
    if (priv instanceof RSAKeyParameters rsaPriv && pub instanceof RSAKeyParameters rsa) {
      // A non-CRT key carries no public exponent; the modulus is all there is to compare.
      return rsaPriv.getModulus().equals(rsa.getModulus());
    }
    if (priv instanceof ECPrivateKeyParameters ec && pub instanceof ECPublicKeyParameters ecPub) {
      ECDomainParameters a = ec.getParameters();
      ECDomainParameters b = ecPub.getParameters();
      if (!a.getCurve().equals(b.getCurve()) || !a.getN().equals(b.getN())
          || !a.getG().equals(b.getG())) {
        return false;
      }
      ECPoint derived = new FixedPointCombMultiplier().multiply(a.getG(), ec.getD()).normalize();
      ECPoint q = ecPub.getQ().normalize();
      return derived.getAffineXCoord().toBigInteger().equals(q.getAffineXCoord().toBigInteger())
          && derived.getAffineYCoord().toBigInteger()
              .equals(q.getAffineYCoord().toBigInteger());
    }
    if (priv instanceof Ed25519PrivateKeyParameters ed
        && pub instanceof Ed25519PublicKeyParameters edPub) {
      return MessageDigest.isEqual(ed.generatePublicKey().getEncoded(), edPub.getEncoded());
    }
    if (priv instanceof Ed448PrivateKeyParameters ed
        && pub instanceof Ed448PublicKeyParameters edPub) {
      return MessageDigest.isEqual(ed.generatePublicKey().getEncoded(), edPub.getEncoded());
    }
    if (priv instanceof DSAPrivateKeyParameters dsa && pub instanceof DSAPublicKeyParameters dsaPub) {
      DSAParameters p = dsa.getParameters();
      // The size cap keeps a crafted file from making modPow run for minutes.
      if (p == null || !p.equals(dsaPub.getParameters()) || p.getP().bitLength() > 16384) {
        return false;
      }
      BigInteger y = p.getG().modPow(dsa.getX(), p.getP());
      return y.equals(dsaPub.getY());
    }
    return null;
  }
}
