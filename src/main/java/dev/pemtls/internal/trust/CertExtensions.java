package dev.pemtls.internal.trust;

import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

/**
 * A certificate's extension value, asked only when the certificate has it. JDK 17's
 * {@code X509CertImpl.getExtensionValue} answers an absent extension it knows by name (authority
 * key identifier, name constraints, ...) by building and catching two exceptions with their stack
 * traces; a trust anchor without one paid that on every handshake.
 */
final class CertExtensions {
  private CertExtensions() {}

  /** The DER-encoded OCTET STRING of extension {@code oid}, or null when the cert has none. */
  static byte[] value(X509Certificate cert, String oid) {
    return has(cert, oid) ? cert.getExtensionValue(oid) : null;
  }

  /** Whether the certificate carries extension {@code oid}, critical or not. */
  static boolean has(X509Certificate cert, String oid) {
    return contains(cert.getNonCriticalExtensionOIDs(), oid)
        || contains(cert.getCriticalExtensionOIDs(), oid);
  }

  /** The OIDs of all the certificate's extensions, decodable or not. */
  static Set<String> oids(X509Certificate cert) {
    Set<String> all = new HashSet<>();
    addAll(all, cert.getNonCriticalExtensionOIDs());
    addAll(all, cert.getCriticalExtensionOIDs());
    return all;
  }

  private static void addAll(Set<String> to, Set<String> from) {
    if (from != null) {
      to.addAll(from);
    }
  }

  private static boolean contains(Set<String> oids, String oid) {
    return oids != null && oids.contains(oid);
  }
}
