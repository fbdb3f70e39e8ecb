package dev.pemtls.internal.x509;

import dev.pemtls.SslError;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;

/** A distinguished name as CPython's nested tuples: one tuple per RDN, of (name, value) pairs. */
final class NameTuples {
  private NameTuples() {}

  /**
   * Mirrors CPython's {@code _create_tuple_for_X509_NAME}: a tuple of RDNs in encoding order, each
   * RDN a tuple of {@code (longName, value)} pairs in the order they are encoded (a multi-valued
   * RDN is one tuple with several pairs). CPython starts a new RDN whenever OpenSSL's
   * {@code X509_NAME_ENTRY_set} changes, so an empty RDN SET yields no tuple at all.
   *
   * @param name the {@code Name} SEQUENCE OF RelativeDistinguishedName
   */
  static List<Object> of(ASN1Encodable name) throws SslError {
    List<Object> dn = new ArrayList<>();
    for (ASN1Encodable rdnElement : ASN1Sequence.getInstance(name)) {
      List<Object> rdn = new ArrayList<>();
      for (ASN1Encodable atvElement : ASN1Set.getInstance(rdnElement)) {
        ASN1Sequence atv = ASN1Sequence.getInstance(atvElement);
        String type = OidNames.text(ASN1ObjectIdentifier.getInstance(atv.getObjectAt(0)));
        rdn.add(List.of(type, AsnStrings.toUtf8(atv.getObjectAt(1))));
      }
      if (!rdn.isEmpty()) {
        dn.add(List.copyOf(rdn));
      }
    }
    return List.copyOf(dn);
  }
}
