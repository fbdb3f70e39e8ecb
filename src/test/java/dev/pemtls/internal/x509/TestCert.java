package dev.pemtls.internal.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Builds test certificates field by field, so that tests control the exact encoding (string
 * types, time formats, odd serials, duplicate extensions). The key pair is made fresh for each run
 * and never written anywhere.
 */
final class TestCert {
  private static final KeyPair KEYS = newKeys();
  private static final AlgorithmIdentifier ECDSA_SHA256 =
      new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.10045.4.3.2"));

  Integer version = 2; // v3; null leaves the field out (version 1)
  BigInteger serial = BigInteger.valueOf(0x1234);
  ASN1Encodable issuer = new X500Name("CN=Test Issuer");
  ASN1Encodable subject = new X500Name("CN=Test Subject");
  ASN1Primitive notBefore = time(23, "110505093737Z");
  ASN1Primitive notAfter = time(23, "300101000000Z");
  final List<ASN1Encodable> extensions = new ArrayList<>();

  /** Adds a non-critical extension whose value is {@code value}'s DER. */
  TestCert ext(String oid, ASN1Encodable value) {
    try {
      extensions.add(new DERSequence(new ASN1Encodable[] {
        new ASN1ObjectIdentifier(oid), ASN1Boolean.FALSE,
        new DEROctetString(value.toASN1Primitive().getEncoded(ASN1Encoding.DER))}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A time value of universal tag 23 or 24 carrying {@code text} unchecked. */
  static ASN1Primitive time(int tag, String text) {
    return raw(tag, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Parses a primitive TLV of a low universal tag with the given content octets. */
  static ASN1Primitive raw(int tag, byte[] content) {
    byte[] tlv = new byte[content.length + 2];
    tlv[0] = (byte) tag;
    tlv[1] = (byte) content.length; // tests keep contents under 128 octets
    System.arraycopy(content, 0, tlv, 2, content.length);
    try {
      return ASN1Primitive.fromByteArray(tlv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The signed certificate's DER. */
  byte[] der() {
    try {
      ASN1EncodableVector tbs = new ASN1EncodableVector();
      if (version != null) {
        tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(version)));
      }
      tbs.add(new ASN1Integer(serial));
      tbs.add(ECDSA_SHA256);
      tbs.add(issuer);
      tbs.add(new DERSequence(new ASN1Encodable[] {notBefore, notAfter}));
      tbs.add(subject);
      tbs.add(ASN1Primitive.fromByteArray(KEYS.getPublic().getEncoded()));
      if (!extensions.isEmpty()) {
        tbs.add(new DERTaggedObject(true, 3,
            new DERSequence(extensions.toArray(new ASN1Encodable[0]))));
      }
      DERSequence tbsSeq = new DERSequence(tbs);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(KEYS.getPrivate());
      signer.update(tbsSeq.getEncoded(ASN1Encoding.DER));
      return new DERSequence(new ASN1Encodable[] {
        tbsSeq, ECDSA_SHA256, new DERBitString(signer.sign())}).getEncoded(ASN1Encoding.DER);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of a DER certificate. */
  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
