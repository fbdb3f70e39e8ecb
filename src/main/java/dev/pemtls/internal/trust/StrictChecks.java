package dev.pemtls.internal.trust;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The RFC 5280 checks OpenSSL 3.0 makes only with {@code X509_V_FLAG_X509_STRICT} (Python's
 * {@code VERIFY_X509_STRICT}), from {@code check_extensions} in crypto/x509/x509_vfy.c, in its
 * order, for every certificate of a chain longer than one (RFC 6818 exempts a lone self-issued
 * certificate).
 */
final class StrictChecks {
  private static final int KU_KEY_CERT_SIGN = 5;
  private static final int KU_CRL_SIGN = 6;

  private StrictChecks() {}

  static void check(List<X509Certificate> path) throws VerificationFailure {
    int num = path.size();
    for (int i = 0; i < num; i++) {
      X509Certificate x = path.get(i);
      Certificate c;
      try {
        c = Certificate.getInstance(x.getEncoded());
      } catch (CertificateEncodingException | RuntimeException e) {
        throw new VerificationFailure(VerifyCode.UNSPECIFIED, i, "unparsable certificate", e);
      }
      if (explicitCurve(c.getSubjectPublicKeyInfo())) {
        fail(VerifyCode.EC_KEY_EXPLICIT_PARAMS, i);
      }
      if (num == 1) {
        continue;
      }
      Extensions ext = c.getTBSCertificate().getExtensions();
      Extension bc = ext == null ? null : ext.getExtension(Extension.basicConstraints);
      boolean ca = false;
      boolean pathLen = false;
      if (bc != null) {
        BasicConstraints b = BasicConstraints.getInstance(bc.getParsedValue());
        ca = b.isCA();
        pathLen = b.getPathLenConstraint() != null;
      }
      boolean[] ku = x.getKeyUsage();
      boolean certSign = bit(ku, KU_KEY_CERT_SIGN);
      if (pathLen) {
        failIf(!ca, VerifyCode.PATHLEN_INVALID_FOR_NON_CA, i);
        failIf(!certSign, VerifyCode.PATHLEN_WITHOUT_KU_KEY_CERT_SIGN, i);
      }
      failIf(ca && bc != null && !bc.isCritical(), VerifyCode.CA_BCONS_NOT_CRITICAL, i);
      if (ca) {
        failIf(ku == null, VerifyCode.CA_CERT_MISSING_KEY_USAGE, i);
      } else {
        failIf(certSign, VerifyCode.KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA, i);
      }
      failIf(c.getIssuer().getRDNs().length == 0 || empty(c.getIssuer().getRDNs()),
          VerifyCode.ISSUER_NAME_EMPTY, i);
      Extension san = ext == null ? null : ext.getExtension(Extension.subjectAlternativeName);
      boolean subjectEmpty = empty(c.getSubject().getRDNs());
      failIf((ca || bit(ku, KU_CRL_SIGN) || san == null) && subjectEmpty,
          VerifyCode.SUBJECT_NAME_EMPTY, i);
      failIf(subjectEmpty && san != null && !san.isCritical(),
          VerifyCode.EMPTY_SUBJECT_SAN_NOT_CRITICAL, i);
      failIf(san != null && emptySan(san), VerifyCode.EMPTY_SUBJECT_ALT_NAME, i);
      failIf(!c.getSignatureAlgorithm().equals(c.getTBSCertificate().getSignature()),
          VerifyCode.SIGNATURE_ALGORITHM_INCONSISTENCY, i);
      Extension akid = ext == null ? null : ext.getExtension(Extension.authorityKeyIdentifier);
      Extension skid = ext == null ? null : ext.getExtension(Extension.subjectKeyIdentifier);
      failIf(akid != null && akid.isCritical(), VerifyCode.AUTHORITY_KEY_IDENTIFIER_CRITICAL, i);
      failIf(skid != null && skid.isCritical(), VerifyCode.SUBJECT_KEY_IDENTIFIER_CRITICAL, i);
      if (x.getVersion() >= 3) {
        failIf(i + 1 < num && akid == null, VerifyCode.MISSING_AUTHORITY_KEY_IDENTIFIER, i);
        failIf(ca && skid == null, VerifyCode.MISSING_SUBJECT_KEY_IDENTIFIER, i);
      } else {
        failIf(ext != null && ext.getExtensionOIDs().length > 0,
            VerifyCode.EXTENSIONS_REQUIRE_VERSION_3, i);
      }
    }
  }

  /** OpenSSL counts name entries: a name of only empty RDNs is empty too. */
  private static boolean empty(org.bouncycastle.asn1.x500.RDN[] rdns) {
    for (org.bouncycastle.asn1.x500.RDN r : rdns) {
      if (r.size() > 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean emptySan(Extension san) {
    try {
      return GeneralNames.getInstance(san.getParsedValue()).getNames().length == 0;
    } catch (RuntimeException e) {
      return ASN1Sequence.getInstance(san.getParsedValue()).size() == 0;
    }
  }

  private static boolean explicitCurve(SubjectPublicKeyInfo spki) {
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    return X9ObjectIdentifiers.id_ecPublicKey.equals(alg)
        && spki.getAlgorithm().getParameters() instanceof ASN1Sequence;
  }

  private static boolean bit(boolean[] bits, int i) {
    return bits != null && i < bits.length && bits[i];
  }

  private static void failIf(boolean condition, VerifyCode code, int depth)
      throws VerificationFailure {
    if (condition) {
      fail(code, depth);
    }
  }

  private static void fail(VerifyCode code, int depth) throws VerificationFailure {
    throw new VerificationFailure(code, depth, "strict RFC 5280 check (VERIFY_X509_STRICT)");
  }
}
