package dev.pemtls.internal.x509;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DLSet;

/** Short constructors for the ASN.1 pieces of test certificates. */
final class Asn {
  private Asn() {}

  static ASN1ObjectIdentifier oid(String dotted) {
    return new ASN1ObjectIdentifier(dotted);
  }

  static DERSequence seq(ASN1Encodable... items) {
    return new DERSequence(items);
  }

  /** An AttributeTypeAndValue. */
  static DERSequence atv(String oid, ASN1Encodable value) {
    return seq(oid(oid), value);
  }

  /** A UTF8String attribute. */
  static DERSequence atv(String oid, String value) {
    return atv(oid, new DERUTF8String(value));
  }

  /** An RDN, DER-sorted as a SET OF must be. */
  static DERSet rdn(ASN1Encodable... atvs) {
    return new DERSet(atvs);
  }

  /** An RDN whose members stay in the given, possibly unsorted, order. */
  static DLSet unsortedRdn(ASN1Encodable... atvs) {
    return new DLSet(atvs);
  }

  /** A Name of single-valued RDNs, one per attribute. */
  static DERSequence name(ASN1Encodable... atvs) {
    ASN1Encodable[] rdns = new ASN1Encodable[atvs.length];
    for (int i = 0; i < atvs.length; i++) {
      rdns[i] = atvs[i] instanceof DERSequence ? rdn(atvs[i]) : atvs[i];
    }
    return new DERSequence(rdns);
  }

  /** A string of universal {@code tag} holding {@code s} as Latin-1 octets. */
  static ASN1Primitive latin1(int tag, String s) {
    return TestCert.raw(tag, s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** An implicitly tagged GeneralName. */
  static DERTaggedObject gn(int tag, ASN1Encodable value) {
    return new DERTaggedObject(false, tag, value);
  }

  /** A GeneralName of an IA5String type (email 1, DNS 2, URI 6). */
  static DERTaggedObject gn(int tag, String ia5) {
    return gn(tag, new DERIA5String(ia5));
  }

  /** An explicitly tagged value. */
  static DERTaggedObject explicit(int tag, ASN1Encodable value) {
    return new DERTaggedObject(true, tag, value);
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
