package dev.pemtls.internal.ciphers;

import static dev.pemtls.internal.ciphers.Bits.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The working list of {@code ssl_create_cipher_list}: every collected suite in a doubly linked
 * list (arrays of indices), each active or not; killed suites leave the list. Mirrors
 * {@code ssl_cipher_apply_rule} and {@code ssl_cipher_strength_sort} of OpenSSL 3.0.
 */
final class CipherOrder {
  static final int ADD = 1, KILL = 2, DEL = 3, ORD = 4, BUMP = 6;

  private final CipherSuite[] suites;
  private final int[] next;
  private final int[] prev;
  private final boolean[] active;
  private int head;
  private int tail;

  private CipherOrder(CipherSuite[] suites) {
    int n = suites.length;
    this.suites = suites;
    this.next = new int[n];
    this.prev = new int[n];
    this.active = new boolean[n];
    for (int i = 0; i < n; i++) {
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
    }
    head = n > 0 ? 0 : -1;
    tail = n - 1;
  }

  /**
   * The list after {@code ssl_create_cipher_list}'s built-in preference ordering, everything
   * inactive again, ready for the user's rule string.
   */
  static CipherOrder preferenceOrdered(CipherSuite[] collected) {
    CipherOrder o = new CipherOrder(collected);
    // ECDHE first, ECDSA before RSA; then deactivate while keeping that order.
    o.apply(new CipherAliases.Pattern(K_ECDHE, A_ECDSA, 0, 0, 0, 0, 0), ADD);
    o.apply(new CipherAliases.Pattern(K_ECDHE, 0, 0, 0, 0, 0, 0), ADD);
    o.apply(new CipherAliases.Pattern(K_ECDHE, 0, 0, 0, 0, 0, 0), DEL);
    // Within a strength group GCM before ChaCha20, then the other AES modes.
    o.apply(new CipherAliases.Pattern(0, 0, E_AESGCM, 0, 0, 0, 0), ADD);
    o.apply(new CipherAliases.Pattern(0, 0, E_CHACHA20, 0, 0, 0, 0), ADD);
    o.apply(new CipherAliases.Pattern(0, 0, E_AES ^ E_AESGCM, 0, 0, 0, 0), ADD);
    o.apply(new CipherAliases.Pattern(0, 0, 0, 0, 0, 0, 0), ADD);
    // Demote MD5, anonymous, static RSA, plain PSK and RC4, in that order.
    o.apply(new CipherAliases.Pattern(0, 0, 0, M_MD5, 0, 0, 0), ORD);
    o.apply(new CipherAliases.Pattern(0, A_NULL, 0, 0, 0, 0, 0), ORD);
    o.apply(new CipherAliases.Pattern(K_RSA, 0, 0, 0, 0, 0, 0), ORD);
    o.apply(new CipherAliases.Pattern(K_PSK, 0, 0, 0, 0, 0, 0), ORD);
    o.apply(new CipherAliases.Pattern(0, 0, E_RC4, 0, 0, 0, 0), ORD);
    o.strengthSort();
    // Bumps run in reverse order of preference: (EC)DHE+AEAD > (EC)DHE > AEAD > TLS 1.2 > rest.
    o.apply(new CipherAliases.Pattern(0, 0, 0, 0, TLS1_2, 0, 0), BUMP);
    o.apply(new CipherAliases.Pattern(0, 0, 0, M_AEAD, 0, 0, 0), BUMP);
    o.apply(new CipherAliases.Pattern(K_DHE | K_ECDHE, 0, 0, 0, 0, 0, 0), BUMP);
    o.apply(new CipherAliases.Pattern(K_DHE | K_ECDHE, 0, 0, M_AEAD, 0, 0, 0), BUMP);
    o.apply(new CipherAliases.Pattern(0, 0, 0, 0, 0, 0, 0), DEL);
    return o;
  }

  private boolean matches(CipherSuite c, CipherAliases.Pattern p) {
    if (p.cipherId() != 0 && p.cipherId() != c.id()) {
      return false;
    }
    if (p.mkey() != 0 && (p.mkey() & c.mkeyBits) == 0) {
      return false;
    }
    if (p.auth() != 0 && (p.auth() & c.authBits) == 0) {
      return false;
    }
    if (p.enc() != 0 && (p.enc() & c.encBits) == 0) {
      return false;
    }
    if (p.mac() != 0 && (p.mac() & c.macBits) == 0) {
      return false;
    }
    if (p.minTls() != 0 && p.minTls() != c.minVersion()) {
      return false;
    }
    int s = p.strength();
    if ((s & STRONG_MASK) != 0 && (s & STRONG_MASK & c.strengthFlags) == 0) {
      return false;
    }
    return (s & DEFAULT_MASK) == 0 || (s & DEFAULT_MASK & c.strengthFlags) != 0;
  }

  /** {@code ssl_cipher_apply_rule} with a pattern (strength_bits = -1). */
  void apply(CipherAliases.Pattern p, int rule) {
    applyWhere(rule, i -> matches(suites[i], p));
  }

  private interface Sel {
    boolean test(int i);
  }

  private void applyWhere(int rule, Sel sel) {
    // DEL and BUMP walk backwards so that moving to the head keeps the relative order.
    boolean reverse = rule == DEL || rule == BUMP;
    int curr = -1;
    int nxt = reverse ? tail : head;
    int last = reverse ? head : tail;
    while (curr != last && nxt != -1) {
      curr = nxt;
      nxt = reverse ? prev[curr] : next[curr];
      if (!sel.test(curr)) {
        continue;
      }
      switch (rule) {
        case ADD:
          if (!active[curr]) {
            moveToTail(curr);
            active[curr] = true;
          }
          break;
        case ORD:
          if (active[curr]) {
            moveToTail(curr);
          }
          break;
        case DEL:
          if (active[curr]) {
            moveToHead(curr);
            active[curr] = false;
          }
          break;
        case BUMP:
          if (active[curr]) {
            moveToHead(curr);
          }
          break;
        case KILL:
          unlink(curr);
          active[curr] = false;
          break;
        default:
          throw new IllegalArgumentException("rule " + rule);
      }
    }
  }

  /**
   * {@code ssl_cipher_strength_sort}: for each strength used by an active suite, from the highest
   * down, move the active suites of that strength to the tail ({@code +} by strength bits).
   */
  void strengthSort() {
    int max = 0;
    for (int i = head; i != -1; i = next[i]) {
      if (active[i]) {
        max = Math.max(max, suites[i].strengthBits());
      }
    }
    boolean[] used = new boolean[max + 1];
    for (int i = head; i != -1; i = next[i]) {
      if (active[i]) {
        used[suites[i].strengthBits()] = true;
      }
    }
    for (int bits = max; bits >= 0; bits--) {
      if (used[bits]) {
        final int b = bits;
        applyWhere(ORD, i -> suites[i].strengthBits() == b);
      }
    }
  }

  private void unlink(int i) {
    if (prev[i] != -1) {
      next[prev[i]] = next[i];
    } else if (head == i) {
      head = next[i];
    }
    if (next[i] != -1) {
      prev[next[i]] = prev[i];
    } else if (tail == i) {
      tail = prev[i];
    }
    next[i] = -1;
    prev[i] = -1;
  }

  private void moveToTail(int i) {
    if (i == tail) {
      return;
    }
    unlink(i);
    prev[i] = tail;
    next[i] = -1;
    if (tail != -1) {
      next[tail] = i;
    }
    tail = i;
    if (head == -1) {
      head = i;
    }
  }

  private void moveToHead(int i) {
    if (i == head) {
      return;
    }
    unlink(i);
    next[i] = head;
    prev[i] = -1;
    if (head != -1) {
      prev[head] = i;
    }
    head = i;
    if (tail == -1) {
      tail = i;
    }
  }

  /** The active suites, head to tail. */
  List<CipherSuite> activeSuites() {
    List<CipherSuite> out = new ArrayList<>();
    for (int i = head; i != -1; i = next[i]) {
      if (active[i]) {
        out.add(suites[i]);
      }
    }
    return out;
  }

  /** A copy, so that the preference-ordered list can be computed once and reused. */
  CipherOrder copy() {
    CipherOrder c = new CipherOrder(suites);
    System.arraycopy(next, 0, c.next, 0, next.length);
    System.arraycopy(prev, 0, c.prev, 0, prev.length);
    System.arraycopy(active, 0, c.active, 0, active.length);
    c.head = head;
    c.tail = tail;
    return c;
  }
}
