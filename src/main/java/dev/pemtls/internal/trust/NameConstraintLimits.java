package dev.pemtls.internal.trust;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * The parts of OpenSSL's {@code NAME_CONSTRAINTS_check} the JDK's PKIX validator does not make:
 * the guard against costly checks (more than 2^20 name-constraint comparisons between one
 * certificate and one CA fail with code 1, "unspecified") and {@code nc_ip}'s syntax check (an
 * IP address that is not 4 or 16 bytes, or an IP constraint that is not 8 or 32, compared with
 * each other fail with code 53).
 */
final class NameConstraintLimits {
  private static final int NAME_CHECK_MAX = 1 << 20;

  private NameConstraintLimits() {}

  static void check(List<X509Certificate> path) throws VerificationFailure {
    for (int ca = 1; ca < path.size(); ca++) {
      NameConstraints nc = constraints(path.get(ca));
      if (nc == null) {
        continue;
      }
      GeneralSubtree[] permitted = orEmpty(nc.getPermittedSubtrees());
      GeneralSubtree[] excluded = orEmpty(nc.getExcludedSubtrees());
      long constraints = (long) permitted.length + excluded.length;
      for (int i = 0; i < ca; i++) {
        Certificate c = parse(path.get(i), i);
        GeneralName[] sans = sans(c);
        long names = (long) entries(c) + sans.length;
        if (names > 0 && constraints > NAME_CHECK_MAX / names) {
          throw new VerificationFailure(VerifyCode.UNSPECIFIED, i, names + " names against "
              + constraints + " name constraints is more than OpenSSL will compare");
        }
        for (GeneralName san : sans) {
          if (san.getTagNo() == GeneralName.iPAddress) {
            checkIp(san, permitted, i);
            checkIp(san, excluded, i);
          }
        }
      }
    }
  }

  private static void checkIp(GeneralName ip, GeneralSubtree[] subtrees, int depth)
      throws VerificationFailure {
    int len = ASN1OctetString.getInstance(ip.getName()).getOctets().length;
    for (GeneralSubtree t : subtrees) {
      if (t.getBase().getTagNo() != GeneralName.iPAddress) {
        continue;
      }
      int base = ASN1OctetString.getInstance(t.getBase().getName()).getOctets().length;
      if ((len != 4 && len != 16) || (base != 8 && base != 32)) {
        throw new VerificationFailure(VerifyCode.UNSUPPORTED_NAME_SYNTAX, depth,
            "IP address of " + len + " bytes against an IP constraint of " + base + " bytes");
      }
    }
  }

  private static int entries(Certificate c) {
    int n = 0;
    for (org.bouncycastle.asn1.x500.RDN r : c.getSubject().getRDNs()) {
      n += r.size();
    }
    return n;
  }

  private static GeneralName[] sans(Certificate c) {
    if (c.getTBSCertificate().getExtensions() == null) {
      return new GeneralName[0];
    }
    Extension san = c.getTBSCertificate().getExtensions()
        .getExtension(Extension.subjectAlternativeName);
    try {
      return san == null ? new GeneralName[0]
          : GeneralNames.getInstance(san.getParsedValue()).getNames();
    } catch (RuntimeException e) {
      return new GeneralName[0];
    }
  }

  private static NameConstraints constraints(X509Certificate ca) {
    byte[] ext = CertExtensions.value(ca, Extension.nameConstraints.getId());
    if (ext == null) {
      return null;
    }
    try {
      return NameConstraints.getInstance(ASN1OctetString.getInstance(ext).getOctets());
    } catch (RuntimeException e) {
      return null; // ChainVerifier has already refused the chain (ExtensionDefects)
    }
  }

  private static GeneralSubtree[] orEmpty(GeneralSubtree[] s) {
    return s == null ? new GeneralSubtree[0] : s;
  }

  private static Certificate parse(X509Certificate c, int depth) throws VerificationFailure {
    try {
      return Certificate.getInstance(c.getEncoded());
    } catch (CertificateEncodingException | RuntimeException e) {
      throw new VerificationFailure(VerifyCode.UNSPECIFIED, depth, "unparsable certificate", e);
    }
  }
}
