package dev.pemtls.internal.ciphers;

import static dev.pemtls.internal.ciphers.Bits.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The group names of a cipher string, mirroring {@code cipher_aliases[]} in OpenSSL 3.0's
 * {@code ssl/ssl_ciph.c}. Each alias is a pattern: a suite matches when it shares a bit with every
 * non-zero mask.
 */
final class CipherAliases {
  private CipherAliases() {}

  /** One pattern: the fields {@code ssl_cipher_apply_rule} tests. Zero means "any". */
  record Pattern(int mkey, int auth, int enc, int mac, int minTls, int strength, int cipherId) {}

  private static final Map<String, Pattern> ALIASES = new HashMap<>();

  private static void add(String name, int mkey, int auth, int enc, int mac) {
    ALIASES.put(name, new Pattern(mkey, auth, enc, mac, 0, 0, 0));
  }

  private static void version(String name, int v) {
    ALIASES.put(name, new Pattern(0, 0, 0, 0, v, 0, 0));
  }

  private static void strength(String name, int enc, int s) {
    ALIASES.put(name, new Pattern(0, 0, enc, 0, 0, s, 0));
  }

  static {
    // "ALL" leaves eNULL out; "COMPLEMENTOFALL" is exactly eNULL.
    add("ALL", 0, 0, ~E_NULL, 0);
    add("COMPLEMENTOFALL", 0, 0, E_NULL, 0);
    // COMPLEMENTOFDEFAULT: every suite flagged SSL_NOT_DEFAULT.
    strength("COMPLEMENTOFDEFAULT", 0, S_NOT_DEFAULT);
    // Key exchange.
    add("kRSA", K_RSA, 0, 0, 0);
    add("kEDH", K_DHE, 0, 0, 0);
    add("kDHE", K_DHE, 0, 0, 0);
    add("DH", K_DHE, 0, 0, 0);
    add("kEECDH", K_ECDHE, 0, 0, 0);
    add("kECDHE", K_ECDHE, 0, 0, 0);
    add("ECDH", K_ECDHE, 0, 0, 0);
    add("kPSK", K_PSK, 0, 0, 0);
    add("kRSAPSK", K_RSAPSK, 0, 0, 0);
    add("kECDHEPSK", K_ECDHEPSK, 0, 0, 0);
    add("kDHEPSK", K_DHEPSK, 0, 0, 0);
    add("kSRP", K_SRP, 0, 0, 0);
    add("kGOST", K_GOST, 0, 0, 0);
    add("kGOST18", K_GOST18, 0, 0, 0);
    // Authentication.
    add("aRSA", 0, A_RSA, 0, 0);
    add("aDSS", 0, A_DSS, 0, 0);
    add("DSS", 0, A_DSS, 0, 0);
    add("aNULL", 0, A_NULL, 0, 0);
    add("aECDSA", 0, A_ECDSA, 0, 0);
    add("ECDSA", 0, A_ECDSA, 0, 0);
    add("aPSK", 0, A_PSK, 0, 0);
    add("aGOST01", 0, A_GOST01, 0, 0);
    add("aGOST12", 0, A_GOST12, 0, 0);
    add("aGOST", 0, A_GOST01 | A_GOST12, 0, 0);
    add("aSRP", 0, A_SRP, 0, 0);
    // Key exchange and authentication together.
    add("EDH", K_DHE, ~A_NULL, 0, 0);
    add("DHE", K_DHE, ~A_NULL, 0, 0);
    add("EECDH", K_ECDHE, ~A_NULL, 0, 0);
    add("ECDHE", K_ECDHE, ~A_NULL, 0, 0);
    add("NULL", 0, 0, E_NULL, 0);
    add("RSA", K_RSA, A_RSA, 0, 0);
    add("ADH", K_DHE, A_NULL, 0, 0);
    add("AECDH", K_ECDHE, A_NULL, 0, 0);
    add("PSK", K_PSK_ALL, 0, 0, 0);
    add("SRP", K_SRP, 0, 0, 0);
    // Bulk ciphers.
    add("3DES", 0, 0, E_3DES, 0);
    add("RC4", 0, 0, E_RC4, 0);
    add("RC2", 0, 0, E_RC2, 0);
    add("IDEA", 0, 0, E_IDEA, 0);
    add("SEED", 0, 0, E_SEED, 0);
    add("eNULL", 0, 0, E_NULL, 0);
    add("GOST89", 0, 0, E_GOST89 | E_GOST8912 | E_MAGMA | E_KUZNYECHIK, 0);
    add("AES128", 0, 0, E_AES128 | E_AES128GCM | E_AES128CCM | E_AES128CCM8, 0);
    add("AES256", 0, 0, E_AES256 | E_AES256GCM | E_AES256CCM | E_AES256CCM8, 0);
    add("AES", 0, 0, E_AES, 0);
    add("AESGCM", 0, 0, E_AESGCM, 0);
    add("AESCCM", 0, 0, E_AESCCM, 0);
    add("AESCCM8", 0, 0, E_AES128CCM8 | E_AES256CCM8, 0);
    add("CAMELLIA128", 0, 0, E_CAMELLIA128, 0);
    add("CAMELLIA256", 0, 0, E_CAMELLIA256, 0);
    add("CAMELLIA", 0, 0, E_CAMELLIA, 0);
    add("CHACHA20", 0, 0, E_CHACHA20, 0);
    add("GOST2012-GOST8912-GOST8912", 0, 0, E_GOST8912, 0);
    add("ARIA", 0, 0, E_ARIA, 0);
    add("ARIAGCM", 0, 0, E_ARIA, 0);
    add("ARIA128", 0, 0, E_ARIA128GCM, 0);
    add("ARIA256", 0, 0, E_ARIA256GCM, 0);
    add("CBC", 0, 0, E_CBC, 0);
    // MACs.
    add("MD5", 0, 0, 0, M_MD5);
    add("SHA1", 0, 0, 0, M_SHA1);
    add("SHA", 0, 0, 0, M_SHA1);
    add("GOST94", 0, 0, 0, M_GOST94);
    add("GOST89MAC", 0, 0, 0, M_GOST89MAC | M_GOST89MAC12);
    add("SHA256", 0, 0, 0, M_SHA256);
    add("SHA384", 0, 0, 0, M_SHA384);
    add("GOST12", 0, 0, 0, M_GOST12_256);
    // Minimum protocol version (exact match on the suite's min_tls).
    version("SSLv3", SSL3);
    version("TLSv1", TLS1);
    version("TLSv1.0", TLS1);
    version("TLSv1.2", TLS1_2);
    // Strength classes; FIPS also excludes eNULL.
    strength("LOW", 0, S_LOW);
    strength("MEDIUM", 0, S_MEDIUM);
    strength("HIGH", 0, S_HIGH);
    strength("FIPS", ~E_NULL, S_FIPS);
    // Old "EDH-" names of the DHE 3DES suites.
    ALIASES.put("EDH-DSS-DES-CBC3-SHA",
        new Pattern(K_DHE, A_DSS, E_3DES, M_SHA1, 0, S_HIGH | S_FIPS, 0));
    ALIASES.put("EDH-RSA-DES-CBC3-SHA",
        new Pattern(K_DHE, A_RSA, E_3DES, M_SHA1, 0, S_HIGH | S_FIPS, 0));
  }

  /** The alias of that exact (case-sensitive) name, or null. */
  static Pattern alias(String name) {
    return ALIASES.get(name);
  }

  /** A suite named explicitly acts as a pattern of its own masks plus its id. */
  static Pattern of(CipherSuite s) {
    return new Pattern(s.mkeyBits, s.authBits, s.encBits, s.macBits, 0, s.strengthFlags, s.id());
  }
}
