package dev.pemtls.internal.trust;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * OpenSSL's invalid certificate ({@code EXFLAG_INVALID}, set by {@code
 * ossl_x509v3_cache_extensions}): one of the extensions OpenSSL decodes does not decode, its
 * basicConstraints path length is negative, or its key usage asserts no bit. OpenSSL then never
 * matches such a certificate as an issuer or as issued, so a chain ends at it with code 20.
 *
 * <p>The JDK keeps an undecodable non-critical extension aside and validates as if it were
 * absent; for name constraints that would be a chain without its limits. This check runs first.
 */
final class ExtensionDefects {
  /** Each extension OpenSSL decodes, in its order: OID, name, a decoder that throws. */
  private static final List<Decoder> DECODERS = List.of(
      new Decoder("2.5.29.19", "basicConstraints", ExtensionDefects::basicConstraints),
      new Decoder("1.3.6.1.5.5.7.1.14", "proxyCertInfo", ASN1Sequence::getInstance),
      new Decoder("2.5.29.15", "keyUsage", ExtensionDefects::keyUsage),
      new Decoder("2.5.29.37", "extendedKeyUsage",
          p -> ExtendedKeyUsage.getInstance(p).getUsages()),
      new Decoder("2.16.840.1.113730.1.1", "nsCertType", ASN1BitString::getInstance),
      new Decoder("2.5.29.14", "subjectKeyIdentifier", ASN1OctetString::getInstance),
      new Decoder("2.5.29.35", "authorityKeyIdentifier",
          ExtensionDefects::authorityKeyIdentifier),
      new Decoder("2.5.29.17", "subjectAltName", ExtensionDefects::generalNames),
      new Decoder("2.5.29.30", "nameConstraints", ExtensionDefects::nameConstraints),
      new Decoder("2.5.29.31", "crlDistributionPoints",
          ExtensionDefects::distributionPoints),
      // RFC 3779 address and AS blocks: OpenSSL decodes them; PemTLS checks they are SEQUENCEs.
      new Decoder("1.3.6.1.5.5.7.1.7", "sbgp-ipAddrBlock", ASN1Sequence::getInstance),
      new Decoder("1.3.6.1.5.5.7.1.8", "sbgp-autonomousSysNum",
          ASN1Sequence::getInstance));

  private record Decoder(String oid, String name, Function<ASN1Primitive, ?> decode) {}

  private ExtensionDefects() {}

  /**
   * What makes {@code cert} invalid to OpenSSL, naming the extension ("its nameConstraints
   * extension does not decode"), or null when nothing does.
   */
  static String of(X509Certificate cert) {
    Set<String> present = CertExtensions.oids(cert);
    for (Decoder d : DECODERS) {
      byte[] value = present.contains(d.oid()) ? cert.getExtensionValue(d.oid()) : null;
      if (value == null) {
        continue;
      }
      try {
        d.decode().apply(ASN1Primitive.fromByteArray(
            ASN1OctetString.getInstance(value).getOctets()));
      } catch (Defect defect) {
        return "its " + d.name() + " extension " + defect.getMessage();
      } catch (IOException | RuntimeException bad) {
        return "its " + d.name() + " extension (" + d.oid() + ") does not decode";
      }
    }
    return null;
  }

  private static Object basicConstraints(ASN1Primitive p) {
    BasicConstraints bc = BasicConstraints.getInstance(p);
    if (bc.getPathLenConstraint() != null && bc.getPathLenConstraint().signum() < 0) {
      throw new Defect("has a negative path length");
    }
    return bc;
  }

  private static Object keyUsage(ASN1Primitive p) {
    byte[] bits = ASN1BitString.getInstance(p).getBytes();
    for (byte b : bits) {
      if (b != 0) {
        return bits;
      }
    }
    throw new Defect("asserts no usage (RFC 5280 4.2.1.3)");
  }

  private static Object authorityKeyIdentifier(ASN1Primitive p) {
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(p);
    if (aki.getAuthorityCertIssuer() != null) {
      aki.getAuthorityCertIssuer().getNames();
    }
    return aki.getKeyIdentifier();
  }

  private static Object generalNames(ASN1Primitive p) {
    for (GeneralName n : GeneralNames.getInstance(p).getNames()) {
      n.getName();
    }
    return p;
  }

  private static Object nameConstraints(ASN1Primitive p) {
    NameConstraints nc = NameConstraints.getInstance(p);
    for (GeneralSubtree[] subtrees : new GeneralSubtree[][] {nc.getPermittedSubtrees(),
        nc.getExcludedSubtrees()}) {
      for (int i = 0; subtrees != null && i < subtrees.length; i++) {
        subtrees[i].getBase().getName();
      }
    }
    return nc;
  }

  private static Object distributionPoints(ASN1Primitive p) {
    for (DistributionPoint dp : CRLDistPoint.getInstance(p).getDistributionPoints()) {
      dp.getDistributionPoint();
      if (dp.getCRLIssuer() != null) {
        dp.getCRLIssuer().getNames();
      }
    }
    return p;
  }

  /** An extension that decodes but is not allowed, with what is wrong. */
  private static final class Defect extends RuntimeException {
    Defect(String message) {
      super(message, null, false, false);
    }
  }
}
