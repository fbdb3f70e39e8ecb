package dev.pemtls.trust;

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
  INVALID_PURPOSE(26, "unsupported certificate purpose"),
  CERT_UNTRUSTED(27, "certificate not trusted"),
  CERT_REJECTED(28, "certificate rejected"),
  KEYUSAGE_NO_CERTSIGN(32, "key usage does not include certificate signing"),
  UNHANDLED_CRITICAL_EXTENSION(34, "unhandled critical extension"),
  PERMITTED_VIOLATION(47, "permitted subtree violation"),
  EXCLUDED_VIOLATION(48, "excluded subtree violation"),
  HOSTNAME_MISMATCH(62, "hostname mismatch"),
  EMAIL_MISMATCH(63, "email address mismatch"),
  IP_ADDRESS_MISMATCH(64, "IP address mismatch"),
  EE_KEY_TOO_SMALL(66, "EE certificate key too weak"),
  CA_KEY_TOO_SMALL(67, "CA certificate key too weak"),
  CA_MD_TOO_WEAK(68, "CA signature digest algorithm too weak"),
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
