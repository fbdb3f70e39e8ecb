package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;

/** Errors shared by the key-reading classes, worded once. */
final class KeyErrors {
  private KeyErrors() {}

  /** OpenSSL's EVP_R_BAD_DECRYPT; deliberately without the cause's text (no key bytes leak). */
  static SslError badDecrypt(String where, Throwable cause) {
    // Keep the cause's type for debugging but not its message, which may quote decrypted data.
    return Reason.EVP_BAD_DECRYPT.error("bad decrypt: wrong password for the encrypted key "
        + "in " + where, cause == null ? null : new Exception(cause.getClass().getName()));
  }

  static SslError unsupported(String algorithm, String where) {
    return Reason.EVP_UNSUPPORTED_PRIVATE_KEY_ALGORITHM.error("unsupported private key "
        + "algorithm " + algorithm + " in " + where + "; use an RSA, RSA-PSS, EC (P-256, P-384, "
        + "P-521), Ed25519, Ed448 or DSA key");
  }
}
