package dev.pemtls;

/**
 * Python's {@code ssl._inet_paton} (3.7.4+ and 3.8+): a host name is an IPv4 address only in
 * canonical dotted-quad form ({@code inet_aton} accepts it and {@code inet_ntoa} gives it back),
 * otherwise an IPv6 address as glibc's {@code inet_pton(AF_INET6)} parses it. Java's {@code
 * InetAddress} is not used: it resolves names and folds IPv4-mapped addresses to IPv4.
 */
final class IpLiterals {
  private IpLiterals() {}

  /** The packed address (4 or 16 bytes), or IllegalArgumentException with Python's message. */
  static byte[] paton(String ipname) {
    if (ipname.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("embedded null character"); // from inet_aton's str arg
    }
    byte[] v4 = inetAton(ipname);
    if (v4 != null) {
      if (ntoa(v4).equals(ipname)) {
        return v4;
      }
      throw new IllegalArgumentException(PyStrings.repr(ipname)
          + " is not a quad-dotted IPv4 address.");
    }
    byte[] v6 = inetPton6(ipname);
    if (v6 == null) {
      throw new IllegalArgumentException(PyStrings.repr(ipname)
          + " is neither an IPv4 nor an IP6 address.");
    }
    return v6;
  }

  private static String ntoa(byte[] a) {
    return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
  }

  /** glibc's inet_aton: 1 to 4 parts, each C-style decimal, 0octal or 0xhex; null if refused. */
  static byte[] inetAton(String s) {
    long[] max = {0xffffffffL, 0xffffffL, 0xffffL, 0xffL};
    byte[] res = new byte[4];
    int parts = 0;
    int i = 0;
    long val;
    while (true) {
      if (i >= s.length() || !isAsciiDigit(s.charAt(i))) {
        return null;
      }
      // strtoul(cp, &end, 0)
      int base = 10;
      int j = i;
      if (s.charAt(j) == '0') {
        base = 8;
        if (j + 2 < s.length() + 0 && (s.charAt(j + 1) == 'x' || s.charAt(j + 1) == 'X')
            && Character.digit(s.charAt(j + 2), 16) >= 0 && s.charAt(j + 2) < 0x80) {
          base = 16;
          j += 2;
        }
      }
      val = 0;
      while (j < s.length() && s.charAt(j) < 0x80 && Character.digit(s.charAt(j), base) >= 0) {
        val = val * base + Character.digit(s.charAt(j), base);
        if (val > 0xffffffffL) {
          return null;
        }
        j++;
      }
      i = j;
      if (i < s.length() && s.charAt(i) == '.') {
        if (parts > 2 || val > 0xff) {
          return null;
        }
        res[parts++] = (byte) val;
        i++;
      } else {
        break;
      }
    }
    if (i < s.length() && !isCSpace(s.charAt(i))) {
      return null; // trailing characters; glibc ignores anything after white space
    }
    if (val > max[parts]) {
      return null;
    }
    for (int k = 3; k >= parts; k--) {
      res[k] = (byte) (val >>> (8 * (3 - k)));
    }
    return res;
  }

  /** glibc's inet_pton6, with inet_pton4 for a trailing dotted quad; null if refused. */
  static byte[] inetPton6(String s) {
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
      if (ch == '.' && tp + 4 <= 16 && inetPton4(s.substring(curtok), tmp, tp)) {
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

  private static boolean inetPton4(String s, byte[] dst, int at) {
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

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
