package dev.pemtls.internal.trust;

/**
 * glibc's {@code inet_pton}: IP literals as byte strings of their own length. An IPv4-mapped
 * IPv6 address ({@code ::ffff:127.0.0.1}) stays 16 bytes, unlike {@code InetAddress}, which
 * folds it to 4 and so would let it match an IPv4 address; OpenSSL compares the bytes as they
 * are, and so does PemTLS.
 */
public final class InetPton {
  private InetPton() {}

  /** glibc's inet_pton6, with inet_pton4 for a trailing dotted quad; null if refused. */
  public static byte[] v6(String s) {
    byte[] tmp = new byte[16];
    int tp = 0;
    int colonp = -1;
    int src = 0;
    int n = s.length();
    if (n == 0) {
      return null;
    }
    if (s.charAt(0) == ':') {
      src++;
      if (src == n || s.charAt(src) != ':') {
        return null;
      }
    }
    int curtok = src;
    int xdigits = 0;
    int val = 0;
    while (src < n) {
      char ch = s.charAt(src++);
      int digit = ch < 0x80 ? Character.digit(ch, 16) : -1;
      if (digit >= 0) {
        if (xdigits == 4) {
          return null;
        }
        val = (val << 4) | digit;
        xdigits++;
        continue;
      }
      if (ch == ':') {
        curtok = src;
        if (xdigits == 0) {
          if (colonp >= 0) {
            return null;
          }
          colonp = tp;
          continue;
        } else if (src == n) {
          return null;
        }
        if (tp + 2 > 16) {
          return null;
        }
        tmp[tp++] = (byte) (val >> 8);
        tmp[tp++] = (byte) val;
        xdigits = 0;
        val = 0;
        continue;
      }
      if (ch == '.' && tp + 4 <= 16 && v4(s.substring(curtok), tmp, tp)) {
        tp += 4;
        xdigits = 0;
        break;
      }
      return null;
    }
    if (xdigits > 0) {
      if (tp + 2 > 16) {
        return null;
      }
      tmp[tp++] = (byte) (val >> 8);
      tmp[tp++] = (byte) val;
    }
    if (colonp >= 0) {
      if (tp == 16) {
        return null; // "::" would stand for no group at all
      }
      int moved = tp - colonp;
      byte[] out = new byte[16];
      System.arraycopy(tmp, 0, out, 0, colonp);
      System.arraycopy(tmp, colonp, out, 16 - moved, moved);
      return out;
    }
    return tp == 16 ? tmp : null;
  }

  private static boolean v4(String s, byte[] dst, int at) {
    int[] tmp = new int[4];
    int t = 0;
    int octets = 0;
    boolean sawDigit = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        int next = tmp[t] * 10 + (ch - '0');
        if ((sawDigit && tmp[t] == 0) || next > 255) {
          return false;
        }
        tmp[t] = next;
        if (!sawDigit) {
          if (++octets > 4) {
            return false;
          }
          sawDigit = true;
        }
      } else if (ch == '.' && sawDigit) {
        if (octets == 4) {
          return false;
        }
        t++;
        sawDigit = false;
      } else {
        return false;
      }
    }
    if (octets < 4) {
      return false;
    }
    for (int k = 0; k < 4; k++) {
      dst[at + k] = (byte) tmp[k];
    }
    return true;
  }
}
