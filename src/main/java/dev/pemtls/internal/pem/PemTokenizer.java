package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits PEM text into blocks the way OpenSSL's {@code PEM_read_bio} does.
 *
 * <p>Text outside blocks (comments, {@code openssl x509 -text} dumps) is skipped. A block starts
 * at a line beginning with {@code -----BEGIN } and ending with {@code -----}; optional RFC 1421
 * headers ({@code Name: value} lines) end at a blank line; the body is base64 and must end with
 * the matching {@code -----END label-----}. As in OpenSSL, a broken block anywhere fails the
 * whole read, even one of a type the caller would have skipped.
 */
final class PemTokenizer {
  /** Far above any real CA bundle (Mozilla's has ~150 certificates), far below memory trouble. */
  static final int MAX_BLOCKS = 50_000;

  private static final int MAX_HEADERS = 64;
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private PemTokenizer() {}

  /**
   * Decodes every block of {@code data}.
   *
   * @param source the file name or "cadata", for error messages
   */
  static List<PemBlock> blocks(byte[] data, String source) throws SslError {
    // ISO-8859-1 maps every byte to one char, so arbitrary bytes in comments never fail decoding.
    String text = new String(data, StandardCharsets.ISO_8859_1);
    List<PemBlock> blocks = new ArrayList<>();
    Lines lines = new Lines(text);
    String line;
    while ((line = lines.next()) != null) {
      if (!line.startsWith(BEGIN) || !line.endsWith(DASHES)
          || line.length() < BEGIN.length() + DASHES.length()) {
        continue;
      }
      if (blocks.size() >= MAX_BLOCKS) {
        throw Reason.PEM_TOO_MANY_BLOCKS.error(source + " has more than " + MAX_BLOCKS
            + " PEM blocks; refusing to read it (is it really a certificate file?)");
      }
      String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
      blocks.add(readBlock(lines, blocks.size() + 1, lines.number(), label, source));
    }
    return blocks;
  }

  private static PemBlock readBlock(Lines lines, int index, int beginLine, String label,
      String source) throws SslError {
    String where = "block #" + index + " ('" + label + "', line " + beginLine + ") of " + source;
    Map<String, String> headers = new LinkedHashMap<>();
    StringBuilder base64 = new StringBuilder();
    boolean inHeaders = true;
    String line;
    while ((line = lines.next()) != null) {
      if (line.startsWith(END)) {
        String endLabel = line.endsWith(DASHES) && line.length() >= END.length() + DASHES.length()
            ? line.substring(END.length(), line.length() - DASHES.length()) : null;
        if (!label.equals(endLabel)) {
          throw Reason.PEM_BAD_END_LINE.error("bad end line in " + where + ": expected '"
              + END + label + DASHES + "' but found '" + abbreviate(line) + "'");
        }
        return new PemBlock(index, beginLine, label, headers, decode(base64, where));
      }
      if (inHeaders && line.indexOf(':') > 0) {
        if (headers.size() >= MAX_HEADERS) {
          throw Reason.PEM_BAD_HEADER.error("too many header lines in " + where);
        }
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        continue;
      }
      inHeaders = false;
      base64.append(line.strip());
    }
    throw Reason.PEM_BAD_END_LINE.error("truncated PEM: " + where + " has no '" + END + label
        + DASHES + "' line; the file may be cut short");
  }

  private static byte[] decode(StringBuilder base64, String where) throws SslError {
    String body = base64.toString().replaceAll("[ \t]", "");
    // OpenSSL's EVP_DecodeFinal rejects a trailing partial group; java.util.Base64 would accept it.
    if (body.length() % 4 != 0) {
      throw badBase64(where, "its length is not a multiple of 4 (truncated?)");
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw badBase64(where, e.getMessage());
    }
  }

  private static SslError badBase64(String where, String detail) {
    return Reason.PEM_BAD_BASE64_DECODE.error("bad base64 decode in " + where + ": "
        + detail + "; re-export the file, it may have been corrupted or edited");
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** Line iterator tolerant of CRLF and trailing blanks, as OpenSSL 3 is. */
  private static final class Lines {
    private final String text;
    private int pos;
    private int number;

    Lines(String text) {
      this.text = text;
    }

    String next() {
      if (pos >= text.length()) {
        return null;
      }
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(pos, end).stripTrailing();
      pos = end + 1;
      number++;
      return line;
    }

    int number() {
      return number;
    }
  }
}
