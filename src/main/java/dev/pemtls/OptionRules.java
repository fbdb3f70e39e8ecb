package dev.pemtls;

import java.util.ArrayList;
import java.util.List;

/** What {@link SslContext#setOptions} accepts, and what the options do to the versions. */
final class OptionRules {
  private OptionRules() {}

  /** Python 3.11's default with OpenSSL 3.0 ({@code 0x82520050}) for every protocol. */
  static final Options PYTHON_DEFAULT = Options.ALL.with(Options.NO_SSLv3)
      .with(Options.CIPHER_SERVER_PREFERENCE).with(Options.ENABLE_MIDDLEBOX_COMPAT)
      .with(Options.NO_COMPRESSION);

  /** Python's default plus what BCJSSE always does: see {@link Options}. */
  static Options defaults() {
    return alwaysOn().with(PYTHON_DEFAULT);
  }

  /** The flags BCJSSE always behaves by, which can therefore not be cleared. */
  static Options alwaysOn() {
    Options on = Options.NO_SSLv3.with(Options.NO_COMPRESSION)
        .with(Options.ENABLE_MIDDLEBOX_COMPAT).with(Options.NO_TICKET);
    on = clientRenegotiates() ? on : on.with(Options.NO_RENEGOTIATION);
    return legacyServersAllowed() ? on.with(Options.LEGACY_SERVER_CONNECT) : on;
  }

  /** A BCJSSE client accepts a server's renegotiation only with this property (read once). */
  private static boolean clientRenegotiates() {
    return "true".equalsIgnoreCase(System.getProperty(
        "org.bouncycastle.jsse.client.acceptRenegotiation", "false").trim());
  }

  /** BCJSSE reads this property at each handshake, default true. */
  private static boolean legacyServersAllowed() {
    return !"false".equalsIgnoreCase(System.getProperty(
        "sun.security.ssl.allowLegacyHelloMessages", "true").trim());
  }

  /**
   * Refuses what PemTLS cannot do, naming the flag and why.
   *
   * @throws IllegalArgumentException for an always-on flag cleared, or a refused flag set
   */
  static void check(Options requested) {
    Options on = alwaysOn();
    for (Options flag : List.of(Options.NO_SSLv3, Options.NO_COMPRESSION,
        Options.ENABLE_MIDDLEBOX_COMPAT, Options.NO_RENEGOTIATION, Options.NO_TICKET,
        Options.LEGACY_SERVER_CONNECT)) {
      if (on.contains(flag) && !requested.contains(flag)) {
        throw new IllegalArgumentException(flag + " cannot be cleared: " + why(flag));
      }
    }
    if (requested.contains(Options.LEGACY_SERVER_CONNECT) && !on.contains(
        Options.LEGACY_SERVER_CONNECT)) {
      throw new IllegalArgumentException("OP_LEGACY_SERVER_CONNECT cannot be set: the JVM runs "
          + "with -Dsun.security.ssl.allowLegacyHelloMessages=false, so BCJSSE refuses servers "
          + "without RFC 5746 secure renegotiation");
    }
    if (requested.contains(Options.NO_RENEGOTIATION) && !on.contains(
        Options.NO_RENEGOTIATION)) {
      throw new IllegalArgumentException("OP_NO_RENEGOTIATION cannot be set: the JVM runs with "
          + "-Dorg.bouncycastle.jsse.client.acceptRenegotiation=true, so BCJSSE clients accept a "
          + "server's renegotiation");
    }
    if (requested.contains(Options.IGNORE_UNEXPECTED_EOF)) {
      throw new IllegalArgumentException("OP_IGNORE_UNEXPECTED_EOF cannot be set on the "
          + "context: choose per socket with wrapSocket's suppressRaggedEofs");
    }
  }

  private static String why(Options flag) {
    if (flag.equals(Options.NO_SSLv3)) {
      return "SSL 3.0 is broken and PemTLS never enables it";
    } else if (flag.equals(Options.NO_COMPRESSION)) {
      return "BCJSSE 1.84 never compresses (TLS compression is unsafe, CRIME)";
    } else if (flag.equals(Options.ENABLE_MIDDLEBOX_COMPAT)) {
      return "BCJSSE 1.84's TLS 1.3 client always uses middlebox compatibility mode";
    } else if (flag.equals(Options.NO_RENEGOTIATION)) {
      return "BCJSSE 1.84 servers refuse renegotiation, and its clients do unless the JVM runs "
          + "with -Dorg.bouncycastle.jsse.client.acceptRenegotiation=true";
    } else if (flag.equals(Options.NO_TICKET)) {
      return "BCJSSE 1.84 neither sends nor accepts RFC 5077 session tickets; TLS 1.2 sessions "
          + "resume by session id";
    }
    return "BCJSSE 1.84 connects to servers without RFC 5746 secure renegotiation; run the JVM "
        + "with -Dsun.security.ssl.allowLegacyHelloMessages=false to refuse them";
  }

  /**
   * OpenSSL's {@code ssl_get_min_max_version}: the versions of {@code range} (JSSE names, newest
   * first) that the {@code OP_NO_TLSv1_x} options leave, cut to the lowest run without a gap.
   */
  static List<String> protocols(List<String> range, Options options) {
    List<String> lowestFirst = new ArrayList<>(range);
    java.util.Collections.reverse(lowestFirst);
    List<String> kept = new ArrayList<>();
    for (String v : lowestFirst) {
      if (!options.contains(disabling(v))) {
        kept.add(0, v);
      } else if (!kept.isEmpty()) {
        break; // a hole: OpenSSL disables every version above it
      }
    }
    return kept;
  }

  private static Options disabling(String jsseVersion) {
    switch (jsseVersion) {
      case "TLSv1":
        return Options.NO_TLSv1;
      case "TLSv1.1":
        return Options.NO_TLSv1_1;
      case "TLSv1.2":
        return Options.NO_TLSv1_2;
      case "TLSv1.3":
        return Options.NO_TLSv1_3;
      default:
        throw new IllegalArgumentException("unknown TLS version " + jsseVersion);
    }
  }
}
