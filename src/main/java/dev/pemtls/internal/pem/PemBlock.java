package dev.pemtls.internal.pem;

import java.util.Map;

/**
 * One {@code -----BEGIN label----- ... -----END label-----} block of a PEM file, base64 already
 * decoded.
 *
 * @param index 1-based position among the blocks of its source, for error messages
 * @param line 1-based line of the BEGIN line
 * @param label the text between {@code BEGIN } and the dashes, e.g. {@code CERTIFICATE}
 * @param headers RFC 1421 headers such as {@code Proc-Type} and {@code DEK-Info}, in file order
 * @param der the decoded body; shared, callers must not modify it
 */
record PemBlock(int index, int line, String label, Map<String, String> headers, byte[] der) {
  PemBlock {
    headers = Map.copyOf(headers);
  }

  /** "block #3 ('RSA PRIVATE KEY', line 41)", the way error messages refer to a block. */
  String describe() {
    return "block #" + index + " ('" + label + "', line " + line + ")";
  }

  /** True for the legacy OpenSSL encryption that {@code openssl rsa -aes256} writes. */
  boolean hasLegacyEncryption() {
    String procType = headers.get("Proc-Type");
    return procType != null && procType.replace(" ", "").equalsIgnoreCase("4,ENCRYPTED");
  }

  @Override
  public String toString() {
    // Never print the body: it may be a private key.
    return "PemBlock[" + describe() + ", " + der.length + " bytes]";
  }
}
