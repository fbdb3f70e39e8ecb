package dev.pemtls.internal;

import dev.pemtls.SslError;

/**
 * Every library and reason PemTLS raises {@link SslError} with, as Python's {@code
 * SSLError.library} and {@code .reason} show them (OpenSSL's {@code ERR_LIB_*} names and reason
 * strings, and {@code SYS} for the operating system's errors). One list beside the verify codes
 * ({@code internal.trust.VerifyCode}), so a reason is spelled once and a new one is visible here.
 * Reasons computed at run time (a TLS alert's name, an ASN.1 string type) are not listed.
 */
public enum Reason {
  ASN1_HEADER_TOO_LONG("ASN1", "HEADER_TOO_LONG"),
  ASN1_ILLEGAL_CHARACTERS("ASN1", "ILLEGAL_CHARACTERS"),
  ASN1_INVALID_BMPSTRING_LENGTH("ASN1", "INVALID_BMPSTRING_LENGTH"),
  ASN1_INVALID_UNIVERSALSTRING_LENGTH("ASN1", "INVALID_UNIVERSALSTRING_LENGTH"),
  ASN1_INVALID_UTF8STRING("ASN1", "INVALID_UTF8STRING"),
  ASN1_NOT_ENOUGH_DATA("ASN1", "NOT_ENOUGH_DATA"),
  ASN1_TOO_MANY_CERTIFICATES("ASN1", "TOO_MANY_CERTIFICATES"),
  ASN1_UNKNOWN_TAG("ASN1", "UNKNOWN_TAG"),
  EVP_BAD_DECRYPT("EVP", "BAD_DECRYPT"),
  EVP_UNSUPPORTED_ALGORITHM("EVP", "UNSUPPORTED_ALGORITHM"),
  EVP_UNSUPPORTED_KEY_DERIVATION_PARAMETERS("EVP", "UNSUPPORTED_KEY_DERIVATION_PARAMETERS"),
  EVP_UNSUPPORTED_PRIVATE_KEY_ALGORITHM("EVP", "UNSUPPORTED_PRIVATE_KEY_ALGORITHM"),
  PEM_ASN1_LIB("PEM", "ASN1_LIB"),
  PEM_BAD_BASE64_DECODE("PEM", "BAD_BASE64_DECODE"),
  PEM_BAD_END_LINE("PEM", "BAD_END_LINE"),
  PEM_BAD_HEADER("PEM", "BAD_HEADER"),
  PEM_BAD_IV_CHARS("PEM", "BAD_IV_CHARS"),
  PEM_BAD_PASSWORD_READ("PEM", "BAD_PASSWORD_READ"),
  PEM_NOT_DEK_INFO("PEM", "NOT_DEK_INFO"),
  PEM_NO_PRIVATE_KEY("PEM", "NO_PRIVATE_KEY"),
  PEM_NO_START_LINE("PEM", "NO_START_LINE"),
  PEM_TOO_MANY_BLOCKS("PEM", "TOO_MANY_BLOCKS"),
  PEM_UNSUPPORTED_ENCRYPTION("PEM", "UNSUPPORTED_ENCRYPTION"),
  SSL_CA_KEY_TOO_SMALL("SSL", "CA_KEY_TOO_SMALL"),
  SSL_CA_MD_TOO_WEAK("SSL", "CA_MD_TOO_WEAK"),
  SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC("SSL", "DECRYPTION_FAILED_OR_BAD_RECORD_MAC"),
  SSL_EE_KEY_TOO_SMALL("SSL", "EE_KEY_TOO_SMALL"),
  SSL_INVALID_COMMAND("SSL", "INVALID_COMMAND"),
  SSL_KEY_TYPE_MISMATCH("SSL", "KEY_TYPE_MISMATCH"),
  SSL_NO_CERTIFICATE("SSL", "NO_CERTIFICATE"),
  SSL_NO_CIPHER_MATCH("SSL", "NO_CIPHER_MATCH"),
  SSL_NO_SHARED_CIPHER("SSL", "NO_SHARED_CIPHER"),
  SSL_PASSED_INVALID_ARGUMENT("SSL", "PASSED_INVALID_ARGUMENT"),
  SSL_PROTOCOL_IS_SHUTDOWN("SSL", "PROTOCOL_IS_SHUTDOWN"),
  SSL_SSL_ERROR("SSL", "SSL_ERROR"),
  SSL_UNSUPPORTED_PROTOCOL("SSL", "UNSUPPORTED_PROTOCOL"),
  SYS_FILE_NOT_FOUND("SYS", "FILE_NOT_FOUND"),
  SYS_FILE_TOO_LARGE("SYS", "FILE_TOO_LARGE"),
  SYS_INVALID_ARGUMENT("SYS", "INVALID_ARGUMENT"),
  SYS_IS_A_DIRECTORY("SYS", "IS_A_DIRECTORY"),
  SYS_NOT_A_REGULAR_FILE("SYS", "NOT_A_REGULAR_FILE"),
  SYS_PERMISSION_DENIED("SYS", "PERMISSION_DENIED"),
  SYS_READ_FAILED("SYS", "READ_FAILED"),
  SYS_WRITE_FAILED("SYS", "WRITE_FAILED"),
  X509V3_UNSUPPORTED_OPTION("X509V3", "UNSUPPORTED_OPTION"),
  X509_ASN1_LIB("X509", "ASN1_LIB"),
  X509_DATA_TOO_LARGE("X509", "DATA_TOO_LARGE"),
  X509_INVALID_ARGUMENT("X509", "INVALID_ARGUMENT"),
  X509_KEY_TYPE_MISMATCH("X509", "KEY_TYPE_MISMATCH"),
  X509_KEY_VALUES_MISMATCH("X509", "KEY_VALUES_MISMATCH"),
  X509_NO_CERTIFICATE_OR_CRL_FOUND("X509", "NO_CERTIFICATE_OR_CRL_FOUND"),
  X509_UNKNOWN_KEY_TYPE("X509", "UNKNOWN_KEY_TYPE");

  private final String library;
  private final String reason;

  Reason(String library, String reason) {
    this.library = library;
    this.reason = reason;
  }

  /** Python's {@code SSLError.library}, e.g. "PEM". */
  public String library() {
    return library;
  }

  /** Python's {@code SSLError.reason}, e.g. "NO_START_LINE". */
  public String reason() {
    return reason;
  }

  /** The error, with a message that names the bad file or value and the fix. */
  public SslError error(String message) {
    return new SslError(library, reason, message);
  }

  /** The error, with its cause. */
  public SslError error(String message, Throwable cause) {
    return new SslError(library, reason, message, cause);
  }
}
