package dev.pemtls;

/**
 * The few Python {@code str} operations the module functions need to produce Python's exact
 * results and messages: {@code repr()}, {@code isspace()}, {@code strip()} and {@code title()}.
 * Indices are in code points, as Python's are.
 */
final class PyStrings {
  private PyStrings() {}

  /** Python's {@code str.isspace()} for one code point (bidi WS, B, S, or category Zs). */
  static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  /** Python's {@code s.strip()}. */
  static String strip(String s) {
    return rstrip(lstrip(s));
  }

  static String lstrip(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    return s.substring(i);
  }

  /** Python's {@code s.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(0, end);
  }

  /** Python's {@code s[:n]} in code points. */
  static String head(String s, int n) {
    int cps = s.codePointCount(0, s.length());
    return n >= cps ? s : s.substring(0, s.offsetByCodePoints(0, n));
  }

  /** Python's {@code s[n:]} in code points. */
  static String tail(String s, int n) {
    int cps = s.codePointCount(0, s.length());
    return n >= cps ? "" : s.substring(s.offsetByCodePoints(0, n));
  }

  /** Python's {@code s.title()}, with simple (one-to-one) case mappings. */
  static String title(String s) {
    StringBuilder out = new StringBuilder();
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(previousCased ? Character.toLowerCase(c) : Character.toTitleCase(c));
      previousCased = Character.isUpperCase(c) || Character.isLowerCase(c)
          || Character.isTitleCase(c);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** Python's {@code repr(s)}: quotes chosen as Python does, unprintables escaped. */
  static String repr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == quote || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", c));
      } else if (c < 0x7f || isPrintable(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(escape(c));
      }
    }
    return out.append(quote).toString();
  }

  /** Python's backslash escape of one code point, as in codec error messages. */
  static String escape(int c) {
    if (c <= 0xff) {
      return String.format("\\x%02x", c);
    }
    return c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
  }

  private static boolean isPrintable(int c) {
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return c == ' ';
      default:
        return true;
    }
  }
}
