package dev.pemtls.internal.jsse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a complete ClientHello message (handshake header included) against the syntax of RFC
 * 8446 section 4.1.2 and of the extensions PemTLS's server reads, the way OpenSSL's server does,
 * and names the alert a server must send when it does not parse: {@code decode_error} (50) for a
 * length out of range or past its container (RFC 8446 section 6), {@code illegal_parameter} (47)
 * for a duplicated extension. BCJSSE closes without an alert for most of these, so the server
 * side sends the alert itself from this verdict before BCJSSE sees the message.
 *
 * <p>A pure function of its input, never throwing: unknown extensions are only delimited.
 */
final class ClientHelloParser {
  static final int DECODE_ERROR = 50;
  static final int ILLEGAL_PARAMETER = 47;

  /**
   * The verdict.
   *
   * @param alert 0 when the message parses, else the alert description to send
   * @param problem what is wrong, for the error message; null when nothing is
   * @param suites the offered cipher suite codes in order; null unless they parsed
   * @param sessionId the legacy_session_id offered (empty for none); null unless it parsed
   */
  record Verdict(int alert, String problem, List<Integer> suites, byte[] sessionId) {
    boolean ok() {
      return alert == 0;
    }
  }

  private ClientHelloParser() {}

  static Verdict check(byte[] m) {
    Reader r = new Reader(m, 0, m.length);
    if (r.remaining() < 4 || r.u8() != 1 || r.u24() != r.remaining()) {
      return fail(DECODE_ERROR, "not one whole ClientHello message");
    }
    if (!r.skip(2 + 32)) {
      return fail(DECODE_ERROR, "the message ends inside version or random");
    }
    int sid = r.u8();
    int sidStart = r.pos;
    if (sid < 0 || sid > 32 || !r.skip(sid)) {
      return fail(DECODE_ERROR, "legacy_session_id longer than 32 bytes or than the message");
    }
    byte[] sessionId = java.util.Arrays.copyOfRange(m, sidStart, sidStart + sid);
    int suitesLen = r.u16();
    if (suitesLen < 2 || suitesLen % 2 != 0 || suitesLen > r.remaining()) {
      return fail(DECODE_ERROR, "cipher_suites length " + suitesLen + " is empty, odd or past "
          + "the message");
    }
    List<Integer> suites = new ArrayList<>(suitesLen / 2);
    for (int i = 0; i < suitesLen / 2; i++) {
      suites.add(r.u16());
    }
    int comp = r.u8();
    if (comp < 1 || !r.skip(comp)) {
      return fail(DECODE_ERROR, "legacy_compression_methods empty or past the message");
    }
    if (r.remaining() == 0) {
      return new Verdict(0, null, List.copyOf(suites), sessionId); // no extensions: legal before TLS 1.3
    }
    int extLen = r.u16();
    if (extLen != r.remaining()) {
      return fail(DECODE_ERROR, "the extensions block says " + extLen + " bytes but "
          + Math.max(r.remaining(), 0) + " follow");
    }
    Set<Integer> seen = new HashSet<>();
    while (r.remaining() > 0) {
      int type = r.u16();
      int len = r.u16();
      if (len < 0 || len > r.remaining()) {
        return fail(DECODE_ERROR, "extension " + type + " runs past the extensions block");
      }
      if (!seen.add(type)) {
        return fail(ILLEGAL_PARAMETER, "extension " + type + " appears twice");
      }
      String bad = extension(type, new Reader(m, r.pos, r.pos + len));
      if (bad != null) {
        return fail(DECODE_ERROR, bad);
      }
      r.skip(len);
    }
    return new Verdict(0, null, List.copyOf(suites), sessionId);
  }

  /** The syntax of the extensions a server acts on; null when well formed. */
  private static String extension(int type, Reader e) {
    switch (type) {
      case 0: // server_name: ServerNameList <1..2^16-1> of (type, HostName <1..2^16-1>)
        return list16(e, "server_name", 1, x -> x.u8() >= 0 && vector16(x, 1));
      case 10: // supported_groups: NamedGroup <2..2^16-1>
      case 13: // signature_algorithms: SignatureScheme <2..2^16-2>
      case 50: // signature_algorithms_cert
        return evenList16(e, type == 10 ? "supported_groups" : type == 13
            ? "signature_algorithms" : "signature_algorithms_cert");
      case 11: // ec_point_formats <1..2^8-1>
        return list8(e, "ec_point_formats", 1, 1);
      case 16: // ALPN: ProtocolNameList <2..2^16-1> of ProtocolName <1..2^8-1>
        return list16(e, "application_layer_protocol_negotiation", 2, x -> vector8(x, 1));
      case 43: // supported_versions (ClientHello): ProtocolVersion <2..254>
        return list8(e, "supported_versions", 2, 2);
      case 45: // psk_key_exchange_modes <1..255>
        return list8(e, "psk_key_exchange_modes", 1, 1);
      case 51: // key_share: KeyShareEntry <0..2^16-1> of (group, key_exchange <1..2^16-1>)
        return list16(e, "key_share", 0, x -> x.u16() >= 0 && vector16(x, 1));
      case 0xff01: // renegotiation_info: renegotiated_connection <0..255>, nothing after
        return vector8(e, 0) && e.remaining() == 0 ? null
            : "renegotiation_info is not one vector";
      default:
        return null;
    }
  }

  private interface Item {
    boolean read(Reader r);
  }

  private static String list16(Reader e, String name, int min, Item item) {
    int len = e.u16();
    if (len < min || len != e.remaining()) {
      return name + " list length does not match its extension";
    }
    while (e.remaining() > 0) {
      if (!item.read(e) || e.remaining() < 0) {
        return name + " entry runs past its list";
      }
    }
    return null;
  }

  private static String evenList16(Reader e, String name) {
    int len = e.u16();
    return len < 2 || len % 2 != 0 || len != e.remaining()
        ? name + " list is empty, odd or does not match its extension" : null;
  }

  private static String list8(Reader e, String name, int min, int unit) {
    int len = e.u8();
    return len < min || len % unit != 0 || len != e.remaining()
        ? name + " list is empty, odd or does not match its extension" : null;
  }

  private static boolean vector8(Reader r, int min) {
    int len = r.u8();
    return len >= min && r.skip(len);
  }

  private static boolean vector16(Reader r, int min) {
    int len = r.u16();
    return len >= min && r.skip(len);
  }

  private static Verdict fail(int alert, String problem) {
    return new Verdict(alert, problem, null, null);
  }

  /** Big-endian reads within [pos, end); past the end they return -1 and poison remaining(). */
  private static final class Reader {
    private final byte[] b;
    private final int end;
    int pos;

    Reader(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    int remaining() {
      return end - pos;
    }

    boolean skip(int n) {
      if (n < 0 || n > end - pos) {
        pos = end + 1;
        return false;
      }
      pos += n;
      return true;
    }

    int u8() {
      if (pos + 1 > end) {
        pos = end + 1;
        return -1;
      }
      return b[pos++] & 0xff;
    }

    int u16() {
      if (pos + 2 > end) {
        pos = end + 1;
        return -1;
      }
      int v = (b[pos] & 0xff) << 8 | (b[pos + 1] & 0xff);
      pos += 2;
      return v;
    }

    int u24() {
      if (pos + 3 > end) {
        pos = end + 1;
        return -1;
      }
      int v = (b[pos] & 0xff) << 16 | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff);
      pos += 3;
      return v;
    }
  }
}
