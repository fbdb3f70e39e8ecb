package dev.pemtls.internal.trust;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Authority/subject key identifier matching, as OpenSSL's X509_check_akid uses it. */
final class KeyIdentifiers {
  private KeyIdentifiers() {}

  /**
   * False only when both identifiers are present and differ: then {@code issuer} cannot have
   * issued {@code cert}, whatever the names say.
   */
  static boolean mayHaveIssued(X509Certificate issuer, X509Certificate cert) {
    byte[] akid = authorityKeyId(cert);
    byte[] skid = subjectKeyId(issuer);
    return akid == null || skid == null || Arrays.equals(akid, skid);
  }

  private static byte[] authorityKeyId(X509Certificate c) {
    byte[] ext = CertExtensions.value(c, Extension.authorityKeyIdentifier.getId());
    if (ext == null) {
      return null;
    }
    try {
      AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(
          ASN1OctetString.getInstance(ext).getOctets());
      return aki.getKeyIdentifier();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] subjectKeyId(X509Certificate c) {
    byte[] ext = CertExtensions.value(c, Extension.subjectKeyIdentifier.getId());
    if (ext == null) {
      return null;
    }
    try {
      return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets())
          .getKeyIdentifier();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
