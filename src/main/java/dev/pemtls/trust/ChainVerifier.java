package dev.pemtls.trust;

import dev.pemtls.VerifyFlags;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

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

  private static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String EKU_NS_SGC = "2.16.840.1.113730.4.1";
  private static final String EKU_MS_SGC = "1.3.6.1.4.1.311.10.3.3";

  private final TrustStore store;
  private final VerifyFlags flags;
  private final Clock clock;

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
    this.store = store;
    this.flags = flags;
    this.clock = clock;
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
    if (peerChain == null || peerChain.length == 0) {
      throw new VerificationFailure(VerifyCode.UNSPECIFIED, 0, "the peer sent no certificate");
    }
    Date now = Date.from(clock.instant());
    boolean partial = flags.contains(VerifyFlags.X509_PARTIAL_CHAIN);
    List<X509Certificate> path = buildPath(peerChain, partial, now);
    int top = path.size() - 1;
    X509Certificate root = path.get(top);
    boolean trusted = store.contains(root);
    boolean selfSigned = isSelfIssued(root);
    if (!trusted || !(selfSigned || partial)) {
      if (!trusted && selfSigned) {
        throw new VerificationFailure(top == 0 ? VerifyCode.DEPTH_ZERO_SELF_SIGNED_CERT
            : VerifyCode.SELF_SIGNED_CERT_IN_CHAIN, top, "untrusted root "
            + root.getSubjectX500Principal().getName());
      }
      throw new VerificationFailure(trusted ? VerifyCode.UNABLE_TO_GET_ISSUER_CERT
          : VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, top, "issuer "
          + root.getIssuerX500Principal().getName() + " is not among the trusted certificates");
    }
    for (int depth = 0; depth < top; depth++) {
      checkPurpose(path.get(depth), depth, serverCertificate);
    }
    if (flags.contains(VerifyFlags.X509_STRICT)) {
      StrictChecks.check(path);
    }
    if (host != null) {
      HostnameMatcher.check(path.get(0), host);
    }
    if (flags.contains(VerifyFlags.CRL_CHECK_LEAF)) {
      Revocation.check(path, store, flags.contains(VerifyFlags.CRL_CHECK_CHAIN), now);
    }
    validate(path, now);
    return path;
  }

  /**
   * Leaf first; each next certificate issued the previous. Trusted issuers are preferred; once
   * one is found only trusted ones follow. With partial chains the first trusted one ends it.
   */
  private List<X509Certificate> buildPath(X509Certificate[] peerChain, boolean partial,
      Date now) {
    List<X509Certificate> untrusted = new ArrayList<>(Arrays.asList(peerChain).subList(1,
        peerChain.length));
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = peerChain[0];
    path.add(current);
    boolean inTrusted = false;
    while (path.size() <= MAX_DEPTH && !isSelfIssued(current)) {
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
      if (!candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
          || !KeyIdentifiers.mayHaveIssued(candidate, cert)) {
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

  static boolean isSelfIssued(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal())
        && KeyIdentifiers.mayHaveIssued(c, c);
  }

  /** OpenSSL's check_purpose_ssl_server / _client: extended and plain key usage. */
  private static void checkPurpose(X509Certificate cert, int depth, boolean server)
      throws VerificationFailure {
    List<String> eku;
    try {
      eku = cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new VerificationFailure(VerifyCode.INVALID_PURPOSE, depth,
          "unparsable extended key usage", e);
    }
    if (eku != null) {
      boolean ok = server
          ? eku.contains(EKU_SERVER_AUTH) || eku.contains(EKU_NS_SGC) || eku.contains(EKU_MS_SGC)
          : eku.contains(EKU_CLIENT_AUTH);
      if (!ok) {
        throw new VerificationFailure(VerifyCode.INVALID_PURPOSE, depth, "extended key usage "
            + eku + " does not allow TLS " + (server ? "server" : "client") + " use");
      }
    }
    boolean[] ku = cert.getKeyUsage();
    if (depth == 0 && ku != null) {
      // digitalSignature(0), keyEncipherment(2), keyAgreement(4): OpenSSL's KU_TLS
      boolean ok = bit(ku, 0) || bit(ku, 2) || bit(ku, 4);
      if (!ok) {
        throw new VerificationFailure(VerifyCode.INVALID_PURPOSE, depth,
            "key usage allows no TLS use");
      }
    }
  }

  private static boolean bit(boolean[] bits, int i) {
    return i < bits.length && bits[i];
  }

  /** Signatures, validity, CA constraints, critical extensions: the JDK's PKIX validator. */
  private static void validate(List<X509Certificate> path, Date now)
      throws VerificationFailure {
    int top = path.size() - 1;
    X509Certificate anchor = path.get(top);
    try {
      anchor.checkValidity(now); // OpenSSL checks the trust anchor's dates too
    } catch (CertificateExpiredException e) {
      throw new VerificationFailure(VerifyCode.CERT_HAS_EXPIRED, top, null);
    } catch (CertificateNotYetValidException e) {
      throw new VerificationFailure(VerifyCode.CERT_NOT_YET_VALID, top, null);
    }
    if (top == 0) {
      return; // the peer's certificate is itself the trusted self-signed certificate
    }
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
      params.setRevocationEnabled(false);
      params.setDate(now);
      CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(path.subList(0, top)),
          params);
    } catch (CertPathValidatorException e) {
      int depth = e.getIndex() < 0 ? 0 : e.getIndex();
      throw new VerificationFailure(codeFor(e.getReason()), depth, e.getMessage(), e);
    } catch (CertificateException | NoSuchAlgorithmException
        | InvalidAlgorithmParameterException e) {
      throw new VerificationFailure(VerifyCode.UNSPECIFIED, 0, e.getMessage(), e);
    }
  }

  private static VerifyCode codeFor(CertPathValidatorException.Reason reason) {
    if (reason == BasicReason.EXPIRED) {
      return VerifyCode.CERT_HAS_EXPIRED;
    } else if (reason == BasicReason.NOT_YET_VALID) {
      return VerifyCode.CERT_NOT_YET_VALID;
    } else if (reason == BasicReason.INVALID_SIGNATURE) {
      return VerifyCode.CERT_SIGNATURE_FAILURE;
    } else if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
      return VerifyCode.CA_MD_TOO_WEAK;
    } else if (reason == BasicReason.REVOKED) {
      return VerifyCode.CERT_REVOKED;
    } else if (reason == PKIXReason.NOT_CA_CERT) {
      return VerifyCode.INVALID_CA;
    } else if (reason == PKIXReason.PATH_TOO_LONG) {
      return VerifyCode.PATH_LENGTH_EXCEEDED;
    } else if (reason == PKIXReason.INVALID_KEY_USAGE) {
      return VerifyCode.KEYUSAGE_NO_CERTSIGN;
    } else if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
      return VerifyCode.UNHANDLED_CRITICAL_EXTENSION;
    } else if (reason == PKIXReason.INVALID_NAME) {
      return VerifyCode.PERMITTED_VIOLATION;
    } else if (reason == PKIXReason.NO_TRUST_ANCHOR) {
      return VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
    }
    return VerifyCode.UNSPECIFIED;
  }
}
