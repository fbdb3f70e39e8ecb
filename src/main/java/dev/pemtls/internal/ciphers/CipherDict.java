package dev.pemtls.internal.ciphers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of Python's {@code SSLContext.get_ciphers()}: CPython's {@code _cipher_to_dict} over
 * OpenSSL's {@code SSL_CIPHER_*} accessors, with OpenSSL 3.0's short names for the cipher,
 * digest, key exchange and authentication NIDs.
 */
public final class CipherDict {
  private CipherDict() {}

  private static final Map<String, String> SYMMETRIC = Map.ofEntries(
      Map.entry("3DES", "des-ede3-cbc"), Map.entry("AES128", "aes-128-cbc"),
      Map.entry("AES256", "aes-256-cbc"), Map.entry("AES128GCM", "aes-128-gcm"),
      Map.entry("AES256GCM", "aes-256-gcm"), Map.entry("AES128CCM", "aes-128-ccm"),
      Map.entry("AES128CCM8", "aes-128-ccm"), Map.entry("AES256CCM", "aes-256-ccm"),
      Map.entry("AES256CCM8", "aes-256-ccm"), Map.entry("ARIA128GCM", "aria-128-gcm"),
      Map.entry("ARIA256GCM", "aria-256-gcm"), Map.entry("CAMELLIA128", "camellia-128-cbc"),
      Map.entry("CAMELLIA256", "camellia-256-cbc"),
      Map.entry("CHACHA20POLY1305", "chacha20-poly1305"), Map.entry("IDEA", "idea-cbc"),
      Map.entry("RC4", "rc4"), Map.entry("SEED", "seed-cbc"));
  private static final Map<String, String> DIGEST = Map.of("SHA1", "sha1", "SHA256", "sha256",
      "SHA384", "sha384", "MD5", "md5");
  private static final Map<String, String> KEA = Map.of("RSA", "kx-rsa", "DHE", "kx-dhe",
      "ECDHE", "kx-ecdhe", "PSK", "kx-psk", "RSAPSK", "kx-rsa-psk", "DHEPSK", "kx-dhe-psk",
      "ECDHEPSK", "kx-ecdhe-psk", "SRP", "kx-srp", "GOST", "kx-gost", "ANY", "kx-any");
  private static final Map<String, String> AUTH = Map.of("RSA", "auth-rsa", "ECDSA",
      "auth-ecdsa", "DSS", "auth-dss", "PSK", "auth-psk", "NULL", "auth-null", "ANY", "auth-any",
      "SRP", "auth-srp", "GOST01", "auth-gost01", "GOST12", "auth-gost12");

  /**
   * The dictionary for {@code suite}: id, name, protocol, description, strength_bits, alg_bits,
   * aead, symmetric, digest, kea, auth, in CPython's order; absent names are null.
   */
  public static Map<String, Object> of(CipherSuite suite) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", 0x03000000 | suite.id());
    d.put("name", suite.name());
    d.put("protocol", protocol(suite));
    d.put("description", suite.description());
    d.put("strength_bits", suite.strengthBits());
    d.put("alg_bits", suite.algorithmBits());
    d.put("aead", suite.mac().equals("AEAD"));
    d.put("symmetric", SYMMETRIC.get(suite.encryption()));
    d.put("digest", DIGEST.get(suite.mac()));
    d.put("kea", KEA.get(suite.keyExchange()));
    d.put("auth", AUTH.get(suite.authentication()));
    return Collections.unmodifiableMap(d);
  }

  /**
   * OpenSSL's {@code SSL_CIPHER_get_version}: the version that defines the suite, with its
   * "backwards-compatibility crutch" of naming TLS 1.0 "TLSv1.0" (the {@code -v} listing says
   * "TLSv1").
   */
  public static String protocol(CipherSuite suite) {
    String v = suite.versionText();
    return v.equals("TLSv1") ? "TLSv1.0" : v;
  }
}
