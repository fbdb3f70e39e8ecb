package dev.pemtls;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code ssl.VerifyFlags}, the {@code SSLContext.verify_flags} value: OpenSSL's {@code
 * X509_V_FLAG_*} bits that change how a peer's chain is verified. Immutable; combine with {@link
 * #with} as Python combines with {@code |}.
 *
 * <p>A new context's flags are {@link #X509_TRUSTED_FIRST}, as in Python 3.11 with OpenSSL 3.0
 * (PemTLS always prefers trusted issuers while building a chain, with or without it).
 *
 * <ul>
 *   <li>{@link #CRL_CHECK_LEAF}: the peer's certificate must be covered by a CRL from its issuer
 *       (loaded from a cafile or a {@code <hash>.r<n>} file of a capath): verify code 3 "unable
 *       to get certificate CRL" when none is found, 23 "certificate revoked", 12 "CRL has
 *       expired".
 *   <li>{@link #CRL_CHECK_CHAIN}: the same for every certificate of the chain.
 *   <li>{@link #X509_STRICT}: RFC 5280 checks OpenSSL only makes in strict mode (codes 80 to
 *       94).
 *   <li>{@link #X509_PARTIAL_CHAIN}: a trusted certificate ends the chain even when it is not
 *       self-signed (an intermediate in the cafile becomes a trust anchor).
 * </ul>
 */
public final class VerifyFlags {
  /** {@code VERIFY_DEFAULT}: no flag. */
  public static final VerifyFlags DEFAULT = new VerifyFlags(0);
  /** {@code VERIFY_CRL_CHECK_LEAF} ({@code X509_V_FLAG_CRL_CHECK}, 0x4). */
  public static final VerifyFlags CRL_CHECK_LEAF = new VerifyFlags(0x4);
  /** {@code VERIFY_CRL_CHECK_CHAIN} ({@code X509_V_FLAG_CRL_CHECK | _CRL_CHECK_ALL}, 0xc). */
  public static final VerifyFlags CRL_CHECK_CHAIN = new VerifyFlags(0xc);
  /** {@code VERIFY_X509_STRICT} ({@code X509_V_FLAG_X509_STRICT}, 0x20). */
  public static final VerifyFlags X509_STRICT = new VerifyFlags(0x20);
  /** {@code VERIFY_ALLOW_PROXY_CERTS} (0x40); accepted and kept, PemTLS has no proxy certs. */
  public static final VerifyFlags ALLOW_PROXY_CERTS = new VerifyFlags(0x40);
  /** {@code VERIFY_X509_TRUSTED_FIRST} ({@code X509_V_FLAG_TRUSTED_FIRST}, 0x8000). */
  public static final VerifyFlags X509_TRUSTED_FIRST = new VerifyFlags(0x8000);
  /** {@code VERIFY_X509_PARTIAL_CHAIN} ({@code X509_V_FLAG_PARTIAL_CHAIN}, 0x80000). */
  public static final VerifyFlags X509_PARTIAL_CHAIN = new VerifyFlags(0x80000);

  private static final List<VerifyFlags> NAMED = List.of(CRL_CHECK_CHAIN, CRL_CHECK_LEAF,
      X509_STRICT, ALLOW_PROXY_CERTS, X509_TRUSTED_FIRST, X509_PARTIAL_CHAIN);
  private static final String[] NAMES = {"VERIFY_CRL_CHECK_CHAIN", "VERIFY_CRL_CHECK_LEAF",
      "VERIFY_X509_STRICT", "VERIFY_ALLOW_PROXY_CERTS", "VERIFY_X509_TRUSTED_FIRST",
      "VERIFY_X509_PARTIAL_CHAIN"};

  private final int value;

  private VerifyFlags(int value) {
    this.value = value;
  }

  /**
   * The flags with OpenSSL's bit value {@code value}, as Python's {@code VerifyFlags(value)}.
   *
   * @throws IllegalArgumentException for bits Python does not name
   */
  public static VerifyFlags of(int value) {
    int known = 0;
    for (VerifyFlags f : NAMED) {
      known |= f.value;
    }
    if ((value & ~known) != 0) {
      throw new IllegalArgumentException("unknown verify flag bits 0x"
          + Integer.toHexString(value & ~known) + " in 0x" + Integer.toHexString(value)
          + "; use the VerifyFlags constants");
    }
    return new VerifyFlags(value);
  }

  /** These flags and {@code other}, as Python's {@code a | b}. */
  public VerifyFlags with(VerifyFlags other) {
    return new VerifyFlags(value | other.value);
  }

  /** These flags without {@code other}, as Python's {@code a & ~b}. */
  public VerifyFlags without(VerifyFlags other) {
    return new VerifyFlags(value & ~other.value);
  }

  /** Whether every bit of {@code other} is set, as Python's {@code other in flags}. */
  public boolean contains(VerifyFlags other) {
    return (value & other.value) == other.value;
  }

  /** OpenSSL's bit value, as Python's {@code int(flags)}. */
  public int value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifyFlags && ((VerifyFlags) o).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  /** Python's names joined by {@code |}, e.g. {@code VERIFY_CRL_CHECK_CHAIN|VERIFY_X509_STRICT}. */
  @Override
  public String toString() {
    if (value == 0) {
      return "VERIFY_DEFAULT";
    }
    List<String> names = new ArrayList<>();
    int left = value;
    for (int i = 0; i < NAMED.size(); i++) {
      int bits = NAMED.get(i).value;
      if ((left & bits) == bits) {
        names.add(NAMES[i]);
        left &= ~bits;
      }
    }
    return String.join("|", names);
  }
}
