package dev.pemtls.internal.trust;

import dev.pemtls.VerifyFlags;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Verifies a peer's certificate chain the way OpenSSL's {@code X509_verify_cert} does, reporting
 * the first failure with OpenSSL's verify code.
 *
 * <p>Order, as in OpenSSL: build the chain, trusted issuers first, through the peer's
 * certificates and the store's (cafile and capath together, so intermediates the peer did not
 * send are found there) up to a trusted self-signed certificate (codes 18, 19, 2, 20) or, with
 * {@code VERIFY_X509_PARTIAL_CHAIN}, up to the first trusted certificate; check the purpose of
 * every untrusted certificate (26); the strict RFC 5280 checks with {@code VERIFY_X509_STRICT}
 * (78 to 94); the host name (62, 64); CRLs with {@code VERIFY_CRL_CHECK_LEAF/_CHAIN} (3, 8, 11,
 * 12, 23, 35, 36); then signatures, validity and CA constraints from the top down (7, 9, 10, 24,
 * 25, 34), here through the JDK's PKIX validator with its own revocation checks off.
 */
public final class ChainVerifier {
  /** OpenSSL's default verify depth. */
  private static final int MAX_DEPTH = 100;

  private final TrustStore store;
  private final VerifyFlags flags;
  private final Clock clock;
  private final int maxDepth;
  private final int authLevel;
  private final boolean commonNameFallback;

  /** A verifier with Python's default flags ({@code VERIFY_X509_TRUSTED_FIRST}). */
  public ChainVerifier(TrustStore store) {
    this(store, VerifyFlags.X509_TRUSTED_FIRST, Clock.systemUTC());
  }

  /**
   * @param store the trusted certificates, CRLs and CA directories
   * @param flags Python's verify_flags
   * @param clock the time certificates and CRLs must be valid at
   */
  public ChainVerifier(TrustStore store, VerifyFlags flags, Clock clock) {
    this(store, flags, clock, MAX_DEPTH, 0, true);
  }

  private ChainVerifier(TrustStore store, VerifyFlags flags, Clock clock, int maxDepth,
      int authLevel, boolean commonNameFallback) {
    this.store = store;
    this.flags = flags;
    this.clock = clock;
    this.maxDepth = maxDepth;
    this.authLevel = authLevel;
    this.commonNameFallback = commonNameFallback;
  }

  /**
   * This verifier with Python's {@code hostname_checks_common_name} (default true): whether a
   * certificate without DNS SANs is matched by its subject's commonName.
   */
  public ChainVerifier withHostnameChecksCommonName(boolean fallback) {
    return new ChainVerifier(store, flags, clock, maxDepth, authLevel, fallback);
  }

  /**
   * This verifier allowing at most {@code depth} intermediate certificates, OpenSSL's {@code
   * SSL_CTX_set_verify_depth} (default 100): longer chains fail with code 22.
   */
  public ChainVerifier withMaxDepth(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("verify depth must be 0 or more, not " + depth);
    }
    return new ChainVerifier(store, flags, clock, depth, authLevel, commonNameFallback);
  }

  /**
   * This verifier requiring keys and signatures of OpenSSL's security level {@code level} (0, the
   * default here, checks nothing; 2 is what Python's default cipher string sets): codes 66, 67,
   * 68.
   */
  public ChainVerifier withSecurityLevel(int level) {
    return new ChainVerifier(store, flags, clock, maxDepth, level, commonNameFallback);
  }

  /**
   * Verifies {@code peerChain} (peer's certificate first, as sent).
   *
   * @param serverCertificate true when verifying a server (its certificate must allow TLS server
   *     use), false for a client certificate
   * @param host the expected host name or IP literal, or null to skip the host check
   * @return the verified chain, leaf first, ending with the trust anchor
   */
  public List<X509Certificate> verify(X509Certificate[] peerChain, boolean serverCertificate,
      String host) throws VerificationFailure {
    return verify(peerChain, serverCertificate ? Boolean.TRUE : Boolean.FALSE, host);
  }

  /**
   * Verifies {@code peerChain} for no particular purpose, as {@code openssl verify} without
   * {@code -purpose} does: no key usage or extended key usage is required.
   */
  public List<X509Certificate> verifyAnyPurpose(X509Certificate[] peerChain, String host)
      throws VerificationFailure {
    return verify(peerChain, null, host);
  }

  private List<X509Certificate> verify(X509Certificate[] peerChain, Boolean serverCertificate,
      String host) throws VerificationFailure {
    if (peerChain == null || peerChain.length == 0) {
      throw new VerificationFailure(VerifyCode.UNSPECIFIED, 0, "the peer sent no certificate");
    }
    Date now = Date.from(clock.instant());
    boolean partial = flags.contains(VerifyFlags.X509_PARTIAL_CHAIN);
    List<X509Certificate> path = buildPath(peerChain, partial, now);
    int top = path.size() - 1;
    X509Certificate root = path.get(top);
    boolean trusted = store.contains(root);
    // A root above the leaf was found as an issuer, and findIssuer takes only valid ones.
    String invalid = top == 0 ? ExtensionDefects.of(root) : null;
    if (invalid != null) {
      throw new VerificationFailure(VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, top,
          "certificate " + root.getSubjectX500Principal().getName() + " is invalid: " + invalid
          + "; OpenSSL finds no issuer for such a certificate. Reissue it");
    }
    boolean selfSigned = isSelfIssued(root);
    if (!trusted || !(selfSigned || partial)) {
      String invalidIssuer = invalidIssuerOf(root, peerChain);
      if (invalidIssuer != null) {
        throw new VerificationFailure(VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, top,
            "issuer " + root.getIssuerX500Principal().getName() + " is invalid: "
            + invalidIssuer + "; OpenSSL does not accept it as an issuer. Reissue it");
      }
      if (!trusted && selfSigned) {
        throw new VerificationFailure(top == 0 ? VerifyCode.DEPTH_ZERO_SELF_SIGNED_CERT
            : VerifyCode.SELF_SIGNED_CERT_IN_CHAIN, top, "untrusted root "
            + root.getSubjectX500Principal().getName());
      }
      throw new VerificationFailure(trusted ? VerifyCode.UNABLE_TO_GET_ISSUER_CERT
          : VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, top, "issuer "
          + root.getIssuerX500Principal().getName() + " is not among the trusted certificates");
    }
    if (top - 1 > maxDepth) {
      throw new VerificationFailure(VerifyCode.CERT_CHAIN_TOO_LONG, maxDepth + 1, top - 1
          + " intermediate certificates, more than the verify depth " + maxDepth);
    }
    ChainChecks.checkCriticalExtensions(path);
    for (int depth = 0; serverCertificate != null && depth < top; depth++) {
      ChainChecks.checkPurpose(path.get(depth), depth, serverCertificate);
    }
    ChainChecks.checkSecurityLevel(path, authLevel);
    if (flags.contains(VerifyFlags.X509_STRICT)) {
      StrictChecks.check(path);
    }
    NameConstraintLimits.check(path);
    if (host != null) {
      X509CheckHost.check(path.get(0), host, commonNameFallback);
    }
    if (flags.contains(VerifyFlags.CRL_CHECK_LEAF)) {
      Revocation.check(path, store, flags.contains(VerifyFlags.CRL_CHECK_CHAIN), now);
    }
    ChainChecks.validate(path, now);
    return path;
  }

  /**
   * The chain {@link #verify} would check for {@code peerChain}, leaf first, without checking it:
   * for reporting which certificate a failure's depth names ({@code openssl verify} prints its
   * subject).
   */
  public List<X509Certificate> buildChain(X509Certificate[] peerChain) {
    return buildPath(peerChain, flags.contains(VerifyFlags.X509_PARTIAL_CHAIN),
        Date.from(clock.instant()));
  }

  /**
   * Leaf first; each next certificate issued the previous. Trusted issuers are preferred; once
   * one is found only trusted ones follow. With partial chains the first trusted one ends it.
   * A certificate OpenSSL holds invalid ({@link ExtensionDefects}) neither issues nor is issued.
   */
  private List<X509Certificate> buildPath(X509Certificate[] peerChain, boolean partial,
      Date now) {
    List<X509Certificate> untrusted = new ArrayList<>(Arrays.asList(peerChain).subList(1,
        peerChain.length));
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = peerChain[0];
    path.add(current);
    boolean inTrusted = false;
    boolean leafValid = ExtensionDefects.of(current) == null; // OpenSSL seeks no issuer else
    while (leafValid && path.size() <= MAX_DEPTH && !isSelfIssued(current)) {
      X509Certificate next = findIssuer(current,
          store.bySubject(current.getIssuerX500Principal()), now);
      if (next != null) {
        inTrusted = true;
      } else if (!inTrusted) {
        next = findIssuer(current, untrusted, now);
        if (next != null) {
          untrusted.remove(next);
        }
      }
      if (next == null || path.contains(next)) {
        break;
      }
      path.add(next);
      current = next;
      if (inTrusted && partial) {
        break; // OpenSSL's check_trust: any trusted certificate is an anchor
      }
    }
    if (partial && !inTrusted && store.contains(peerChain[0])) {
      return List.of(peerChain[0]); // last resort: the leaf itself is trusted
    }
    return path;
  }

  /** The first candidate that could have issued {@code cert}: name and key identifier match. */
  private static X509Certificate findIssuer(X509Certificate cert, List<X509Certificate> pool,
      Date now) {
    X509Certificate fallback = null;
    for (X509Certificate candidate : pool) {
      if (!couldHaveIssued(candidate, cert) || ExtensionDefects.of(candidate) != null) {
        continue;
      }
      try {
        candidate.checkValidity(now);
        return candidate; // OpenSSL prefers an issuer that is valid now
      } catch (CertificateExpiredException | CertificateNotYetValidException e) {
        if (fallback == null) {
          fallback = candidate;
        }
      }
    }
    return fallback;
  }

  /**
   * Why a certificate that would otherwise have issued {@code cert} (trusted or sent) is invalid
   * to OpenSSL, or null when there is none: for the failure message, where a chain ends because
   * {@link #findIssuer} skipped it.
   */
  private String invalidIssuerOf(X509Certificate cert, X509Certificate[] peerChain) {
    if (isSelfIssued(cert)) {
      return null;
    }
    List<X509Certificate> candidates = new ArrayList<>(
        store.bySubject(cert.getIssuerX500Principal()));
    candidates.addAll(Arrays.asList(peerChain));
    for (X509Certificate candidate : candidates) {
      if (couldHaveIssued(candidate, cert)) {
        String defect = ExtensionDefects.of(candidate);
        if (defect != null) {
          return defect;
        }
      }
    }
    return null;
  }

  /** Names, key identifiers and the issuer's key usage allow {@code candidate} to issue cert. */
  private static boolean couldHaveIssued(X509Certificate candidate, X509Certificate cert) {
    return candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
        && KeyIdentifiers.mayHaveIssued(candidate, cert) && maySign(candidate);
  }

  /** OpenSSL's X509_check_issued: an issuer with key usage must allow keyCertSign. */
  private static boolean maySign(X509Certificate issuer) {
    boolean[] ku = issuer.getKeyUsage();
    return ku == null || (ku.length > 5 && ku[5]);
  }

  static boolean isSelfIssued(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal())
        && KeyIdentifiers.mayHaveIssued(c, c);
  }
}
