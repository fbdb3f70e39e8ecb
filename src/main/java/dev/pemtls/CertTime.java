package dev.pemtls;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code ssl.cert_time_to_seconds}: the month by its English abbreviation (any case),
 * then {@code time.strptime(rest, ' %d %H:%M:%S %Y GMT')} with the regular expression CPython's
 * {@code _strptime} builds for that format, then {@code calendar.timegm}.
 */
final class CertTime {
  private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
  private static final String FORMAT = " %d %H:%M:%S %Y GMT";
  // Python's \s (str.isspace) and \d (Unicode Nd) for str patterns.
  private static final String S = "[\\t\\n\\u000b\\f\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680"
      + "\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
  private static final String D = "\\p{Nd}";
  // _strptime's TimeRE for FORMAT, compiled with re.IGNORECASE.
  private static final Pattern REGEX = Pattern.compile(S
      + "(?<d>3[01]|[12]" + D + "|0[1-9]|[1-9]| [1-9])" + S
      + "(?<H>2[0-3]|[0-1]" + D + "|" + D + "):"
      + "(?<M>[0-5]" + D + "|" + D + "):"
      + "(?<S>6[0-1]|[0-5]" + D + "|" + D + ")" + S
      + "(?<Y>" + D + D + D + D + ")" + S + "GMT",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private CertTime() {}

  static long toSeconds(String certTime) {
    int month = MONTHS.indexOf(PyStrings.title(PyStrings.head(certTime, 3))) + 1;
    if (month == 0) {
      throw new IllegalArgumentException("time data " + PyStrings.repr(certTime)
          + " does not match format \"%b" + FORMAT + "\"");
    }
    String rest = PyStrings.tail(certTime, 3);
    Matcher m = REGEX.matcher(rest);
    if (!m.lookingAt()) {
      throw new IllegalArgumentException("time data " + PyStrings.repr(rest)
          + " does not match format " + PyStrings.repr(FORMAT));
    }
    if (m.end() != rest.length()) {
      throw new IllegalArgumentException("unconverted data remains: " + rest.substring(m.end()));
    }
    int year = number(m.group("Y"));
    if (year == 0) {
      // _strptime builds datetime.date(year, 1, day) to find the weekday
      throw new IllegalArgumentException("year 0 is out of range");
    }
    long days = LocalDate.of(year, month, 1).toEpochDay() + number(m.group("d")) - 1;
    return ((days * 24 + number(m.group("H"))) * 60 + number(m.group("M"))) * 60
        + number(m.group("S"));
  }

  /** Python's {@code int()} of a group of Unicode decimal digits (and %d's leading space). */
  private static int number(String digits) {
    int n = 0;
    for (int i = 0; i < digits.length(); ) {
      int c = digits.codePointAt(i);
      i += Character.charCount(c);
      if (c != ' ') {
        n = n * 10 + Character.digit(c, 10);
      }
    }
    return n;
  }
}
