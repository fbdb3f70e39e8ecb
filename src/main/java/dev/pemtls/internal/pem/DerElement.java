package dev.pemtls.internal.pem;

/** Minimal DER framing: how long is the first TLV element of a byte array. */
final class DerElement {
  private DerElement() {}

  /**
   * Returns the total length (tag + length + contents) of the DER element starting at {@code
   * offset}, or -1 if the bytes there are not a complete, definite-length element.
   */
  static int length(byte[] data, int offset) {
    int pos = offset;
    if (pos >= data.length) {
      return -1;
    }
    int tag = data[pos++] & 0xff;
    if ((tag & 0x1f) == 0x1f) {
      // High tag numbers never occur at the top of a certificate, CRL or key.
      return -1;
    }
    if (pos >= data.length) {
      return -1;
    }
    int first = data[pos++] & 0xff;
    long contentLength;
    if (first < 0x80) {
      contentLength = first;
    } else {
      int count = first & 0x7f;
      // 0x80 is BER's indefinite length, not DER; more than 4 length bytes cannot fit an array.
      if (count == 0 || count > 4 || pos + count > data.length) {
        return -1;
      }
      contentLength = 0;
      for (int i = 0; i < count; i++) {
        contentLength = (contentLength << 8) | (data[pos++] & 0xff);
      }
    }
    long total = (pos - offset) + contentLength;
    return offset + total <= data.length ? (int) total : -1;
  }
}
