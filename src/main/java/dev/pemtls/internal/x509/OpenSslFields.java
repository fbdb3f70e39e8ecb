package dev.pemtls.internal.x509;

import dev.pemtls.SslError;
import dev.pemtls.internal.Reason;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * The fields of a certificate as {@code openssl x509} prints them ({@code -subject, -issuer,
 * -serial, -dates, -ext subjectAltName}), read from the DER encoding, since OpenSSL prints the
 * octets as encoded and not a decoded, re-normalised form.
 */
public final class OpenSslFields {
  private final TbsFields tbs;

  private OpenSslFields(TbsFields tbs) {
    this.tbs = tbs;
  }

  /** @throws SslError {@code X509 ASN1_LIB} when the certificate cannot be re-read */
  public static OpenSslFields of(X509Certificate cert) throws SslError {
    try {
      return of(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      throw Reason.X509_ASN1_LIB.error("cannot encode certificate: " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #of(X509Certificate)}, from the DER encoding of a certificate, so certificates the
   * JDK refuses can be printed too.
   *
   * @throws SslError {@code X509 ASN1_LIB} when {@code der} is not a certificate
   */
  public static OpenSslFields of(byte[] der) throws SslError {
    try {
      ASN1Sequence c = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      return new OpenSslFields(TbsFields.of(ASN1Sequence.getInstance(c.getObjectAt(0))));
    } catch (IOException | RuntimeException e) {
      throw Reason.X509_ASN1_LIB.error("malformed certificate: " + e.getMessage(), e);
    }
  }

  /** {@code -subject}'s value, in OpenSSL's oneline form ({@link OneLineNames}). */
  public String subject() {
    return OneLineNames.print(tbs.subject());
  }

  /** {@code -issuer}'s value, in OpenSSL's oneline form. */
  public String issuer() {
    return OneLineNames.print(tbs.issuer());
  }

  /** {@code -serial}'s value: upper-case hex of the whole octets, e.g. {@code 0ABC}. */
  public String serial() {
    return SerialNumbers.printAll(tbs.serial().getValue());
  }

  /** {@code notBefore=}'s value, e.g. {@code May  5 09:37:37 2011 GMT}. */
  public String notBefore() {
    return tbs.notBefore();
  }

  /** {@code notAfter=}'s value. */
  public String notAfter() {
    return tbs.notAfter();
  }

  /**
   * What {@code -ext subjectAltName} prints ({@link SanText}), newline-terminated, one char per
   * octet (write it as ISO-8859-1 to get openssl's bytes); null when the
   * certificate has no subjectAltName extension (openssl then writes {@code No extensions in
   * certificate} to standard error).
   */
  public String subjectAltNameText() {
    return SanText.print(tbs.extensions());
  }
}
