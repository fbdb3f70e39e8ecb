package dev.pemtls.internal.x509;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * Python's {@code getpeercert()} dictionary for a certificate.
 *
 * <p>Values follow CPython's types: tuples become unmodifiable {@link List}s, the dictionary an
 * unmodifiable insertion-ordered map, strings stay {@link String}s and the version is an
 * {@link Integer}. Keys appear in CPython's order: {@code subject, issuer, version, serialNumber,
 * notBefore, notAfter}, then, only when present, {@code subjectAltName, OCSP, caIssuers,
 * crlDistributionPoints}.
 */
public final class CertificateDict {
  private CertificateDict() {}

  /**
   * Mirrors CPython 3.11's {@code _decode_certificate} (Modules/_ssl.c), the function behind
   * {@code SSLSocket.getpeercert()} and {@code ssl._ssl._test_decode_cert(path)}.
   *
   * @throws SslError where CPython raises: an attribute value OpenSSL cannot convert to UTF-8
   *     (a non-string type, a bad BMPString), or a name whose octets are not valid UTF-8
   */
  public static Map<String, Object> decode(X509Certificate cert) throws SslError {
    try {
      return decode(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      throw Reason.X509_ASN1_LIB.error("cannot encode certificate: " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #decode(X509Certificate)}, from the DER encoding of a certificate. This parses the
   * fields itself, so it also serves certificates the JDK's CertificateFactory refuses.
   *
   * @throws SslError when {@code der} is not a certificate, or where CPython raises
   */
  public static Map<String, Object> decode(byte[] der) throws SslError {
    ASN1Sequence tbs;
    try {
      ASN1Sequence cert = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      tbs = ASN1Sequence.getInstance(cert.getObjectAt(0));
    } catch (IOException | RuntimeException e) {
      throw Reason.X509_ASN1_LIB.error("not a DER-encoded certificate", e);
    }
    try {
      return decode(tbs);
    } catch (RuntimeException e) {
      throw Reason.X509_ASN1_LIB.error("malformed certificate: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> decode(ASN1Sequence tbs) throws SslError {
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

    Map<String, Object> d = new LinkedHashMap<>();
    d.put("subject", NameTuples.of(subject));
    d.put("issuer", NameTuples.of(issuer));
    d.put("version", version + 1);
    d.put("serialNumber", SerialNumbers.print(serial.getValue()));
    d.put("notBefore", time(validity.getObjectAt(0)));
    d.put("notAfter", time(validity.getObjectAt(1)));
    Extensions ext = new Extensions(extensions);
    putIfPresent(d, "subjectAltName", ext.subjectAltName());
    putIfPresent(d, "OCSP", ext.aiaUris(Extensions.AD_OCSP));
    putIfPresent(d, "caIssuers", ext.aiaUris(Extensions.AD_CA_ISSUERS));
    putIfPresent(d, "crlDistributionPoints", ext.crlDistributionPoints());
    return Collections.unmodifiableMap(d);
  }

  private static String time(ASN1Encodable t) {
    return AsnTimes.print(Der.identifier(t),
        new String(Der.content(t), StandardCharsets.ISO_8859_1));
  }

  private static void putIfPresent(Map<String, Object> d, String key, List<Object> value) {
    if (value != null) {
      d.put(key, value);
    }
  }
}
