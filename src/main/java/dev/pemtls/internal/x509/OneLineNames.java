package dev.pemtls.internal.x509;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;

/**
 * A distinguished name as the openssl command line prints it ({@code openssl x509 -subject},
 * {@code openssl verify}): OpenSSL 3.0's {@code X509_NAME_print_ex} with the apps' default name
 * option {@code oneline}, e.g. {@code C = DE, O = "a,b" + OU = x, CN = \C3\A9}.
 *
 * <p>RDNs in encoding order separated by {@code ", "}, the values of a multi-valued RDN by
 * {@code " + "}; each attribute as {@code SN = value} (OpenSSL's short name, the dotted OID when
 * OpenSSL does not know it). Values follow {@code ASN1_STRFLGS_RFC2253 | ESC_QUOTE}: every string
 * is converted to UTF-8 and each octet above 0x7f and each control octet is written as {@code
 * \XX}; {@code "} and {@code \} get a backslash; {@code , + ; < >} anywhere, {@code #} or a space
 * at the start and a space at the end put the whole value in double quotes instead; a value of a
 * type that is not a string is dumped as {@code #} and its DER in upper-case hex.
 */
public final class OneLineNames {
  private static final int FIRST = 1;
  private static final int LAST = 2;

  private OneLineNames() {}

  /** The oneline form of a DER-encoded {@code Name}, e.g. {@code X500Principal.getEncoded()}. */
  public static String print(byte[] encodedName) {
    try {
      return print(ASN1Primitive.fromByteArray(encodedName));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a DER-encoded Name", e);
    }
  }

  static String print(ASN1Encodable name) {
    StringBuilder out = new StringBuilder();
    for (ASN1Encodable rdnElement : ASN1Sequence.getInstance(name)) {
      boolean firstInRdn = true;
      for (ASN1Encodable atvElement : ASN1Set.getInstance(rdnElement)) {
        ASN1Sequence atv = ASN1Sequence.getInstance(atvElement);
        if (!firstInRdn) {
          out.append(" + ");
        } else if (out.length() > 0) {
          out.append(", ");
        }
        firstInRdn = false;
        out.append(OidNames.shortName(ASN1ObjectIdentifier.getInstance(atv.getObjectAt(0))))
            .append(" = ").append(value(atv.getObjectAt(1)));
      }
    }
    return out.toString();
  }

  /** OpenSSL's {@code do_print_ex} for one value under the oneline flags. */
  private static String value(ASN1Encodable v) {
    byte[] utf8 = utf8(Der.identifier(v), Der.content(v));
    if (utf8 == null) {
      return dump(v);
    }
    StringBuilder sb = new StringBuilder();
    boolean[] quote = {false};
    // OpenSSL walks characters: the first character's octets may be FIRST-escaped, the last's
    // LAST-escaped (a one-character value only LAST). Octets above 0x7f are escaped anyway, so
    // only ASCII characters matter here, and those are one octet each.
    for (int i = 0; i < utf8.length; i++) {
      int where = i == utf8.length - 1 ? LAST : i == 0 ? FIRST : 0;
      escape(utf8[i] & 0xff, where, sb, quote);
    }
    return quote[0] ? "\"" + sb + "\"" : sb.toString();
  }

  private static void escape(int c, int where, StringBuilder sb, boolean[] quote) {
    if (c > 0x7f || c < 0x20 || c == 0x7f) {
      sb.append('\\').append(String.format("%02X", c));
    } else if (c == '"' || c == '\\') {
      sb.append('\\').append((char) c);
    } else if (",+;<>".indexOf(c) >= 0
        || (c == '#' && where == FIRST)
        || (c == ' ' && where != 0)) {
      quote[0] = true;
      sb.append((char) c);
    } else {
      sb.append((char) c);
    }
  }

  /**
   * The value as UTF-8 octets after OpenSSL's {@code tag2nbyte} conversion, or null for a type
   * it does not print as a string. A UTF8String's octets pass as they are (OpenSSL treats them as
   * one-octet characters); one-octet types are Latin-1; BMP and Universal strings are two and four
   * octets per code point.
   */
  private static byte[] utf8(int tag, byte[] b) {
    switch (tag) {
      case 12:
        return b;
      case 18: case 19: case 20: case 22: case 23: case 24: case 26:
        return new String(b, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
      case 30:
        return wide(b, 2);
      case 28:
        return wide(b, 4);
      default:
        return null;
    }
  }

  private static byte[] wide(byte[] b, int unit) {
    if (b.length % unit != 0) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < b.length; i += unit) {
      long cp = 0;
      for (int k = 0; k < unit; k++) {
        cp = (cp << 8) | (b[i + k] & 0xff);
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return null;
      }
      out.writeBytes(new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** {@code ASN1_STRFLGS_DUMP_DER}: {@code #} and the whole DER element in upper-case hex. */
  private static String dump(ASN1Encodable v) {
    StringBuilder sb = new StringBuilder("#");
    try {
      for (byte x : v.toASN1Primitive().getEncoded(ASN1Encoding.DER)) {
        sb.append(String.format("%02X", x & 0xff));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode a name attribute value", e);
    }
    return sb.toString();
  }
}
