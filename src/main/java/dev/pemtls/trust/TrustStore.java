package dev.pemtls.trust;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The trusted certificates of a context: OpenSSL's {@code X509_STORE}, filled by
 * load_verify_locations (cafile, capath, cadata) and set_default_verify_paths.
 *
 * <p>Immutable; {@link #plus} returns a new store, so a handshake always sees one consistent set.
 * Certificates are indexed by subject for issuer look-ups during path building.
 */
public final class TrustStore {
  private static final TrustStore EMPTY = new TrustStore(List.of());

  private final List<X509Certificate> certificates;
  private final Map<X500Principal, List<X509Certificate>> bySubject;
  private final Set<ByteKey> encodings;

  private TrustStore(List<X509Certificate> certificates) {
    this.certificates = List.copyOf(certificates);
    Map<X500Principal, List<X509Certificate>> index = new HashMap<>();
    Set<ByteKey> enc = new java.util.HashSet<>();
    for (X509Certificate c : this.certificates) {
      index.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>()).add(c);
      enc.add(ByteKey.of(c));
    }
    index.replaceAll((k, v) -> List.copyOf(v));
    this.bySubject = Collections.unmodifiableMap(index);
    this.encodings = Collections.unmodifiableSet(enc);
  }

  /** A store that trusts nothing, like a new OpenSSL context. */
  public static TrustStore empty() {
    return EMPTY;
  }

  /** This store plus {@code more}, dropping exact duplicates (OpenSSL ignores them too). */
  public TrustStore plus(Collection<X509Certificate> more) {
    if (more.isEmpty()) {
      return this;
    }
    LinkedHashSet<ByteKey> seen = new LinkedHashSet<>(encodings);
    List<X509Certificate> all = new ArrayList<>(certificates);
    for (X509Certificate c : more) {
      if (seen.add(ByteKey.of(c))) {
        all.add(c);
      }
    }
    return new TrustStore(all);
  }

  /** All trusted certificates, in load order. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** Trusted certificates whose subject is {@code subject}. */
  public List<X509Certificate> bySubject(X500Principal subject) {
    return bySubject.getOrDefault(subject, List.of());
  }

  /** Whether exactly this certificate (same encoding) is trusted. */
  public boolean contains(X509Certificate cert) {
    return encodings.contains(ByteKey.of(cert));
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }

  @Override
  public String toString() {
    return "TrustStore[" + certificates.size() + " certificates]";
  }

  /** A certificate's DER encoding as a hash key. */
  private static final class ByteKey {
    private final byte[] der;
    private final int hash;

    private ByteKey(byte[] der) {
      this.der = der;
      this.hash = Arrays.hashCode(der);
    }

    static ByteKey of(X509Certificate c) {
      try {
        return new ByteKey(c.getEncoded());
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded: "
            + c.getSubjectX500Principal(), e);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ByteKey && Arrays.equals(der, ((ByteKey) o).der);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
