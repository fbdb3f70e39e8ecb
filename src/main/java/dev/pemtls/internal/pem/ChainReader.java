package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads a certificate chain as OpenSSL's {@code SSL_CTX_use_certificate_chain_file} does. */
final class ChainReader {
  private ChainReader() {}

  /**
   * The first certificate block is the leaf and may be a {@code TRUSTED CERTIFICATE}
   * (PEM_read_bio_X509_AUX); the rest are read with PEM_read_bio_X509, which takes only
   * {@code CERTIFICATE} and {@code X509 CERTIFICATE} and skips everything else.
   */
  static List<X509Certificate> read(List<PemBlock> blocks, String source) throws SslError {
    List<X509Certificate> chain = new ArrayList<>();
    for (PemBlock block : blocks) {
      boolean accepted = chain.isEmpty()
          ? CertificateParser.isAnyCertificate(block.label())
          : CertificateParser.CERTIFICATE_LABELS.contains(block.label());
      if (accepted) {
        chain.add(CertificateParser.certificate(block, source));
      }
    }
    if (chain.isEmpty()) {
      throw Reason.PEM_NO_START_LINE.error("no start line: no certificate found in "
          + "certfile " + source + "; expected a '-----BEGIN CERTIFICATE-----' block (the "
          + "certificate chain in PEM, leaf first)");
    }
    return chain;
  }
}
