package dev.pemtls.internal.pem;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Writes PEM as OpenSSL's {@code PEM_write_bio} does: {@code -----BEGIN label-----}, the base64
 * body in 64-character lines, {@code -----END label-----}, each line ending in {@code \n}. This
 * is also byte for byte what Python's {@code ssl.DER_cert_to_PEM_cert} returns.
 */
public final class PemWriter {
  private PemWriter() {}

  /** One block of {@code der} under {@code label}, e.g. "CERTIFICATE". */
  public static String block(String label, byte[] der) {
    String b64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(b64.length() + b64.length() / 64 + 2 * label.length()
        + 40).append("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < b64.length(); i += 64) {
      out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
    }
    return out.append("-----END ").append(label).append("-----\n").toString();
  }

  /** Certificates as concatenated {@code CERTIFICATE} blocks, in the given order. */
  public static String certificates(X509Certificate... certs) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate c : certs) {
      try {
        out.append(block("CERTIFICATE", c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate " + c.getSubjectX500Principal()
            + " cannot be encoded: " + e.getMessage(), e);
      }
    }
    return out.toString();
  }

  /**
   * A private key as an unencrypted PKCS#8 {@code PRIVATE KEY} block, as {@code openssl genpkey}
   * writes it. For throwaway keys only (the demo and tests): the result is a secret.
   */
  public static String unencryptedPrivateKey(PrivateKey key) {
    byte[] der = key.getEncoded();
    try {
      return block("PRIVATE KEY", der);
    } finally {
      java.util.Arrays.fill(der, (byte) 0);
    }
  }
}
