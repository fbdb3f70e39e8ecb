package dev.pemtls;

import dev.pemtls.internal.pem.PemWriter;
import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Python's {@code ssl.DER_cert_to_PEM_cert} and {@code ssl.PEM_cert_to_DER_cert}, byte for byte:
 * 64-character lines, the fixed header and footer, a trailing newline, and the lenient
 * {@code base64.decodebytes} (CPython 3.11's {@code binascii.a2b_base64}) with its errors.
 */
final class PemCerts {
  static final String PEM_HEADER = "-----BEGIN CERTIFICATE-----";
  static final String PEM_FOOTER = "-----END CERTIFICATE-----";

  private PemCerts() {}

  static String derToPem(byte[] der) {
    return PemWriter.block("CERTIFICATE", der);
  }

  static byte[] pemToDer(String pem) {
    if (!pem.startsWith(PEM_HEADER)) {
      throw new IllegalArgumentException("Invalid PEM encoding; must start with " + PEM_HEADER);
    }
    String stripped = PyStrings.strip(pem);
    if (!stripped.endsWith(PEM_FOOTER)) {
      throw new IllegalArgumentException("Invalid PEM encoding; must end with " + PEM_FOOTER);
    }
    // Python's slice [len(HEADER):-len(FOOTER)] is empty when the two overlap.
    int start = PEM_HEADER.length();
    int end = stripped.length() - PEM_FOOTER.length();
    String body = start < end ? stripped.substring(start, end) : "";
    return a2bBase64(asciiOnly(body));
  }

  /** {@code str.encode('ascii', 'strict')}, raising Python's UnicodeEncodeError text. */
  private static String asciiOnly(String s) {
    int index = 0;
    for (int i = 0; i < s.length(); index++) {
      int c = s.codePointAt(i);
      if (c >= 0x80) {
        int first = index;
        int last = index;
        int first0 = c;
        for (int j = i + Character.charCount(c); j < s.length(); ) {
          int d = s.codePointAt(j);
          if (d < 0x80) {
            break;
          }
          last++;
          j += Character.charCount(d);
        }
        throw new IllegalArgumentException(first == last
            ? "'ascii' codec can't encode character '" + PyStrings.escape(first0)
                + "' in position " + first + ": ordinal not in range(128)"
            : "'ascii' codec can't encode characters in position " + first + "-" + last
                + ": ordinal not in range(128)");
      }
      i += Character.charCount(c);
    }
    return s;
  }

  /** CPython 3.11's {@code binascii.a2b_base64(data, strict_mode=False)}. */
  private static byte[] a2bBase64(String ascii) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(ascii.length() / 4 * 3 + 3);
    int quadPos = 0;
    int left = 0;
    int pads = 0;
    for (int i = 0; i < ascii.length(); i++) {
      char ch = ascii.charAt(i);
      if (ch == '=') {
        // As in C, pads only counts while a quad has two or more characters.
        if (quadPos >= 2 && quadPos + ++pads >= 4) {
          return out.toByteArray(); // complete padding: the rest is ignored
        }
        continue;
      }
      int v = value(ch);
      if (v < 0) {
        continue; // non-alphabet characters (newlines, spaces, ...) are skipped
      }
      pads = 0;
      switch (quadPos) {
        case 0:
          quadPos = 1;
          left = v;
          break;
        case 1:
          quadPos = 2;
          out.write((left << 2) | (v >> 4));
          left = v & 0x0f;
          break;
        case 2:
          quadPos = 3;
          out.write(((left << 4) | (v >> 2)) & 0xff);
          left = v & 0x03;
          break;
        default:
          quadPos = 0;
          out.write(((left << 6) | v) & 0xff);
          left = 0;
          break;
      }
    }
    if (quadPos == 1) {
      throw new IllegalArgumentException("Invalid base64-encoded string: number of data "
          + "characters (" + (out.size() / 3 * 4 + 1) + ") cannot be 1 more than a multiple "
          + "of 4");
    }
    if (quadPos != 0) {
      throw new IllegalArgumentException("Incorrect padding");
    }
    return out.toByteArray();
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }
}
