package dev.pemtls.internal.x509;

import dev.pemtls.SslError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/** The certificate extensions CPython reads: subjectAltName, AIA and CRL distribution points. */
final class Extensions {
  static final String SUBJECT_ALT_NAME = "2.5.29.17";
  static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
  static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
  static final String AD_OCSP = "1.3.6.1.5.5.7.48.1";
  static final String AD_CA_ISSUERS = "1.3.6.1.5.5.7.48.2";

  private final ASN1Sequence extensions; // may be null: version 1 certificates have none

  Extensions(ASN1Sequence extensions) {
    this.extensions = extensions;
  }

  /**
   * The decoded value of one extension, as OpenSSL's {@code X509_get_ext_d2i} finds it: null when
   * absent, when present more than once (OpenSSL then reports "duplicate" and CPython sees
   * nothing), or when its value does not parse.
   */
  ASN1Primitive value(String oid) {
    if (extensions == null) {
      return null;
    }
    ASN1Primitive found = null;
    int count = 0;
    for (ASN1Encodable element : extensions) {
      ASN1Sequence ext = ASN1Sequence.getInstance(element);
      if (ASN1ObjectIdentifier.getInstance(ext.getObjectAt(0)).getId().equals(oid)) {
        count++;
        try {
          ASN1OctetString octets =
              ASN1OctetString.getInstance(ext.getObjectAt(ext.size() - 1));
          found = ASN1Primitive.fromByteArray(octets.getOctets());
        } catch (IOException | IllegalArgumentException e) {
          found = null;
        }
      }
    }
    return count == 1 ? found : null;
  }

  /**
   * Mirrors CPython's {@code _get_peer_alt_names}: every GeneralName of the subjectAltName
   * extension, in order; null when the extension is absent (an empty SEQUENCE gives an empty
   * list, which CPython does report).
   */
  List<Object> subjectAltName() throws SslError {
    ASN1Primitive v = value(SUBJECT_ALT_NAME);
    ASN1Sequence names = sequenceOrNull(v);
    return names == null ? null : GeneralNames.pairs(names);
  }

  /**
   * Mirrors CPython's {@code _get_aia_uri}: the URI locations of the access descriptions whose
   * method is {@code method}, in order; null when there are none.
   */
  List<Object> aiaUris(String method) throws SslError {
    ASN1Sequence info = sequenceOrNull(value(AUTHORITY_INFO_ACCESS));
    List<Object> uris = new ArrayList<>();
    if (info != null) {
      for (ASN1Encodable element : info) {
        ASN1Sequence ad = ASN1Sequence.getInstance(element);
        ASN1TaggedObject location = ASN1TaggedObject.getInstance(ad.getObjectAt(1));
        if (ASN1ObjectIdentifier.getInstance(ad.getObjectAt(0)).getId().equals(method)
            && location.getTagNo() == GeneralNames.URI) {
          uris.add(GeneralNames.ia5(location));
        }
      }
    }
    return uris.isEmpty() ? null : List.copyOf(uris);
  }

  /**
   * Mirrors CPython's {@code _get_crl_dp}: the URIs among the {@code fullName} GeneralNames of
   * every distribution point, in order; null when there are none. Points without a
   * distributionPoint, names relative to the CRL issuer, cRLIssuer and non-URI names contribute
   * nothing.
   */
  List<Object> crlDistributionPoints() throws SslError {
    ASN1Sequence points = sequenceOrNull(value(CRL_DISTRIBUTION_POINTS));
    List<Object> uris = new ArrayList<>();
    if (points != null) {
      for (ASN1Encodable element : points) {
        for (ASN1Encodable field : ASN1Sequence.getInstance(element)) {
          ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(field);
          if (tagged.getTagNo() != 0) {
            continue; // reasons [1] or cRLIssuer [2]
          }
          ASN1TaggedObject dpName = ASN1TaggedObject.getInstance(tagged.getExplicitBaseObject());
          if (dpName.getTagNo() != 0) {
            continue; // nameRelativeToCRLIssuer
          }
          for (ASN1Encodable gn : ASN1Sequence.getInstance(dpName, false)) {
            ASN1TaggedObject name = ASN1TaggedObject.getInstance(gn);
            if (name.getTagNo() == GeneralNames.URI) {
              uris.add(GeneralNames.ia5(name));
            }
          }
        }
      }
    }
    return uris.isEmpty() ? null : List.copyOf(uris);
  }

  private static ASN1Sequence sequenceOrNull(ASN1Primitive v) {
    return v instanceof ASN1Sequence ? (ASN1Sequence) v : null;
  }
}
