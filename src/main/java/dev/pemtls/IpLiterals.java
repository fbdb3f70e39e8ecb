package dev.pemtls;

import dev.pemtls.internal.trust.InetPton;

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
    byte[] v6 = InetPton.v6(ipname);
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

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
