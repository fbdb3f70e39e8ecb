package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;

/** Turns certificate and CRL blocks into JDK objects with the JDK's own X.509 factory. */
final class CertificateParser {
  /** The labels OpenSSL's {@code PEM_read_bio_X509} accepts (PEM_STRING_X509 and _OLD). */
  static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE");

  /** OpenSSL's PEM_STRING_X509_TRUSTED: a certificate followed by OpenSSL trust settings. */
  static final String TRUSTED_CERTIFICATE = "TRUSTED CERTIFICATE";

  /** OpenSSL's PEM_STRING_X509_CRL. */
  static final String CRL = "X509 CRL";

  private CertificateParser() {}

  /** True for the labels {@code PEM_read_bio_X509_AUX} and {@code PEM_X509_INFO_read_bio} take. */
  static boolean isAnyCertificate(String label) {
    return CERTIFICATE_LABELS.contains(label) || TRUSTED_CERTIFICATE.equals(label);
  }

  /**
   * Parses a certificate block. For {@code TRUSTED CERTIFICATE} only the leading certificate is
   * used; the trust settings after it (OpenSSL's X509_CERT_AUX) have no JDK equivalent.
   */
  static X509Certificate certificate(PemBlock block, String source) throws SslError {
    return certificate(block.der(), block.describe() + " of " + source);
  }

  /** Parses one DER certificate; trailing bytes after the first element are ignored, as d2i does. */
  static X509Certificate certificate(byte[] der, String where) throws SslError {
    byte[] first = firstElement(der, where);
    try {
      return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(first));
    } catch (CertificateException | RuntimeException | StackOverflowError e) {
      throw Reason.PEM_ASN1_LIB.error("malformed certificate in " + where + ": "
          + e.getMessage() + "; the certificate is corrupt or not X.509", e);
    }
  }

  /** Parses an {@code X509 CRL} block. */
  static X509CRL crl(PemBlock block, String source) throws SslError {
    String where = block.describe() + " of " + source;
    byte[] first = firstElement(block.der(), where);
    try {
      return (X509CRL) factory().generateCRL(new ByteArrayInputStream(first));
    } catch (CRLException | CertificateException | RuntimeException | StackOverflowError e) {
      throw Reason.PEM_ASN1_LIB.error("malformed CRL in " + where + ": " + e.getMessage(),
          e);
    }
  }

  private static byte[] firstElement(byte[] der, String where) throws SslError {
    int length = DerElement.length(der, 0);
    if (length < 0) {
      throw Reason.PEM_ASN1_LIB.error("malformed ASN.1 in " + where
          + ": not a complete DER structure (truncated or corrupt)");
    }
    return length == der.length ? der : Arrays.copyOf(der, length);
  }

  private static CertificateFactory factory() throws CertificateException {
    // The JDK's provider: certificates must be the JDK's own classes for JSSE/PKIX code.
    return CertificateFactory.getInstance("X.509");
  }
}
