package dev.pemtls.internal.ciphers;

import java.util.Map;

/**
 * One cipher suite of OpenSSL 3.0's table ({@code ssl/s3_lib.c}), with OpenSSL's attributes and
 * whether BCJSSE can negotiate it. Instances come from {@link CipherTable}; equality is identity.
 */
public final class CipherSuite {
  private final int id;
  private final String name;
  private final String ianaName;
  private final String kx;
  private final String auth;
  private final String enc;
  private final String mac;
  private final int minVersion;
  private final int strengthBits;
  private final int algBits;
  private final String strengthClass;
  private final boolean notDefault;
  private final boolean fips;
  private final boolean inDefaultBuild;
  private final boolean bcjsse;
  // Masks used by the expansion engine, mirroring SSL_CIPHER's algorithm_* fields.
  final int mkeyBits;
  final int authBits;
  final int encBits;
  final int macBits;
  final int strengthFlags;

  CipherSuite(int id, String name, String ianaName, String kx, String auth, String enc, String mac,
      int minVersion, int strengthBits, int algBits, int strengthFlags, boolean inDefaultBuild,
      boolean bcjsse) {
    this.id = id;
    this.name = name;
    this.ianaName = ianaName;
    this.kx = kx;
    this.auth = auth;
    this.enc = enc;
    this.mac = mac;
    this.minVersion = minVersion;
    this.strengthBits = strengthBits;
    this.algBits = algBits;
    this.strengthFlags = strengthFlags;
    this.notDefault = (strengthFlags & Bits.S_NOT_DEFAULT) != 0;
    this.fips = (strengthFlags & Bits.S_FIPS) != 0;
    this.strengthClass = (strengthFlags & Bits.S_HIGH) != 0 ? "HIGH"
        : (strengthFlags & Bits.S_MEDIUM) != 0 ? "MEDIUM"
        : (strengthFlags & Bits.S_LOW) != 0 ? "LOW" : "NONE";
    this.inDefaultBuild = inDefaultBuild;
    this.bcjsse = bcjsse;
    this.mkeyBits = Bits.lookup(Bits.KX, kx, "kx");
    this.authBits = Bits.lookup(Bits.AU, auth, "auth");
    this.encBits = Bits.lookup(Bits.ENC, enc, "enc");
    this.macBits = Bits.lookup(Bits.MAC, mac, "mac");
  }

  /** The 2-byte IANA code point, e.g. {@code 0xC02C}. */
  public int id() {
    return id;
  }

  /** OpenSSL's name, e.g. {@code ECDHE-ECDSA-AES256-GCM-SHA384}. */
  public String name() {
    return name;
  }

  /** The IANA (and JSSE) name, e.g. {@code TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384}. */
  public String ianaName() {
    return ianaName;
  }

  /** Key exchange: RSA, DHE, ECDHE, PSK, RSAPSK, DHEPSK, ECDHEPSK, SRP, GOST, GOST18 or ANY. */
  public String keyExchange() {
    return kx;
  }

  /** Authentication: RSA, DSS, ECDSA, PSK, SRP, NULL (anonymous), GOST01, GOST12 or ANY. */
  public String authentication() {
    return auth;
  }

  /** Bulk cipher, e.g. AES256GCM, CHACHA20POLY1305, CAMELLIA128, 3DES, eNULL. */
  public String encryption() {
    return enc;
  }

  /** MAC: MD5, SHA1, SHA256, SHA384, AEAD or a GOST MAC. */
  public String mac() {
    return mac;
  }

  /** Lowest protocol version (wire value, e.g. {@code 0x0303}) the suite can be used with. */
  public int minVersion() {
    return minVersion;
  }

  /** {@code SSL_CIPHER_get_bits}: effective strength (112 for 3DES). */
  public int strengthBits() {
    return strengthBits;
  }

  /** Key bits of the bulk cipher (168 for 3DES). */
  public int algorithmBits() {
    return algBits;
  }

  /** HIGH, MEDIUM, LOW or NONE (OpenSSL 3.0's classes; CCM8 is HIGH in 3.0). */
  public String strengthClass() {
    return strengthClass;
  }

  /** OpenSSL's {@code SSL_NOT_DEFAULT}: left out of DEFAULT by {@code !COMPLEMENTOFDEFAULT}. */
  public boolean notInDefault() {
    return notDefault;
  }

  /** OpenSSL's {@code SSL_FIPS} flag (the FIPS alias). */
  public boolean fips() {
    return fips;
  }

  /**
   * Whether a default build of OpenSSL 3.0 offers the suite (no weak-ssl-ciphers, no legacy
   * provider, no GOST engine). Only these take part in expansion, as in
   * {@code ssl_cipher_collect_ciphers}.
   */
  public boolean inDefaultBuild() {
    return inDefaultBuild;
  }

  /** Whether BCJSSE 1.84 can negotiate the suite. */
  public boolean bcjsse() {
    return bcjsse;
  }

  /** Whether this is a TLS 1.3 suite, configured apart from the cipher string. */
  public boolean isTls13() {
    return minVersion == Bits.TLS1_3;
  }

  private static final Map<String, String> KX_TEXT = Map.of("DHE", "DH", "ECDHE", "ECDH",
      "ANY", "any");
  private static final Map<String, String> AU_TEXT = Map.of("NULL", "None", "ANY", "any");
  private static final Map<String, String> ENC_TEXT = Map.ofEntries(
      Map.entry("3DES", "3DES(168)"), Map.entry("RC4", "RC4(128)"),
      Map.entry("IDEA", "IDEA(128)"), Map.entry("eNULL", "None"), Map.entry("AES128", "AES(128)"),
      Map.entry("AES256", "AES(256)"), Map.entry("AES128GCM", "AESGCM(128)"),
      Map.entry("AES256GCM", "AESGCM(256)"), Map.entry("AES128CCM", "AESCCM(128)"),
      Map.entry("AES256CCM", "AESCCM(256)"), Map.entry("AES128CCM8", "AESCCM8(128)"),
      Map.entry("AES256CCM8", "AESCCM8(256)"), Map.entry("CAMELLIA128", "Camellia(128)"),
      Map.entry("CAMELLIA256", "Camellia(256)"), Map.entry("ARIA128GCM", "ARIAGCM(128)"),
      Map.entry("ARIA256GCM", "ARIAGCM(256)"), Map.entry("SEED", "SEED(128)"),
      Map.entry("GOST89", "GOST89(256)"), Map.entry("GOST8912", "GOST89(256)"),
      Map.entry("MAGMA", "MAGMA"), Map.entry("KUZNYECHIK", "KUZNYECHIK"),
      Map.entry("CHACHA20POLY1305", "CHACHA20/POLY1305(256)"));
  private static final Map<String, String> MAC_TEXT = Map.of("GOST89MAC", "GOST89",
      "GOST89MAC12", "GOST89", "GOST12_256", "GOST2012", "GOST12_512", "GOST2012",
      "MAGMAOMAC", "unknown", "KUZNYECHIKOMAC", "unknown");

  /** {@code ssl_protocol_to_string} of the minimum version, as {@code openssl ciphers -v}. */
  public String versionText() {
    switch (minVersion) {
      case Bits.SSL3: return "SSLv3";
      case Bits.TLS1: return "TLSv1";
      case Bits.TLS1_2: return "TLSv1.2";
      default: return "TLSv1.3";
    }
  }

  /**
   * The line {@code SSL_CIPHER_description} writes, without its newline, e.g.
   * {@code ECDHE-RSA-AES128-GCM-SHA256   TLSv1.2 Kx=ECDH     Au=RSA   Enc=AESGCM(128) ...}.
   */
  public String description() {
    return String.format("%-30s %-7s Kx=%-8s Au=%-5s Enc=%-22s Mac=%-4s", name, versionText(),
        KX_TEXT.getOrDefault(kx, kx), AU_TEXT.getOrDefault(auth, auth),
        ENC_TEXT.getOrDefault(enc, "unknown"), MAC_TEXT.getOrDefault(mac, mac));
  }

  @Override
  public String toString() {
    return name;
  }
}
