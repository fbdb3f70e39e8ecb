package dev.pemtls.internal.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Self-signed test certificates whose subject and issuer are exactly the given DER bytes: no
 * library re-encodes, re-sorts or normalises the name on the way. The key lives only in memory.
 */
final class RawNameCert {
  private static final KeyPair KEYS = keys();

  private RawNameCert() {}

  /** A certificate DER with issuer = subject = {@code nameDer}. */
  static byte[] withName(byte[] nameDer) {
    try {
      AlgorithmIdentifier alg = new AlgorithmIdentifier(
          new ASN1ObjectIdentifier("1.2.840.10045.4.3.2"));
      ByteArrayOutputStream tbs = new ByteArrayOutputStream();
      tbs.writeBytes(der(new DERTaggedObject(true, 0, new ASN1Integer(2))));
      tbs.writeBytes(der(new ASN1Integer(BigInteger.valueOf(0x5eed))));
      tbs.writeBytes(der(alg));
      tbs.writeBytes(nameDer);
      tbs.writeBytes(der(new DERSequence(new ASN1Encodable[] {
        new DERUTCTime("200101000000Z"), new DERUTCTime("400101000000Z")})));
      tbs.writeBytes(nameDer);
      tbs.writeBytes(KEYS.getPublic().getEncoded());
      byte[] tbsDer = tlv(0x30, tbs.toByteArray());
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(KEYS.getPrivate());
      s.update(tbsDer);
      ByteArrayOutputStream cert = new ByteArrayOutputStream();
      cert.writeBytes(tbsDer);
      cert.writeBytes(der(alg));
      byte[] sig = s.sign();
      byte[] bits = new byte[sig.length + 1];
      System.arraycopy(sig, 0, bits, 1, sig.length);
      cert.writeBytes(tlv(0x03, bits));
      return tlv(0x30, cert.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DerReader.writeTlv(out, tag, content);
    return out.toByteArray();
  }

  static byte[] der(ASN1Encodable e) {
    try {
      return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
