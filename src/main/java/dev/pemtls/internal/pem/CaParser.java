package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads trust anchors the way OpenSSL's X509_load_cert_crl_file and Python's cadata do. */
final class CaParser {
  private CaParser() {}

  /**
   * Collects certificates and CRLs from PEM blocks, skipping every other block.
   *
   * <p>Mirrors {@code PEM_X509_INFO_read_bio}: {@code CERTIFICATE}, {@code X509 CERTIFICATE} and
   * {@code TRUSTED CERTIFICATE} are certificates, {@code X509 CRL} is a CRL, and a malformed one
   * fails the whole read. One deliberate difference: OpenSSL also decodes unencrypted private
   * key blocks it meets (and fails on a broken one); we skip them unread, since trust anchors
   * never need a key.
   */
  static CaFileContents fromPem(List<PemBlock> blocks, String source) throws SslError {
    List<X509Certificate> certificates = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    int keys = 0;
    for (PemBlock block : blocks) {
      if (CertificateParser.isAnyCertificate(block.label())) {
        certificates.add(CertificateParser.certificate(block, source));
      } else if (CertificateParser.CRL.equals(block.label())) {
        crls.add(CertificateParser.crl(block, source));
      } else if (block.label().endsWith("PRIVATE KEY")) {
        keys++;
      }
    }
    return new CaFileContents(certificates, crls, keys);
  }

  /**
   * Parses concatenated DER certificates, as Python's {@code cadata} accepts bytes: every byte
   * must belong to a certificate (Python rejects {@code der + b"A"} too).
   */
  static CaFileContents fromDer(byte[] data) throws SslError {
    List<X509Certificate> certificates = new ArrayList<>();
    int offset = 0;
    while (offset < data.length) {
      if (certificates.size() >= PemTokenizer.MAX_BLOCKS) {
        throw Reason.ASN1_TOO_MANY_CERTIFICATES.error("cadata holds more than "
            + PemTokenizer.MAX_BLOCKS + " certificates; refusing to read it");
      }
      int length = DerElement.length(data, offset);
      if (length < 0) {
        if (certificates.isEmpty()) {
          throw Reason.ASN1_NOT_ENOUGH_DATA.error("not enough data: cadata does not contain a certificate (expected DER bytes, or "
                  + "PEM text starting with '-----BEGIN CERTIFICATE-----')");
        }
        throw Reason.ASN1_HEADER_TOO_LONG.error("cadata has " + (data.length - offset)
            + " bytes after certificate #" + certificates.size()
            + " that are not a DER certificate");
      }
      byte[] der = java.util.Arrays.copyOfRange(data, offset, offset + length);
      certificates.add(CertificateParser.certificate(der,
          "DER certificate #" + (certificates.size() + 1) + " of cadata"));
      offset += length;
    }
    if (certificates.isEmpty()) {
      throw Reason.ASN1_NOT_ENOUGH_DATA.error("not enough data: cadata does not contain a certificate (it is empty)");
    }
    return new CaFileContents(certificates, List.of(), 0);
  }
}
