package dev.pemtls.internal.x509;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

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

  private static Map<String, Object> decode(ASN1Sequence tbsSequence) throws SslError {
    TbsFields tbs = TbsFields.of(tbsSequence);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("subject", NameTuples.of(tbs.subject()));
    d.put("issuer", NameTuples.of(tbs.issuer()));
    d.put("version", tbs.version() + 1);
    d.put("serialNumber", SerialNumbers.print(tbs.serial().getValue()));
    d.put("notBefore", tbs.notBefore());
    d.put("notAfter", tbs.notAfter());
    Extensions ext = new Extensions(tbs.extensions());
    putIfPresent(d, "subjectAltName", ext.subjectAltName());
    putIfPresent(d, "OCSP", ext.aiaUris(Extensions.AD_OCSP));
    putIfPresent(d, "caIssuers", ext.aiaUris(Extensions.AD_CA_ISSUERS));
    putIfPresent(d, "crlDistributionPoints", ext.crlDistributionPoints());
    return Collections.unmodifiableMap(d);
  }

  private static void putIfPresent(Map<String, Object> d, String key, List<Object> value) {
    if (value != null) {
      d.put(key, value);
    }
  }
}
