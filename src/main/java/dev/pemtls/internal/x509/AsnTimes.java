package dev.pemtls.internal.x509;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;

/** Certificate validity times as OpenSSL prints them, e.g. {@code "May  5 09:37:37 2011 GMT"}. */
final class AsnTimes {
  static final int UTC_TIME = 23;
  static final int GENERALIZED_TIME = 24;

  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  /* Per two-digit field: year-high, year-low, month, day, hour, minute, second, tz-hour, tz-min. */
  private static final int[] MIN = {0, 0, 1, 1, 0, 0, 0, 0, 0};
  private static final int[] MAX = {99, 99, 12, 31, 23, 59, 59, 12, 59};

  private AsnTimes() {}

  /**
   * Mirrors OpenSSL 3.0's {@code ASN1_TIME_print} (RFC 822 flavour) as CPython's
   * {@code _decode_certificate} reads it: {@code "Mon DD HH:MM:SS[.fff] YYYY GMT"} with the day
   * padded by a space, the fraction of a GeneralizedTime copied as written, the time shifted to
   * UTC when it carries a {@code +hhmm}/{@code -hhmm} offset, then " GMT" (also after an offset,
   * as OpenSSL 3.0 does). A value OpenSSL cannot parse prints as {@code "Bad time value"}.
   *
   * @param tag 23 (UTCTime) or 24 (GeneralizedTime)
   * @param text the content octets, as ASCII
   */
  static String print(int tag, String text) {
    LocalDateTime t = parse(tag, text);
    if (t == null) {
      return "Bad time value";
    }
    String fraction = "";
    if (tag == GENERALIZED_TIME && text.length() > 15 && text.charAt(14) == '.') {
      int end = 15;
      while (end < text.length() && isDigit(text.charAt(end))) {
        end++;
      }
      fraction = text.substring(14, end);
    }
    // OpenSSL 3.0 converts an offset time to UTC and then prints " GMT" for every time it parsed.
    return String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d%s %d GMT",
        MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), fraction, t.getYear());
  }

  /** As {@link #print(int, String)}, for a UTCTime or GeneralizedTime element. */
  static String print(ASN1Encodable time) {
    return print(Der.identifier(time),
        new String(Der.content(time), StandardCharsets.ISO_8859_1));
  }

  /** OpenSSL's lenient {@code ossl_asn1_time_to_tm}; null where it fails. */
  private static LocalDateTime parse(int tag, String a) {
    boolean utc = tag == UTC_TIME;
    if (!utc && tag != GENERALIZED_TIME) {
      return null;
    }
    int end = utc ? 6 : 7;
    int btz = utc ? 5 : 6; // the field where seconds may be left out before the zone
    int l = a.length();
    if (l < (utc ? 11 : 13)) {
      return null;
    }
    int[] f = new int[7]; // year-high, year-low, month, day, hour, minute, second
    int o = 0;
    for (int i = 0; i < end; i++) {
      char c = a.charAt(o);
      if (i == btz && (c == 'Z' || c == '+' || c == '-')) {
        break;
      }
      int i2 = utc ? i + 1 : i;
      int n = twoDigits(a, o);
      o += 2;
      if (n < 0 || o >= l || n < MIN[i2] || n > MAX[i2]) {
        return null;
      }
      f[i2] = n;
      if (i2 == 3) {
        int year = utc ? (f[1] < 50 ? 2000 + f[1] : 1900 + f[1]) : f[0] * 100 + f[1];
        int[] mdays = {31, Year.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (n > mdays[f[2] - 1]) {
          return null;
        }
      }
    }
    if (!utc && a.charAt(o) == '.') {
      // Fractional seconds: at least one digit, and the zone must still follow.
      int start = ++o;
      while (o < l && isDigit(a.charAt(o))) {
        o++;
      }
      if (o == start || o == l) {
        return null;
      }
    }
    int year = utc ? (f[1] < 50 ? 2000 + f[1] : 1900 + f[1]) : f[0] * 100 + f[1];
    LocalDateTime t = LocalDateTime.of(year, f[2], f[3], f[4], f[5], f[6]);
    char z = a.charAt(o);
    if (z == 'Z') {
      o++;
    } else if (z == '+' || z == '-') {
      o++;
      if (o + 4 != l) {
        return null;
      }
      int hh = twoDigits(a, o);
      int mm = twoDigits(a, o + 2);
      if (hh < 0 || mm < 0 || hh > MAX[7] || mm > MAX[8]) {
        return null;
      }
      o += 4;
      long offset = hh * 3600L + mm * 60L;
      t = t.plusSeconds(z == '-' ? offset : -offset);
    } else {
      return null;
    }
    return o == l ? t : null;
  }

  private static int twoDigits(String a, int o) {
    if (o + 1 >= a.length() || !isDigit(a.charAt(o)) || !isDigit(a.charAt(o + 1))) {
      return -1;
    }
    return (a.charAt(o) - '0') * 10 + (a.charAt(o + 1) - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
