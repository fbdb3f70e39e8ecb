package dev.pemtls.internal.x509;

import dev.pemtls.SslError;
import dev.pemtls.internal.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * The fields of a certificate as {@code openssl x509} prints them ({@code -subject, -issuer,
 * -serial, -dates, -ext subjectAltName}), read from the DER encoding, since OpenSSL prints the
 * octets as encoded and not a decoded, re-normalised form.
 */
public final class OpenSslFields {
  private final ASN1Encodable issuer;
  private final ASN1Encodable subject;
  private final ASN1Integer serial;
  private final ASN1Sequence validity;
  private final Extensions extensions;
  private final boolean sanCritical;

  private OpenSslFields(ASN1Sequence tbs, boolean sanCritical) {
    int i = tbs.getObjectAt(0) instanceof ASN1TaggedObject ? 1 : 0;
    serial = ASN1Integer.getInstance(tbs.getObjectAt(i++));
    i++; // signature AlgorithmIdentifier
    issuer = tbs.getObjectAt(i++);
    validity = ASN1Sequence.getInstance(tbs.getObjectAt(i++));
    subject = tbs.getObjectAt(i++);
    i++; // subjectPublicKeyInfo
    ASN1Sequence ext = null;
    for (; i < tbs.size(); i++) {
      ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(tbs.getObjectAt(i));
      if (tagged.getTagNo() == 3) {
        ext = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
      }
    }
    extensions = new Extensions(ext);
    this.sanCritical = sanCritical;
  }

  /** @throws SslError {@code X509 ASN1_LIB} when the certificate cannot be re-read */
  public static OpenSslFields of(X509Certificate cert) throws SslError {
    try {
      ASN1Sequence c = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(cert.getEncoded()));
      boolean critical = cert.getCriticalExtensionOIDs() != null
          && cert.getCriticalExtensionOIDs().contains(Extensions.SUBJECT_ALT_NAME);
      return new OpenSslFields(ASN1Sequence.getInstance(c.getObjectAt(0)), critical);
    } catch (CertificateEncodingException | IOException | RuntimeException e) {
      throw Reason.X509_ASN1_LIB.error("malformed certificate: " + e.getMessage(), e);
    }
  }

  /** {@code -subject}'s value, in OpenSSL's oneline form ({@link OneLineNames}). */
  public String subject() {
    return OneLineNames.print(subject);
  }

  /** {@code -issuer}'s value, in OpenSSL's oneline form. */
  public String issuer() {
    return OneLineNames.print(issuer);
  }

  /** {@code -serial}'s value: upper-case hex of the whole octets, e.g. {@code 0ABC}. */
  public String serial() {
    return SerialNumbers.print(serial.getValue());
  }

  /** {@code notBefore=}'s value, e.g. {@code May  5 09:37:37 2011 GMT}. */
  public String notBefore() {
    return time(validity.getObjectAt(0));
  }

  /** {@code notAfter=}'s value. */
  public String notAfter() {
    return time(validity.getObjectAt(1));
  }

  /** Whether the certificate's subjectAltName extension is marked critical. */
  public boolean subjectAltNameCritical() {
    return sanCritical;
  }

  /**
   * OpenSSL's {@code i2v_GENERAL_NAMES} line for the subjectAltName extension ({@code DNS:a,
   * IP Address:10.0.0.1, email:x@y}), or null when the certificate has none.
   *
   * @throws SslError where the names cannot be decoded
   */
  public String subjectAltName() throws SslError {
    List<Object> pairs = extensions.subjectAltName();
    if (pairs == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Object p : pairs) {
      List<?> pair = (List<?>) p;
      Object value = pair.get(1);
      parts.add(pair.get(0) + ":" + (value instanceof String ? value : "<unsupported>"));
    }
    return String.join(", ", parts);
  }

  private static String time(ASN1Encodable t) {
    return AsnTimes.print(Der.identifier(t),
        new String(Der.content(t), StandardCharsets.ISO_8859_1));
  }
}
