package dev.pemtls.internal.trust;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;

/**
 * OpenSSL's {@code X509_check_ca} (3.0's {@code check_ca}): whether a certificate counts as a CA
 * certificate, as Python's {@code get_ca_certs()} and {@code cert_store_stats()['x509_ca']} ask.
 */
public final class CaCheck {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String NETSCAPE_CERT_TYPE = "2.16.840.1.113730.1.1";
  /** NS_SSL_CA | NS_SMIME_CA | NS_OBJSIGN_CA in the first octet of the Netscape bit string. */
  private static final int NS_ANY_CA = 0x04 | 0x02 | 0x01;

  private CaCheck() {}

  /**
   * A certificate OpenSSL holds invalid ({@link ExtensionDefects}) is none. Then a key usage,
   * when present, must allow keyCertSign; then basicConstraints decides when present; without it
   * a self-issued version 1 certificate, one with key usage, or a Netscape CA type counts.
   */
  public static boolean isCa(X509Certificate cert) {
    if (ExtensionDefects.of(cert) != null) {
      return false;
    }
    boolean[] ku = cert.getKeyUsage();
    if (ku != null && !(ku.length > 5 && ku[5])) {
      return false;
    }
    if (CertExtensions.has(cert, BASIC_CONSTRAINTS)) {
      return cert.getBasicConstraints() >= 0;
    }
    if (cert.getVersion() == 1 && ChainVerifier.isSelfIssued(cert)) {
      return true;
    }
    if (ku != null) {
      return true;
    }
    byte[] ns = CertExtensions.value(cert, NETSCAPE_CERT_TYPE);
    if (ns != null) {
      try {
        byte[] bits = DERBitString.getInstance(ASN1OctetString.getInstance(ns).getOctets())
            .getBytes();
        return bits.length > 0 && (bits[0] & NS_ANY_CA) != 0;
      } catch (RuntimeException e) {
        return false; // OpenSSL marks an unparsable extension invalid: not a CA
      }
    }
    return false;
  }
}
