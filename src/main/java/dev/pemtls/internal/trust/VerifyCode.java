package dev.pemtls.internal.trust;

/**
 * OpenSSL's certificate verification results ({@code X509_V_ERR_*}), with OpenSSL 3.0's texts as
 * {@code X509_verify_cert_error_string} prints them. Python reports these as {@code
 * SSLCertVerificationError.verify_code} and {@code verify_message}.
 */
public enum VerifyCode {
  OK(0, "ok"),
  UNABLE_TO_GET_ISSUER_CERT(2, "unable to get issuer certificate"),
  UNABLE_TO_GET_CRL(3, "unable to get certificate CRL"),
  CERT_SIGNATURE_FAILURE(7, "certificate signature failure"),
  CRL_SIGNATURE_FAILURE(8, "CRL signature failure"),
  CERT_NOT_YET_VALID(9, "certificate is not yet valid"),
  CERT_HAS_EXPIRED(10, "certificate has expired"),
  CRL_NOT_YET_VALID(11, "CRL is not yet valid"),
  CRL_HAS_EXPIRED(12, "CRL has expired"),
  DEPTH_ZERO_SELF_SIGNED_CERT(18, "self-signed certificate"),
  SELF_SIGNED_CERT_IN_CHAIN(19, "self-signed certificate in certificate chain"),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY(20, "unable to get local issuer certificate"),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE(21, "unable to verify the first certificate"),
  CERT_CHAIN_TOO_LONG(22, "certificate chain too long"),
  CERT_REVOKED(23, "certificate revoked"),
  INVALID_CA(24, "invalid CA certificate"),
  PATH_LENGTH_EXCEEDED(25, "path length constraint exceeded"),
  INVALID_PURPOSE(26, "unsuitable certificate purpose"),
  CERT_UNTRUSTED(27, "certificate not trusted"),
  CERT_REJECTED(28, "certificate rejected"),
  KEYUSAGE_NO_CERTSIGN(32, "key usage does not include certificate signing"),
  UNABLE_TO_GET_CRL_ISSUER(33, "unable to get CRL issuer certificate"),
  UNHANDLED_CRITICAL_EXTENSION(34, "unhandled critical extension"),
  KEYUSAGE_NO_CRL_SIGN(35, "key usage does not include CRL signing"),
  UNHANDLED_CRITICAL_CRL_EXTENSION(36, "unhandled critical CRL extension"),
  UNSUPPORTED_NAME_SYNTAX(53, "unsupported or invalid name syntax"),
  PERMITTED_VIOLATION(47, "permitted subtree violation"),
  EXCLUDED_VIOLATION(48, "excluded subtree violation"),
  HOSTNAME_MISMATCH(62, "hostname mismatch"),
  EMAIL_MISMATCH(63, "email address mismatch"),
  IP_ADDRESS_MISMATCH(64, "IP address mismatch"),
  EE_KEY_TOO_SMALL(66, "EE certificate key too weak"),
  CA_KEY_TOO_SMALL(67, "CA certificate key too weak"),
  CA_MD_TOO_WEAK(68, "CA signature digest algorithm too weak"),
  // X509_V_FLAG_X509_STRICT checks (OpenSSL 3.0)
  SIGNATURE_ALGORITHM_INCONSISTENCY(78, "cert info signature and signature algorithm mismatch"),
  PATHLEN_INVALID_FOR_NON_CA(80, "Path length invalid for non-CA cert"),
  PATHLEN_WITHOUT_KU_KEY_CERT_SIGN(81, "Path length given without key usage keyCertSign"),
  KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA(82, "Key usage keyCertSign invalid for non-CA cert"),
  ISSUER_NAME_EMPTY(83, "Issuer name empty"),
  SUBJECT_NAME_EMPTY(84, "Subject name empty"),
  MISSING_AUTHORITY_KEY_IDENTIFIER(85, "Missing Authority Key Identifier"),
  MISSING_SUBJECT_KEY_IDENTIFIER(86, "Missing Subject Key Identifier"),
  EMPTY_SUBJECT_ALT_NAME(87, "Empty Subject Alternative Name extension"),
  EMPTY_SUBJECT_SAN_NOT_CRITICAL(88, "Subject empty and Subject Alt Name extension not critical"),
  CA_BCONS_NOT_CRITICAL(89, "Basic Constraints of CA cert not marked critical"),
  AUTHORITY_KEY_IDENTIFIER_CRITICAL(90, "Authority Key Identifier marked critical"),
  SUBJECT_KEY_IDENTIFIER_CRITICAL(91, "Subject Key Identifier marked critical"),
  CA_CERT_MISSING_KEY_USAGE(92, "CA cert does not include key usage extension"),
  EXTENSIONS_REQUIRE_VERSION_3(93, "Using cert extension requires at least X509v3"),
  EC_KEY_EXPLICIT_PARAMS(94, "Certificate public key has explicit ECC parameters"),
  UNSPECIFIED(1, "unspecified certificate verification error");

  private final int code;
  private final String message;

  VerifyCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** OpenSSL's numeric code, e.g. 20. */
  public int code() {
    return code;
  }

  /** OpenSSL's text, e.g. "unable to get local issuer certificate". */
  public String message() {
    return message;
  }
}
