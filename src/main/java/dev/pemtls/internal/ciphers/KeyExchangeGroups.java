package dev.pemtls.internal.ciphers;

import dev.pemtls.SslError;
import dev.pemtls.internal.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key-exchange groups (ECDHE curves and finite-field DH groups) a connection offers and
 * accepts, as OpenSSL 3.0 has them: its default list and order, the names {@code -groups} and
 * {@code SSL_CTX_set1_groups_list} accept, the curve names of Python's {@code set_ecdh_curve},
 * and the security level's filter (each group counts the bits OpenSSL gives it: X25519 and P-256
 * 128, X448 224, P-384 192, P-521 256, ffdhe2048 112 up to ffdhe8192 192).
 *
 * <p>Groups are held by their TLS names ({@code x25519}, {@code secp256r1}, {@code ffdhe2048}),
 * which are also BCJSSE's. The post-quantum hybrids of ML-KEM with X25519 or a NIST curve
 * ({@code X25519MLKEM768}, {@code SecP256r1MLKEM768}, {@code SecP384r1MLKEM1024}, OpenSSL 3.5's
 * names and BCJSSE's) can be named but are never in the default list: OpenSSL 3.0 has none.
 * They count the bits of their ML-KEM part (NIST category 3: 192; category 5: 256) and run on
 * BouncyCastle's lightweight ML-KEM code, without its JCA provider.
 */
public final class KeyExchangeGroups {
  /** A group: its TLS name, the other names OpenSSL accepts for it, and its security bits. */
  private record Group(String name, List<String> aliases, int bits) {}

  /** OpenSSL 3.0's default groups, in its order (ssl/t1_lib.c {@code supported_groups_default}). */
  private static final List<Group> GROUPS = List.of(
      new Group("x25519", List.of("X25519"), 128),
      new Group("secp256r1", List.of("P-256", "prime256v1"), 128),
      new Group("x448", List.of("X448"), 224),
      new Group("secp521r1", List.of("P-521"), 256),
      new Group("secp384r1", List.of("P-384"), 192),
      new Group("ffdhe2048", List.of(), 112),
      new Group("ffdhe3072", List.of(), 128),
      new Group("ffdhe4096", List.of(), 152),
      new Group("ffdhe6144", List.of(), 176),
      new Group("ffdhe8192", List.of(), 192));

  /** Groups that can be named but are not in OpenSSL 3.0's default list. */
  private static final List<Group> HYBRIDS = List.of(
      new Group("X25519MLKEM768", List.of(), 192),
      new Group("SecP256r1MLKEM768", List.of(), 192),
      new Group("SecP384r1MLKEM1024", List.of(), 256));

  /** The curve names Python's {@code set_ecdh_curve} takes (OpenSSL short names) that PemTLS has. */
  private static final List<String> CURVE_NAMES = List.of("prime256v1", "secp384r1", "secp521r1",
      "X25519", "X448");

  private KeyExchangeGroups() {}

  /**
   * The groups a connection offers: {@code configured} (TLS names; null for OpenSSL's default
   * list) less those below {@code securityLevel}, in their order. Empty when the level leaves
   * none: handshakes that need a key exchange then fail, as OpenSSL's do.
   */
  public static List<String> forLevel(List<String> configured, int securityLevel) {
    int min = SecurityFilter.minimumBits(securityLevel);
    List<String> out = new ArrayList<>();
    for (String name : configured == null ? defaultNames() : configured) {
      if (group(name).bits >= min) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /**
   * OpenSSL's group list syntax ({@code -groups}, {@code SSL_CTX_set1_groups_list}): names
   * separated by colons, each a TLS name ({@code x25519}, {@code secp256r1}, {@code ffdhe2048})
   * or an alias OpenSSL accepts ({@code X25519}, {@code P-256}, {@code prime256v1}); names are
   * case-sensitive, as OpenSSL's are. A group named twice counts once.
   *
   * @return the TLS names, in the list's order
   * @throws SslError {@code PASSED_INVALID_ARGUMENT} for an empty list or a name PemTLS does not
   *     offer, naming it and the names it knows
   */
  public static List<String> parseList(String list) throws SslError {
    if (list == null || list.isEmpty()) {
      throw Reason.SSL_PASSED_INVALID_ARGUMENT.error("the group list is empty; name at least "
          + "one of " + String.join(", ", defaultNames()));
    }
    Set<String> out = new LinkedHashSet<>();
    for (String name : list.split(":", -1)) {
      String known = canonical(name);
      if (known == null) {
        throw Reason.SSL_PASSED_INVALID_ARGUMENT.error("group '" + name + "' cannot be set: "
            + "PemTLS's groups are " + String.join(", ", defaultNames()) + " (also X25519, X448, "
            + "P-256, P-384, P-521, prime256v1) and the hybrids " + String.join(", ",
            names(HYBRIDS)));
      }
      out.add(known);
    }
    return List.copyOf(out);
  }

  /**
   * Python's {@code set_ecdh_curve(name)}: the one curve, by OpenSSL's short name ({@code
   * prime256v1}, {@code secp384r1}, {@code secp521r1}, {@code X25519}, {@code X448}).
   *
   * @return the curve's TLS name
   * @throws IllegalArgumentException Python's {@code ValueError}: "unknown elliptic curve name"
   *     for any other name (also for curves OpenSSL knows and PemTLS does not offer, such as
   *     secp256k1 or the brainpool curves)
   */
  public static String ecdhCurve(String name) {
    if (!CURVE_NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown elliptic curve name '" + name + "'; PemTLS "
          + "offers " + String.join(", ", CURVE_NAMES));
    }
    return canonical(name);
  }

  /**
   * The group of the curve an ECDSA key is on, for the three curves TLS 1.3 signs with
   * ({@code secp256r1}, {@code secp384r1}, {@code secp521r1}); null for other keys.
   */
  public static String ecdsaCurve(java.security.PublicKey key) {
    if (!(key instanceof java.security.interfaces.ECPublicKey ec)) {
      return null;
    }
    switch (ec.getParams().getCurve().getField().getFieldSize()) {
      case 256:
        return "secp256r1";
      case 384:
        return "secp384r1";
      case 521:
        return "secp521r1";
      default:
        return null;
    }
  }

  private static String canonical(String name) {
    for (Group g : all()) {
      if (g.name.equals(name) || g.aliases.contains(name)) {
        return g.name;
      }
    }
    return null;
  }

  private static Group group(String name) {
    for (Group g : all()) {
      if (g.name.equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("not a TLS group name: " + name);
  }

  private static List<String> defaultNames() {
    return names(GROUPS);
  }

  private static List<String> names(List<Group> groups) {
    List<String> names = new ArrayList<>();
    for (Group g : groups) {
      names.add(g.name);
    }
    return names;
  }

  private static List<Group> all() {
    List<Group> all = new ArrayList<>(GROUPS);
    all.addAll(HYBRIDS);
    return all;
  }
}
