package dev.pemtls.internal.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;

/**
 * The raw tag and content octets of a DER element. OpenSSL's printers work on these octets, not on
 * BouncyCastle's decoded Java strings (which may normalise or reject them), so we go back to the
 * encoding.
 */
final class Der {
  private Der() {}

  /** The first identifier octet: class, constructed bit and (for low tags) the tag number. */
  static int identifier(ASN1Encodable value) {
    return encode(value)[0] & 0xff;
  }

  /** The content octets, with the identifier and length octets removed. */
  static byte[] content(ASN1Encodable value) {
    byte[] tlv = encode(value);
    int pos = 1;
    if ((tlv[0] & 0x1f) == 0x1f) {
      // High tag number form: skip the continuation octets of the tag.
      while ((tlv[pos] & 0x80) != 0) {
        pos++;
      }
      pos++;
    }
    int first = tlv[pos++] & 0xff;
    if (first >= 0x80) {
      pos += first & 0x7f;
    }
    return Arrays.copyOfRange(tlv, pos, tlv.length);
  }

  private static byte[] encode(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
