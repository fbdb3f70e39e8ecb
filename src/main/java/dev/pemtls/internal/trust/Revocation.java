package dev.pemtls.internal.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * CRL checks as OpenSSL's {@code check_revocation} / {@code check_crl} / {@code cert_crl} make
 * them when {@code X509_V_FLAG_CRL_CHECK} (Python's {@code VERIFY_CRL_CHECK_LEAF}) or also {@code
 * X509_V_FLAG_CRL_CHECK_ALL} ({@code VERIFY_CRL_CHECK_CHAIN}) is set.
 *
 * <p>For each certificate checked, a CRL from its issuer must be in the store (cafile or a
 * capath's {@code <hash>.r<n>} file), else code 3. Of several, the one that verifies and is
 * current is preferred. Then, in OpenSSL's order: the issuer's key usage must allow CRL signing
 * (35), the CRL must be current (11, 12), its signature must verify (8), it must have no
 * unhandled critical extension (36), and the certificate's serial must not be on it (23).
 */
final class Revocation {
  /** Critical CRL extensions OpenSSL understands: IDP, AKID, delta CRL indicator. */
  private static final Set<String> HANDLED = Set.of("2.5.29.28", "2.5.29.35", "2.5.29.27");
  /** Critical CRL entry extension OpenSSL understands: certificate issuer. */
  private static final Set<String> HANDLED_ENTRY = Set.of("2.5.29.29");
  private static final int KU_CRL_SIGN = 6;

  private Revocation() {}

  /**
   * @param path leaf first, ending with the trust anchor
   * @param wholeChain every certificate (CRL_CHECK_ALL), else only the leaf
   */
  static void check(List<X509Certificate> path, TrustStore store, boolean wholeChain, Date now)
      throws VerificationFailure {
    int top = path.size() - 1;
    int last = wholeChain ? top : 0;
    for (int depth = 0; depth <= last; depth++) {
      X509Certificate cert = path.get(depth);
      X509Certificate issuer = path.get(Math.min(depth + 1, top));
      if (depth == top && !ChainVerifier.isSelfIssued(issuer)) {
        throw new VerificationFailure(VerifyCode.UNABLE_TO_GET_CRL_ISSUER, depth,
            "the chain ends before the issuer of " + cert.getIssuerX500Principal().getName());
      }
      List<X509CRL> crls = store.crlsByIssuer(cert.getIssuerX500Principal());
      if (crls.isEmpty()) {
        throw new VerificationFailure(VerifyCode.UNABLE_TO_GET_CRL, depth, "no CRL from "
            + cert.getIssuerX500Principal().getName() + " is loaded; add it to the cafile or "
            + "as <hash>.r0 in the capath");
      }
      checkAgainst(best(crls, issuer, now), cert, issuer, depth, now);
    }
  }

  private static X509CRL best(List<X509CRL> crls, X509Certificate issuer, Date now) {
    X509CRL best = null;
    int bestScore = -1;
    for (X509CRL crl : crls) {
      int score = (verifies(crl, issuer) ? 2 : 0) + (current(crl, now) ? 1 : 0);
      if (score > bestScore) {
        best = crl;
        bestScore = score;
      }
    }
    return best;
  }

  private static void checkAgainst(X509CRL crl, X509Certificate cert, X509Certificate issuer,
      int depth, Date now) throws VerificationFailure {
    boolean[] ku = issuer.getKeyUsage();
    if (ku != null && (ku.length <= KU_CRL_SIGN || !ku[KU_CRL_SIGN])) {
      throw new VerificationFailure(VerifyCode.KEYUSAGE_NO_CRL_SIGN, depth,
          "the CRL issuer's key usage lacks cRLSign");
    }
    if (crl.getThisUpdate().after(now)) {
      throw new VerificationFailure(VerifyCode.CRL_NOT_YET_VALID, depth, "thisUpdate "
          + crl.getThisUpdate().toInstant());
    }
    if (crl.getNextUpdate() != null && crl.getNextUpdate().before(now)) {
      throw new VerificationFailure(VerifyCode.CRL_HAS_EXPIRED, depth, "nextUpdate "
          + crl.getNextUpdate().toInstant());
    }
    if (!verifies(crl, issuer)) {
      throw new VerificationFailure(VerifyCode.CRL_SIGNATURE_FAILURE, depth,
          "the CRL is not signed by " + issuer.getSubjectX500Principal().getName());
    }
    if (unhandledCritical(crl)) {
      throw new VerificationFailure(VerifyCode.UNHANDLED_CRITICAL_CRL_EXTENSION, depth,
          "critical CRL extensions " + crl.getCriticalExtensionOIDs());
    }
    X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
    if (entry != null && entry.getRevocationReason() != CRLReason.REMOVE_FROM_CRL) {
      throw new VerificationFailure(VerifyCode.CERT_REVOKED, depth, "serial "
          + cert.getSerialNumber().toString(16) + " revoked "
          + entry.getRevocationDate().toInstant());
    }
  }

  private static boolean unhandledCritical(X509CRL crl) {
    Set<String> critical = crl.getCriticalExtensionOIDs();
    if (critical != null && !HANDLED.containsAll(critical)) {
      return true;
    }
    Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
    if (entries != null) {
      for (X509CRLEntry e : entries) {
        Set<String> c = e.getCriticalExtensionOIDs();
        if (c != null && !HANDLED_ENTRY.containsAll(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean verifies(X509CRL crl, X509Certificate issuer) {
    try {
      crl.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean current(X509CRL crl, Date now) {
    return !crl.getThisUpdate().after(now)
        && (crl.getNextUpdate() == null || !crl.getNextUpdate().before(now));
  }
}
