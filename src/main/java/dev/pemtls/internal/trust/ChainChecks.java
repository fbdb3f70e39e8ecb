package dev.pemtls.internal.trust;

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
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The per-certificate checks of OpenSSL's {@code X509_verify_cert} that {@link ChainVerifier}
 * runs once the chain is built: purpose, critical extensions, key and signature strength for the
 * security level, and signatures, validity and CA constraints (through the JDK's PKIX
 * validator, with the trust anchor's own name constraints applied as OpenSSL applies them).
 */
final class ChainChecks {
  private static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String EKU_NS_SGC = "2.16.840.1.113730.4.1";
  private static final String EKU_MS_SGC = "1.3.6.1.4.1.311.10.3.3";
  private static final String NAME_CONSTRAINTS = "2.5.29.30";

  /** Extensions OpenSSL's X509_supported_extension knows; any other critical one fails (34). */
  private static final Set<String> SUPPORTED = Set.of("2.16.840.1.113730.1.1", "2.5.29.15",
      "2.5.29.17", "2.5.29.19", "2.5.29.32", "2.5.29.37", "1.3.6.1.5.5.7.1.14", "2.5.29.30",
      "2.5.29.33", "2.5.29.36", "2.5.29.54", "1.3.6.1.5.5.7.1.7", "1.3.6.1.5.5.7.1.8",
      "2.5.29.31");

  private ChainChecks() {}

  /** OpenSSL's check_extensions: a critical extension it does not know fails (34). */
  static void checkCriticalExtensions(List<X509Certificate> path) throws VerificationFailure {
    for (int depth = 0; depth < path.size(); depth++) {
      Set<String> critical = path.get(depth).getCriticalExtensionOIDs();
      if (critical != null && !SUPPORTED.containsAll(critical)) {
        throw new VerificationFailure(VerifyCode.UNHANDLED_CRITICAL_EXTENSION, depth,
            "critical extensions " + critical);
      }
    }
  }

  /**
   * OpenSSL's check_key_level and check_sig_level for an authentication security level (Python's
   * default cipher string sets 2): keys (66 for the leaf, 67 for CAs) and the digests of
   * signatures below the anchor (68).
   */
  static void checkSecurityLevel(List<X509Certificate> path, int level)
      throws VerificationFailure {
    if (level <= 0) {
      return;
    }
    for (int depth = 0; depth < path.size(); depth++) {
      X509Certificate c = path.get(depth);
      if (!SecurityLevel.keyStrongEnough(c.getPublicKey(), level)) {
        throw new VerificationFailure(depth == 0 ? VerifyCode.EE_KEY_TOO_SMALL
            : VerifyCode.CA_KEY_TOO_SMALL, depth, c.getPublicKey().getAlgorithm() + " key too "
            + "small for security level " + level);
      }
      if (depth < path.size() - 1 && !SecurityLevel.digestStrongEnough(c, level)) {
        throw new VerificationFailure(VerifyCode.CA_MD_TOO_WEAK, depth, c.getSigAlgName()
            + " signature too weak for security level " + level);
      }
    }
  }

  private static boolean hasConstraints(X509Certificate anchor) {
    return CertExtensions.has(anchor, NAME_CONSTRAINTS);
  }


  /** OpenSSL's check_purpose_ssl_server / _client: extended and plain key usage. */
  static void checkPurpose(X509Certificate cert, int depth, boolean server)
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
  static void validate(List<X509Certificate> path, Date now)
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
      // The JDK ignores an anchor's own constraints; OpenSSL applies a root's name constraints,
      // path length and key usage. A self-signed root is therefore also put in the path, where
      // it verifies under itself and its constraints apply.
      boolean rootInPath = ChainVerifier.isSelfIssued(anchor) && hasConstraints(anchor);
      CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(
          path.subList(0, rootInPath ? top + 1 : top)), params);
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
