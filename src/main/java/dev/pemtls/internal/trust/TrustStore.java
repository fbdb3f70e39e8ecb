package dev.pemtls.internal.trust;

import java.security.cert.X509CRL;
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
 * <p>Holds certificates and CRLs read eagerly (cafile, cadata) and lazy CA directories (capath),
 * which are read by subject hash when a look-up needs them. Immutable from the outside; {@link
 * #plus}, {@link #plusCrls} and {@link #plusDirectory} return new stores, so a handshake always
 * sees one set of sources. Certificates are indexed by subject for issuer look-ups during path
 * building.
 */
public final class TrustStore {
  private static final TrustStore EMPTY = new TrustStore(List.of(), List.of(), List.of());

  private final List<X509Certificate> certificates;
  private final Map<X500Principal, List<X509Certificate>> bySubject;
  private final Set<ByteKey> encodings;
  private final List<X509CRL> crls;
  private final List<CaDirectory> directories;

  private TrustStore(List<X509Certificate> certificates, List<X509CRL> crls,
      List<CaDirectory> directories) {
    this.crls = List.copyOf(crls);
    this.directories = List.copyOf(directories);
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
    return new TrustStore(all, crls, directories);
  }

  /** This store plus CRLs (from a cafile), used when CRL checking is on. */
  public TrustStore plusCrls(Collection<X509CRL> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<X509CRL> all = new ArrayList<>(crls);
    for (X509CRL c : more) {
      if (!all.contains(c)) {
        all.add(c);
      }
    }
    return new TrustStore(certificates, all, directories);
  }

  /** This store plus a lazy CA directory, searched after the certificates loaded eagerly. */
  public TrustStore plusDirectory(CaDirectory dir) {
    List<CaDirectory> all = new ArrayList<>(directories);
    all.add(dir);
    return new TrustStore(certificates, crls, all);
  }

  /**
   * The certificates loaded eagerly, in load order. Certificates of CA directories are not
   * listed (OpenSSL's {@code get_ca_certs} does not show them either until a look-up read them).
   */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The CRLs loaded eagerly (from cafiles), in load order. */
  public List<X509CRL> crls() {
    return crls;
  }

  /** The lazy CA directories, in search order. */
  public List<CaDirectory> directories() {
    return directories;
  }

  /** Trusted certificates whose subject is {@code subject}: eager ones, then directories'. */
  public List<X509Certificate> bySubject(X500Principal subject) {
    List<X509Certificate> eager = bySubject.getOrDefault(subject, List.of());
    if (directories.isEmpty()) {
      return eager;
    }
    List<X509Certificate> out = new ArrayList<>(eager);
    Set<ByteKey> seen = new java.util.HashSet<>();
    eager.forEach(c -> seen.add(ByteKey.of(c)));
    for (CaDirectory d : directories) {
      for (X509Certificate c : d.certificates(subject)) {
        if (seen.add(ByteKey.of(c))) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** CRLs whose issuer is {@code issuer}, from cafiles and CA directories. */
  public List<X509CRL> crlsByIssuer(X500Principal issuer) {
    List<X509CRL> out = new ArrayList<>();
    for (X509CRL c : crls) {
      if (c.getIssuerX500Principal().equals(issuer)) {
        out.add(c);
      }
    }
    for (CaDirectory d : directories) {
      for (X509CRL c : d.crls(issuer)) {
        if (!out.contains(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Whether exactly this certificate (same encoding) is trusted. */
  public boolean contains(X509Certificate cert) {
    if (encodings.contains(ByteKey.of(cert))) {
      return true;
    }
    for (CaDirectory d : directories) {
      for (X509Certificate c : d.certificates(cert.getSubjectX500Principal())) {
        if (ByteKey.of(c).equals(ByteKey.of(cert))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether nothing at all is trusted: no certificate and no directory. */
  public boolean isEmpty() {
    return certificates.isEmpty() && directories.isEmpty();
  }

  @Override
  public String toString() {
    return "TrustStore[" + certificates.size() + " certificates, " + crls.size() + " CRLs"
        + (directories.isEmpty() ? "" : ", directories " + directories) + "]";
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
