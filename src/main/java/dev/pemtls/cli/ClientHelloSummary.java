package dev.pemtls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client's offer, read from its ClientHello, as openssl s_server's summaries print it: the
 * {@code signature_algorithms} extension ("Signature Algorithms: ECDSA+SHA256:ed25519:
 * rsa_pss_pss_sha256:RSA-PSS+SHA256:...") and {@code supported_groups} ("Supported groups:
 * x25519:secp256r1:..."). A pure function of the message.
 *
 * <p>Names follow openssl 3.0's apps: a known scheme is SIG+HASH (ECDSA, RSA-PSS, RSA, DSA),
 * except ed25519, ed448 and rsa_pss_pss_*, which print by name; an unknown one prints as
 * openssl prints it, its two bytes low first ({@code 0x1A+0x08}). An unknown group prints as
 * {@code 0xHHHH} (openssl itself prints "(null)" there).
 */
final class ClientHelloSummary {
  private static final int SIGNATURE_ALGORITHMS = 13;
  private static final int SUPPORTED_GROUPS = 10;

  private static final Map<Integer, String> SCHEMES = Map.ofEntries(
      Map.entry(0x0403, "ECDSA+SHA256"), Map.entry(0x0503, "ECDSA+SHA384"),
      Map.entry(0x0603, "ECDSA+SHA512"), Map.entry(0x0807, "ed25519"),
      Map.entry(0x0808, "ed448"), Map.entry(0x0303, "ECDSA+SHA224"),
      Map.entry(0x0203, "ECDSA+SHA1"), Map.entry(0x0804, "RSA-PSS+SHA256"),
      Map.entry(0x0805, "RSA-PSS+SHA384"), Map.entry(0x0806, "RSA-PSS+SHA512"),
      Map.entry(0x0809, "rsa_pss_pss_sha256"), Map.entry(0x080a, "rsa_pss_pss_sha384"),
      Map.entry(0x080b, "rsa_pss_pss_sha512"), Map.entry(0x0401, "RSA+SHA256"),
      Map.entry(0x0501, "RSA+SHA384"), Map.entry(0x0601, "RSA+SHA512"),
      Map.entry(0x0301, "RSA+SHA224"), Map.entry(0x0201, "RSA+SHA1"),
      Map.entry(0x0402, "DSA+SHA256"), Map.entry(0x0502, "DSA+SHA384"),
      Map.entry(0x0602, "DSA+SHA512"), Map.entry(0x0302, "DSA+SHA224"),
      Map.entry(0x0202, "DSA+SHA1"));
  private static final Map<Integer, String> GROUPS = Map.ofEntries(
      Map.entry(0x0013, "secp192r1"), Map.entry(0x0015, "secp224r1"),
      Map.entry(0x0017, "secp256r1"), Map.entry(0x0018, "secp384r1"),
      Map.entry(0x0019, "secp521r1"), Map.entry(0x001a, "brainpoolP256r1"),
      Map.entry(0x001b, "brainpoolP384r1"), Map.entry(0x001c, "brainpoolP512r1"),
      Map.entry(0x001d, "x25519"), Map.entry(0x001e, "x448"),
      Map.entry(0x0100, "ffdhe2048"), Map.entry(0x0101, "ffdhe3072"),
      Map.entry(0x0102, "ffdhe4096"), Map.entry(0x0103, "ffdhe6144"),
      Map.entry(0x0104, "ffdhe8192"));

  private ClientHelloSummary() {}

  /** "Signature Algorithms: ..." for {@code hello}, or null when it offers none (or is null). */
  static String signatureAlgorithms(byte[] hello) {
    List<Integer> codes = extensionList(hello, SIGNATURE_ALGORITHMS);
    if (codes == null || codes.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int c : codes) {
      names.add(SCHEMES.getOrDefault(c, String.format("0x%02X+0x%02X", c & 0xff, c >> 8)));
    }
    return "Signature Algorithms: " + String.join(":", names);
  }

  /** "Supported groups: ..." for {@code hello}, or null when it offers none (or is null). */
  static String supportedGroups(byte[] hello) {
    List<Integer> codes = extensionList(hello, SUPPORTED_GROUPS);
    if (codes == null || codes.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int c : codes) {
      names.add(GROUPS.getOrDefault(c, String.format("0x%04X", c)));
    }
    return "Supported groups: " + String.join(":", names);
  }

  /**
   * The 16-bit values of extension {@code type}, whose body is a 2-byte length and the values;
   * null when the message (already checked by the server) has no such extension or is cut short.
   */
  private static List<Integer> extensionList(byte[] m, int type) {
    if (m == null) {
      return null;
    }
    int p = 4 + 2 + 32; // handshake header, legacy_version, random
    try {
      p += 1 + u8(m, p); // legacy_session_id
      p += 2 + u16(m, p); // cipher_suites
      p += 1 + u8(m, p); // legacy_compression_methods
      int end = p + 2 + u16(m, p);
      p += 2;
      while (p + 4 <= end) {
        int t = u16(m, p);
        int length = u16(m, p + 2);
        p += 4;
        if (t == type) {
          int listEnd = p + 2 + u16(m, p);
          List<Integer> out = new ArrayList<>();
          for (int q = p + 2; q + 2 <= listEnd && q + 2 <= p + length; q += 2) {
            out.add(u16(m, q));
          }
          return out;
        }
        p += length;
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      return null;
    }
    return null;
  }

  private static int u8(byte[] m, int p) {
    return m[p] & 0xff;
  }

  private static int u16(byte[] m, int p) {
    return (m[p] & 0xff) << 8 | m[p + 1] & 0xff;
  }
}
