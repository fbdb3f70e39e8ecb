package dev.pemtls.internal.x509;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * The fields of a TBSCertificate the printers read, located in the DER structure (RFC 5280
 * 4.1): both CPython's dictionary ({@link CertificateDict}) and openssl's fields ({@link
 * OpenSslFields}) print from these encoded values.
 *
 * @param version the version field's value (0 for v1, where it is absent)
 * @param extensions the extensions SEQUENCE, or null (v1 and v2 certificates have none)
 */
record TbsFields(int version, ASN1Integer serial, ASN1Encodable issuer, ASN1Sequence validity,
    ASN1Encodable subject, ASN1Sequence extensions) {

  /** @throws RuntimeException (from BouncyCastle) when {@code tbs} is not shaped as one */
  static TbsFields of(ASN1Sequence tbs) {
    int i = 0;
    int version = 0;
    if (tbs.getObjectAt(0) instanceof ASN1TaggedObject) {
      ASN1TaggedObject v = (ASN1TaggedObject) tbs.getObjectAt(i++);
      version = ASN1Integer.getInstance(v.getExplicitBaseObject()).intValueExact();
    }
    ASN1Integer serial = ASN1Integer.getInstance(tbs.getObjectAt(i++));
    i++; // signature AlgorithmIdentifier
    ASN1Encodable issuer = tbs.getObjectAt(i++);
    ASN1Sequence validity = ASN1Sequence.getInstance(tbs.getObjectAt(i++));
    ASN1Encodable subject = tbs.getObjectAt(i++);
    i++; // subjectPublicKeyInfo
    ASN1Sequence extensions = null;
    for (; i < tbs.size(); i++) {
      ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(tbs.getObjectAt(i));
      if (tagged.getTagNo() == 3) {
        extensions = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
      }
    }
    return new TbsFields(version, serial, issuer, validity, subject, extensions);
  }

  /** notBefore as OpenSSL prints it. */
  String notBefore() {
    return AsnTimes.print(validity.getObjectAt(0));
  }

  /** notAfter as OpenSSL prints it. */
  String notAfter() {
    return AsnTimes.print(validity.getObjectAt(1));
  }
}
