package dev.pemtls;

/**
 * The protocol a context is created for: Python's {@code PROTOCOL_*} constants.
 *
 * <p>{@link #TLS} (Python's {@code PROTOCOL_TLS}, alias {@link #SSLv23}) negotiates the highest
 * version both sides support, on either side. {@link #TLS_CLIENT} and {@link #TLS_SERVER} do the
 * same but fix the side, and {@code TLS_CLIENT} turns on certificate and host-name verification.
 * The {@code TLSv1*} constants pin one version. {@link #SSLv2} and {@link #SSLv3} exist for
 * completeness: creating a context with them fails, as SSL 2 and 3 are broken and unsupported; no
 * silent upgrade happens.
 */
public enum Protocol {
  TLS(null),
  TLS_CLIENT(null),
  TLS_SERVER(null),
  TLSv1(TlsVersion.TLSv1),
  TLSv1_1(TlsVersion.TLSv1_1),
  TLSv1_2(TlsVersion.TLSv1_2),
  TLSv1_3(TlsVersion.TLSv1_3),
  SSLv2(null),
  SSLv3(TlsVersion.SSLv3);

  /** Python's {@code PROTOCOL_SSLv23}: another name for {@link #TLS}. */
  public static final Protocol SSLv23 = TLS;

  private final TlsVersion pinned;

  Protocol(TlsVersion pinned) {
    this.pinned = pinned;
  }

  /** The single version this protocol allows, or null for the negotiating ones. */
  public TlsVersion pinnedVersion() {
    return pinned;
  }

  /** Python's constant name, e.g. {@code PROTOCOL_TLS_CLIENT}. */
  public String pythonName() {
    return "PROTOCOL_" + name();
  }
}
