package dev.pemtls.internal.x509;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encodable;

/** Conversion of ASN.1 string values to Java strings, as OpenSSL's ASN1_STRING_to_UTF8 does it. */
final class AsnStrings {
  private static final int UTF8_STRING = 12;
  private static final int UNIVERSAL_STRING = 28;
  private static final int BMP_STRING = 30;

  private AsnStrings() {}

  /**
   * Mirrors OpenSSL's {@code ASN1_STRING_to_UTF8} as CPython's
   * {@code _create_tuple_for_attribute} calls it. Its {@code tag2nbyte} table decides by universal
   * tag: UTF8String is checked UTF-8; Numeric, Printable, T61 and IA5 strings are one byte per
   * character (so effectively Latin-1, whatever the type promises); BMPString is two bytes and
   * UniversalString four bytes per character, big-endian. Every other type makes OpenSSL fail and
   * Python raise {@code ssl.SSLError}, and so do we: VisibleString, UTCTime and GeneralizedTime,
   * which ASN1_STRING_to_UTF8 could convert, are outside the DirectoryString types OpenSSL's
   * X509_NAME_ENTRY accepts, so the certificate itself fails to parse; the rest (BOOLEAN, INTEGER,
   * BIT/OCTET STRING, SEQUENCE, Videotex/Graphic/General strings) have no UTF-8 conversion.
   */
  static String toUtf8(ASN1Encodable value) throws SslError {
    int id = Der.identifier(value);
    byte[] b = Der.content(value);
    switch (id) {
      case UTF8_STRING:
        return strictUtf8(b, "UTF8String");
      case 18: case 19: case 20: case 22:
        return new String(b, StandardCharsets.ISO_8859_1);
      case BMP_STRING:
        return wide(b, 2);
      case UNIVERSAL_STRING:
        return wide(b, 4);
      default:
        throw Reason.ASN1_UNKNOWN_TAG.error("attribute value of ASN.1 identifier 0x" + Integer.toHexString(id)
                + " cannot be converted to UTF-8");
    }
  }

  /**
   * Decodes octets that CPython hands to {@code PyUnicode_FromStringAndSize}: strict UTF-8, an
   * invalid sequence being an error (Python raises UnicodeDecodeError).
   */
  static String strictUtf8(byte[] b, String what) throws SslError {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw Reason.ASN1_INVALID_UTF8STRING.error(what + " is not valid UTF-8", e);
    }
  }

  /**
   * BMP (2) and Universal (4) strings: each unit is one code point. OpenSSL rejects a length that
   * is not a multiple of the unit, and code points that are surrogates or above U+10FFFF (so a
   * BMPString holding a UTF-16 surrogate pair is an error, not an astral character).
   */
  private static String wide(byte[] b, int unit) throws SslError {
    if (b.length % unit != 0) {
      throw (unit == 2 ? Reason.ASN1_INVALID_BMPSTRING_LENGTH
          : Reason.ASN1_INVALID_UNIVERSALSTRING_LENGTH).error("string length " + b.length
          + " is not a multiple of " + unit);
    }
    StringBuilder sb = new StringBuilder(b.length / unit);
    for (int i = 0; i < b.length; i += unit) {
      long cp = 0;
      for (int k = 0; k < unit; k++) {
        cp = (cp << 8) | (b[i + k] & 0xff);
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        throw Reason.ASN1_ILLEGAL_CHARACTERS.error("code point 0x" + Long.toHexString(cp) + " cannot be encoded in UTF-8");
      }
      sb.appendCodePoint((int) cp);
    }
    return sb.toString();
  }
}
