package dev.pemtls.internal.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain and its private key: what Python's {@code SSLContext.load_cert_chain}
 * installs in a context. Immutable.
 *
 * <p>The key goes in and never comes out: only {@link IdentityKeyManager}, in this package, reads
 * it, so no settings value, report or log can hand it on.
 */
public final class Identity {
  private final List<X509Certificate> chain;
  private final PrivateKey privateKey;

  /**
   * Creates an identity. The caller vouches that the key belongs to the leaf; {@link
   * dev.pemtls.internal.pem.PemFiles#loadIdentity} checks it.
   *
   * @param chain leaf first, then intermediates; not empty
   * @param privateKey the leaf's private key
   */
  public Identity(List<X509Certificate> chain, PrivateKey privateKey) {
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the leaf certificate");
    }
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
  }

  /** The certificates, leaf first, in file order. Unmodifiable. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The leaf's private key, for the key manager only. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /** The private key's algorithm name ("RSA", "EC", "EdDSA", ...), for reports. */
  public String keyAlgorithm() {
    return privateKey.getAlgorithm();
  }

  /**
   * The kind of key, as OpenSSL keeps one certificate per kind in a context: "RSA",
   * "RSASSA-PSS", "EC", "Ed25519", "Ed448", "DSA" (or the key's OID). Loading a second identity
   * of the same kind replaces the first.
   */
  public String keySlot() {
    return KeyTypes.kindOf(leaf()).family;
  }

  /** The first certificate of the chain, the one the private key belongs to. */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** Shows the subject, key algorithm and chain length; never key material. */
  @Override
  public String toString() {
    return "Identity[subject=" + leaf().getSubjectX500Principal().getName() + ", key="
        + privateKey.getAlgorithm() + ", chain=" + chain.size() + " certificate"
        + (chain.size() == 1 ? "" : "s") + "]";
  }
}
