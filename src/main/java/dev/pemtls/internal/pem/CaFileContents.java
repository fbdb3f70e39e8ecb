package dev.pemtls.internal.pem;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The trust anchors and CRLs read from a CA file or {@code cadata}, in file order.
 *
 * @param certificates every certificate found (possibly empty for a CRL-only cafile)
 * @param crls every {@code X509 CRL} block found
 * @param privateKeyBlocks how many {@code ... PRIVATE KEY} blocks were passed over unread
 *     ({@code openssl rehash} counts a file holding only one key as an error)
 */
public record CaFileContents(List<X509Certificate> certificates, List<X509CRL> crls,
    int privateKeyBlocks) {
  public CaFileContents {
    certificates = List.copyOf(certificates);
    crls = List.copyOf(crls);
  }
}
