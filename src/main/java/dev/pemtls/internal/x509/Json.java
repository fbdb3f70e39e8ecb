package dev.pemtls.internal.x509;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer whose output is byte-for-byte that of Python's {@code json.dumps(value)}
 * with its defaults: separators {@code ", "} and {@code ": "}, and {@code ensure_ascii=True}, so
 * every character outside printable ASCII is written as a lower-case {@code \\uXXXX} escape (a
 * character beyond the BMP as its UTF-16 surrogate pair, as Python does).
 */
public final class Json {
  private Json() {}

  /**
   * Renders {@code value}: a String, Integer, Long, Boolean, null, List (a JSON array, as Python
   * renders tuples and lists) or Map with String keys (an object, in the map's iteration order).
   *
   * @throws IllegalArgumentException for any other type
   */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object value, StringBuilder sb) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String) {
      string((String) value, sb);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof List) {
      sb.append('[');
      for (Iterator<?> it = ((List<?>) value).iterator(); it.hasNext(); ) {
        write(it.next(), sb);
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append(']');
    } else if (value instanceof Map) {
      sb.append('{');
      for (Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<?, ?> e = it.next();
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
        }
        string((String) e.getKey(), sb);
        sb.append(": ");
        write(e.getValue(), sb);
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  /** Python's {@code py_encode_basestring_ascii}: escapes all but printable ASCII. */
  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        default:
          if (c >= 0x20 && c < 0x7f) {
            sb.append(c);
          } else {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          }
      }
    }
    sb.append('"');
  }
}
