package dev.pemtls;

/**
 * TLS protocol versions, Python's {@code ssl.TLSVersion}, for {@code minimum_version} and {@code
 * maximum_version}. {@link #MINIMUM_SUPPORTED} and {@link #MAXIMUM_SUPPORTED} are the magic
 * bounds, as in Python; PemTLS resolves them to TLS 1.0 and TLS 1.3 (SSLv3 is never enabled).
 */
public enum TlsVersion {
  MINIMUM_SUPPORTED(null, -2),
  SSLv3("SSLv3", 0x0300),
  TLSv1("TLSv1", 0x0301),
  TLSv1_1("TLSv1.1", 0x0302),
  TLSv1_2("TLSv1.2", 0x0303),
  TLSv1_3("TLSv1.3", 0x0304),
  MAXIMUM_SUPPORTED(null, -1);

  private final String jsseName;
  private final int wireValue;

  TlsVersion(String jsseName, int wireValue) {
    this.jsseName = jsseName;
    this.wireValue = wireValue;
  }

  /** The JSSE protocol name ("TLSv1.2"), or null for the two magic bounds. */
  public String jsseName() {
    return jsseName;
  }

  /** The protocol version on the wire, e.g. 0x0303 for TLS 1.2 (Python's enum value). */
  public int wireValue() {
    return wireValue;
  }

  /** The version with this JSSE name, e.g. "TLSv1.3". */
  public static TlsVersion fromJsseName(String name) {
    for (TlsVersion v : values()) {
      if (name.equals(v.jsseName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown TLS version '" + name
        + "'; expected one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3");
  }

  /**
   * The JSSE names of the versions from {@code min} to {@code max}, newest first; SSLv3 is never
   * among them.
   */
  static java.util.List<String> jsseRange(TlsVersion min, TlsVersion max) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = max.resolved().ordinal(); i >= min.resolved().ordinal(); i--) {
      TlsVersion v = values()[i];
      if (v != SSLv3) {
        out.add(v.jsseName());
      }
    }
    return out;
  }

  /** {@link #MINIMUM_SUPPORTED} as TLS 1.0, {@link #MAXIMUM_SUPPORTED} as TLS 1.3. */
  TlsVersion resolved() {
    return this == MINIMUM_SUPPORTED ? TLSv1 : this == MAXIMUM_SUPPORTED ? TLSv1_3 : this;
  }
}
