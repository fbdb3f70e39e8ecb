package dev.pemtls.internal.ciphers;

import java.util.Map;

/**
 * Algorithm bit masks, mirroring the {@code SSL_k*}, {@code SSL_a*}, {@code SSL_e*}/{@code SSL_AES*},
 * {@code SSL_MD5}.. and {@code algo_strength} fields of OpenSSL 3.0's {@code SSL_CIPHER}
 * ({@code ssl/ssl_local.h}). The numeric values are PemTLS's own; only the grouping matters, because
 * the expansion engine only ever tests {@code rule & suite != 0} as {@code ssl_cipher_apply_rule}
 * does.
 */
final class Bits {
  private Bits() {}

  // Key exchange (SSL_k*).
  static final int K_RSA = 1, K_DHE = 1 << 1, K_ECDHE = 1 << 2, K_PSK = 1 << 3, K_RSAPSK = 1 << 4,
      K_DHEPSK = 1 << 5, K_ECDHEPSK = 1 << 6, K_SRP = 1 << 7, K_GOST = 1 << 8, K_GOST18 = 1 << 9,
      K_ANY = 1 << 10;
  /** {@code SSL_PSK}: every PSK key exchange. */
  static final int K_PSK_ALL = K_PSK | K_RSAPSK | K_DHEPSK | K_ECDHEPSK;

  // Authentication (SSL_a*).
  static final int A_RSA = 1, A_DSS = 1 << 1, A_NULL = 1 << 2, A_ECDSA = 1 << 3, A_PSK = 1 << 4,
      A_GOST01 = 1 << 5, A_GOST12 = 1 << 6, A_SRP = 1 << 7, A_ANY = 1 << 8;

  // Bulk encryption (SSL_DES .. SSL_KUZNYECHIK).
  static final int E_DES = 1, E_3DES = 1 << 1, E_RC4 = 1 << 2, E_RC2 = 1 << 3, E_IDEA = 1 << 4,
      E_NULL = 1 << 5, E_AES128 = 1 << 6, E_AES256 = 1 << 7, E_CAMELLIA128 = 1 << 8,
      E_CAMELLIA256 = 1 << 9, E_GOST89 = 1 << 10, E_SEED = 1 << 11, E_AES128GCM = 1 << 12,
      E_AES256GCM = 1 << 13, E_AES128CCM = 1 << 14, E_AES256CCM = 1 << 15, E_AES128CCM8 = 1 << 16,
      E_AES256CCM8 = 1 << 17, E_GOST8912 = 1 << 18, E_CHACHA20 = 1 << 19, E_ARIA128GCM = 1 << 20,
      E_ARIA256GCM = 1 << 21, E_MAGMA = 1 << 22, E_KUZNYECHIK = 1 << 23;
  static final int E_AESGCM = E_AES128GCM | E_AES256GCM;
  static final int E_AESCCM = E_AES128CCM | E_AES256CCM | E_AES128CCM8 | E_AES256CCM8;
  /** {@code SSL_AES}: CBC, GCM and CCM (CCM8 included) AES. */
  static final int E_AES = E_AES128 | E_AES256 | E_AESGCM | E_AESCCM;
  static final int E_CAMELLIA = E_CAMELLIA128 | E_CAMELLIA256;
  static final int E_ARIA = E_ARIA128GCM | E_ARIA256GCM;
  /** {@code SSL_CBC}: the block ciphers used in CBC mode. */
  static final int E_CBC = E_DES | E_3DES | E_RC2 | E_IDEA | E_AES128 | E_AES256 | E_CAMELLIA128
      | E_CAMELLIA256 | E_SEED;

  // MAC (SSL_MD5 .. SSL_AEAD).
  static final int M_MD5 = 1, M_SHA1 = 1 << 1, M_GOST94 = 1 << 2, M_GOST89MAC = 1 << 3,
      M_SHA256 = 1 << 4, M_SHA384 = 1 << 5, M_AEAD = 1 << 6, M_GOST12_256 = 1 << 7,
      M_GOST89MAC12 = 1 << 8, M_GOST12_512 = 1 << 9, M_MAGMAOMAC = 1 << 10,
      M_KUZNYECHIKOMAC = 1 << 11;

  // algo_strength: SSL_STRONG_MASK bits, then SSL_DEFAULT_MASK.
  static final int S_NONE = 1, S_LOW = 1 << 1, S_MEDIUM = 1 << 2, S_HIGH = 1 << 3, S_FIPS = 1 << 4;
  static final int STRONG_MASK = 0x1F;
  static final int S_NOT_DEFAULT = 1 << 5;
  static final int DEFAULT_MASK = S_NOT_DEFAULT;

  // Protocol versions as on the wire.
  static final int SSL3 = 0x0300, TLS1 = 0x0301, TLS1_2 = 0x0303, TLS1_3 = 0x0304;

  /** Tokens of the table resource, column by column. */
  static final Map<String, Integer> KX = Map.ofEntries(Map.entry("RSA", K_RSA),
      Map.entry("DHE", K_DHE), Map.entry("ECDHE", K_ECDHE), Map.entry("PSK", K_PSK),
      Map.entry("RSAPSK", K_RSAPSK), Map.entry("DHEPSK", K_DHEPSK),
      Map.entry("ECDHEPSK", K_ECDHEPSK), Map.entry("SRP", K_SRP), Map.entry("GOST", K_GOST),
      Map.entry("GOST18", K_GOST18), Map.entry("ANY", K_ANY));
  static final Map<String, Integer> AU = Map.of("RSA", A_RSA, "DSS", A_DSS, "NULL", A_NULL,
      "ECDSA", A_ECDSA, "PSK", A_PSK, "GOST01", A_GOST01,
      // The 2012 GOST suites carry both auth bits in OpenSSL.
      "GOST12", A_GOST12 | A_GOST01, "SRP", A_SRP, "ANY", A_ANY);
  static final Map<String, Integer> ENC = Map.ofEntries(Map.entry("DES", E_DES),
      Map.entry("3DES", E_3DES), Map.entry("RC4", E_RC4), Map.entry("RC2", E_RC2),
      Map.entry("IDEA", E_IDEA), Map.entry("eNULL", E_NULL), Map.entry("AES128", E_AES128),
      Map.entry("AES256", E_AES256), Map.entry("CAMELLIA128", E_CAMELLIA128),
      Map.entry("CAMELLIA256", E_CAMELLIA256), Map.entry("GOST89", E_GOST89),
      Map.entry("SEED", E_SEED), Map.entry("AES128GCM", E_AES128GCM),
      Map.entry("AES256GCM", E_AES256GCM), Map.entry("AES128CCM", E_AES128CCM),
      Map.entry("AES256CCM", E_AES256CCM), Map.entry("AES128CCM8", E_AES128CCM8),
      Map.entry("AES256CCM8", E_AES256CCM8), Map.entry("GOST8912", E_GOST8912),
      Map.entry("CHACHA20POLY1305", E_CHACHA20), Map.entry("ARIA128GCM", E_ARIA128GCM),
      Map.entry("ARIA256GCM", E_ARIA256GCM), Map.entry("MAGMA", E_MAGMA),
      Map.entry("KUZNYECHIK", E_KUZNYECHIK));
  static final Map<String, Integer> MAC = Map.ofEntries(Map.entry("MD5", M_MD5),
      Map.entry("SHA1", M_SHA1), Map.entry("GOST94", M_GOST94),
      Map.entry("GOST89MAC", M_GOST89MAC), Map.entry("SHA256", M_SHA256),
      Map.entry("SHA384", M_SHA384), Map.entry("AEAD", M_AEAD),
      Map.entry("GOST12_256", M_GOST12_256), Map.entry("GOST89MAC12", M_GOST89MAC12),
      Map.entry("GOST12_512", M_GOST12_512), Map.entry("MAGMAOMAC", M_MAGMAOMAC),
      Map.entry("KUZNYECHIKOMAC", M_KUZNYECHIKOMAC));
  static final Map<String, Integer> VERSION = Map.of("SSLv3", SSL3, "TLSv1", TLS1,
      "TLSv1.2", TLS1_2, "TLSv1.3", TLS1_3);
  static final Map<String, Integer> STRENGTH = Map.of("NONE", S_NONE, "LOW", S_LOW,
      "MEDIUM", S_MEDIUM, "HIGH", S_HIGH, "FIPS", S_FIPS, "NOT_DEFAULT", S_NOT_DEFAULT);

  static int lookup(Map<String, Integer> map, String token, String column) {
    Integer v = map.get(token);
    if (v == null) {
      throw new IllegalStateException("cipher table: unknown " + column + " '" + token + "'");
    }
    return v;
  }
}
