package dev.pemtls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code ssl.Options}, the {@code SSLContext.options} value: OpenSSL's {@code
 * SSL_OP_*} bits, with OpenSSL 3.0's values. Immutable; combine with {@link #with} and {@link
 * #without} as Python's {@code ctx.options |= OP_X} and {@code ctx.options &= ~OP_X}.
 *
 * <p>What each flag means on PemTLS (BCJSSE 1.84), and so what {@link SslContext#setOptions}
 * accepts:
 *
 * <ul>
 *   <li>{@link #NO_TLSv1}, {@link #NO_TLSv1_1}, {@link #NO_TLSv1_2}, {@link #NO_TLSv1_3}: set or
 *       clear; they take versions out of {@code minimum_version..maximum_version} as OpenSSL
 *       does, keeping the lowest run of versions without a gap (with TLS 1.0 and 1.2 allowed but
 *       not 1.1, only TLS 1.0 is left). {@code minimum_version} and {@code maximum_version} read
 *       back what was set, unchanged, as in Python.
 *   <li>{@link #CIPHER_SERVER_PREFERENCE}: set or clear; set (the default, as Python sets it) a
 *       server picks the first of its own suites that the client offers, cleared the client's
 *       first that the server enables.
 *   <li>{@link #ALL}'s bits (OpenSSL's workarounds for broken peers): set or clear; they change
 *       nothing, BCJSSE has none of those workarounds to turn on or off.
 *   <li>{@link #NO_SSLv2}, {@link #SINGLE_DH_USE}, {@link #SINGLE_ECDH_USE}: 0, as in OpenSSL 3.0
 *       (SSL 2.0 is gone, and every handshake uses fresh (EC)DH keys, in BCJSSE too).
 *   <li>Always on, so set by default and refused when cleared: {@link #NO_SSLv3} (SSL 3.0 is
 *       never enabled), {@link #NO_COMPRESSION} (BCJSSE never compresses), {@link
 *       #ENABLE_MIDDLEBOX_COMPAT} (BCJSSE's TLS 1.3 client always sends a legacy session id and
 *       the change_cipher_spec), {@link #NO_RENEGOTIATION} (a BCJSSE server refuses a client's
 *       renegotiation, and a client a server's, unless the JVM runs with {@code
 *       -Dorg.bouncycastle.jsse.client.acceptRenegotiation=true}: then the flag is off and cannot
 *       be set), {@link #NO_TICKET} (BCJSSE neither sends nor
 *       accepts RFC 5077 session tickets: TLS 1.2 sessions resume by session id only) and {@link
 *       #LEGACY_SERVER_CONNECT} (a BCJSSE client connects to servers without RFC 5746 secure
 *       renegotiation unless the JVM runs with {@code
 *       -Dsun.security.ssl.allowLegacyHelloMessages=false}; with that property the flag is off and
 *       cannot be set). The last three are not in Python's default: PemTLS's default is Python's
 *       with them added, so that the value says what the connections do.
 *   <li>Refused when set: {@link #IGNORE_UNEXPECTED_EOF} (use {@code suppress_ragged_eofs} of
 *       {@code wrapSocket}), and every bit PemTLS does not name.
 * </ul>
 */
public final class Options {
  /** {@code OP_ALL} (0x80000050): OpenSSL's peer-bug workarounds; no effect on PemTLS. */
  public static final Options ALL = new Options(0x80000050L);
  /** {@code OP_NO_SSLv2}: 0 in OpenSSL 3.0. */
  public static final Options NO_SSLv2 = new Options(0);
  /** {@code OP_NO_SSLv3} (0x2000000): always on. */
  public static final Options NO_SSLv3 = new Options(0x2000000L);
  /** {@code OP_NO_TLSv1} (0x4000000). */
  public static final Options NO_TLSv1 = new Options(0x4000000L);
  /** {@code OP_NO_TLSv1_1} (0x10000000). */
  public static final Options NO_TLSv1_1 = new Options(0x10000000L);
  /** {@code OP_NO_TLSv1_2} (0x8000000). */
  public static final Options NO_TLSv1_2 = new Options(0x8000000L);
  /** {@code OP_NO_TLSv1_3} (0x20000000). */
  public static final Options NO_TLSv1_3 = new Options(0x20000000L);
  /** {@code OP_NO_RENEGOTIATION} (0x40000000): always on. */
  public static final Options NO_RENEGOTIATION = new Options(0x40000000L);
  /** {@code OP_CIPHER_SERVER_PREFERENCE} (0x400000): the server's suite order wins. */
  public static final Options CIPHER_SERVER_PREFERENCE = new Options(0x400000L);
  /** {@code OP_NO_TICKET} (0x4000): always on. */
  public static final Options NO_TICKET = new Options(0x4000L);
  /** {@code OP_NO_COMPRESSION} (0x20000): always on. */
  public static final Options NO_COMPRESSION = new Options(0x20000L);
  /** {@code OP_ENABLE_MIDDLEBOX_COMPAT} (0x100000): always on. */
  public static final Options ENABLE_MIDDLEBOX_COMPAT = new Options(0x100000L);
  /** {@code OP_SINGLE_DH_USE}: 0 in OpenSSL 3.0. */
  public static final Options SINGLE_DH_USE = new Options(0);
  /** {@code OP_SINGLE_ECDH_USE}: 0 in OpenSSL 3.0. */
  public static final Options SINGLE_ECDH_USE = new Options(0);
  /**
   * {@code OP_LEGACY_SERVER_CONNECT} (0x4; Python 3.12 names it, 3.11 keeps the bit): on while
   * BCJSSE allows legacy servers.
   */
  public static final Options LEGACY_SERVER_CONNECT = new Options(0x4L);
  /** {@code OP_IGNORE_UNEXPECTED_EOF} (0x80): refused. */
  public static final Options IGNORE_UNEXPECTED_EOF = new Options(0x80L);

  private static final List<Options> NAMED = List.of(ALL, NO_SSLv3, NO_TLSv1, NO_TLSv1_1,
      NO_TLSv1_2, NO_TLSv1_3, NO_RENEGOTIATION, CIPHER_SERVER_PREFERENCE, NO_TICKET,
      NO_COMPRESSION, ENABLE_MIDDLEBOX_COMPAT, LEGACY_SERVER_CONNECT, IGNORE_UNEXPECTED_EOF);
  private static final List<String> NAMES = List.of("OP_ALL", "OP_NO_SSLv3", "OP_NO_TLSv1",
      "OP_NO_TLSv1_1", "OP_NO_TLSv1_2", "OP_NO_TLSv1_3", "OP_NO_RENEGOTIATION",
      "OP_CIPHER_SERVER_PREFERENCE", "OP_NO_TICKET", "OP_NO_COMPRESSION",
      "OP_ENABLE_MIDDLEBOX_COMPAT", "OP_LEGACY_SERVER_CONNECT", "OP_IGNORE_UNEXPECTED_EOF");

  private final long value;

  private Options(long value) {
    this.value = value;
  }

  /**
   * The options with OpenSSL's bit value {@code value}, as Python's {@code Options(value)}.
   *
   * @throws IllegalArgumentException for bits PemTLS does not name (OpenSSL's other options,
   *     such as {@code SSL_OP_ENABLE_KTLS} 0x8, mean nothing here)
   */
  public static Options of(long value) {
    long unknown = value & ~known();
    if (unknown != 0) {
      throw new IllegalArgumentException("options 0x" + Long.toHexString(unknown) + " in 0x"
          + Long.toHexString(value) + " are not supported by PemTLS; use the Options "
          + "constants (" + String.join(", ", NAMES) + ")");
    }
    return new Options(value);
  }

  private static long known() {
    long known = 0;
    for (Options o : NAMED) {
      known |= o.value;
    }
    return known;
  }

  /**
   * The option with Python's name, {@code "OP_NO_TICKET"}, or without the prefix, {@code
   * "NO_TICKET"} (case-insensitive); for the config file's {@code options} key.
   *
   * @throws IllegalArgumentException naming the known names
   */
  public static Options named(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    n = n.startsWith("OP_") ? n : "OP_" + n;
    for (int i = 0; i < NAMES.size(); i++) {
      if (NAMES.get(i).toUpperCase(Locale.ROOT).equals(n)) {
        return NAMED.get(i);
      }
    }
    if (n.equals("OP_NO_SSLV2")) {
      return NO_SSLv2;
    }
    if (n.equals("OP_SINGLE_DH_USE")) {
      return SINGLE_DH_USE;
    }
    if (n.equals("OP_SINGLE_ECDH_USE")) {
      return SINGLE_ECDH_USE;
    }
    throw new IllegalArgumentException("unknown option '" + name + "'; expected one of "
        + String.join(", ", NAMES) + ", OP_NO_SSLv2, OP_SINGLE_DH_USE, OP_SINGLE_ECDH_USE");
  }

  /** These options and {@code other}, as Python's {@code a | b}. */
  public Options with(Options other) {
    return new Options(value | other.value);
  }

  /** These options without {@code other}, as Python's {@code a & ~b}. */
  public Options without(Options other) {
    return new Options(value & ~other.value);
  }

  /**
   * Whether every bit of {@code other} is set, as Python's {@code other in options}. Like
   * Python's, true for the 0-valued options.
   */
  public boolean contains(Options other) {
    return (value & other.value) == other.value;
  }

  /** OpenSSL's bit value, as Python's {@code int(options)}. */
  public long value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Options && ((Options) o).value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  /** Python's names joined by {@code |}, e.g. {@code OP_NO_TICKET|OP_NO_COMPRESSION}. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    long left = value;
    for (int i = 0; i < NAMED.size(); i++) {
      long bits = NAMED.get(i).value;
      if ((left & bits) == bits) {
        names.add(NAMES.get(i));
        left &= ~bits;
      }
    }
    if (left != 0) {
      names.add("0x" + Long.toHexString(left));
    }
    return names.isEmpty() ? "0" : String.join("|", names);
  }
}
