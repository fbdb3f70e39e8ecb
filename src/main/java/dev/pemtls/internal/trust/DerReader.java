package dev.pemtls.internal.trust;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A minimal DER walker over the raw octets of a name, so that subject hashes see exactly the
 * bytes OpenSSL sees (a decoding library may normalise strings or re-sort SETs).
 */
final class DerReader {
  /** One element: its first identifier octet, content octets and full encoding. */
  record Tlv(int tag, byte[] content, byte[] encoded) {
    boolean constructed() {
      return (tag & 0x20) != 0;
    }

    DerReader children() {
      return new DerReader(content);
    }

    /** The element with a minimal length, as OpenSSL writes a primitive string back. */
    byte[] reencoded() {
      if (constructed()) {
        return encoded;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writeTlv(out, tag, content);
      return out.toByteArray();
    }
  }

  private final byte[] data;
  private int pos;

  DerReader(byte[] data) {
    this.data = data;
  }

  boolean hasMore() {
    return pos < data.length;
  }

  Tlv next() {
    int start = pos;
    int tag = octet();
    if ((tag & 0x1f) == 0x1f) {
      throw new IllegalArgumentException("high tag numbers do not occur in names");
    }
    int first = octet();
    int length;
    if (first < 0x80) {
      length = first;
    } else {
      int n = first & 0x7f;
      if (n == 0 || n > 3) {
        throw new IllegalArgumentException("unsupported DER length form 0x"
            + Integer.toHexString(first) + " at offset " + (pos - 1));
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | octet();
      }
    }
    if (length > data.length - pos) {
      throw new IllegalArgumentException("DER element at offset " + start + " runs past the "
          + "end (" + length + " bytes announced, " + (data.length - pos) + " left)");
    }
    byte[] content = Arrays.copyOfRange(data, pos, pos + length);
    pos += length;
    return new Tlv(tag, content, Arrays.copyOfRange(data, start, pos));
  }

  private int octet() {
    if (pos >= data.length) {
      throw new IllegalArgumentException("truncated DER at offset " + pos);
    }
    return data[pos++] & 0xff;
  }

  /** Writes tag, minimal DER length and content. */
  static void writeTlv(ByteArrayOutputStream out, int tag, byte[] content) {
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.writeBytes(content);
  }
}
