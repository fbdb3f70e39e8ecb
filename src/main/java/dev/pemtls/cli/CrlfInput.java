package dev.pemtls.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code s_client -crlf}: standard input with every line feed sent as CR LF, as openssl does it
 * (a CR LF already there becomes CR CR LF, as in openssl).
 */
final class CrlfInput extends FilterInputStream {
  private boolean lineFeedPending;

  CrlfInput(InputStream in) {
    super(in);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public int read() throws IOException {
    if (lineFeedPending) {
      lineFeedPending = false;
      return '\n';
    }
    int b = super.read();
    if (b == '\n') {
      lineFeedPending = true;
      return '\r';
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int first = read();
    if (first < 0) {
      return -1;
    }
    buf[off] = (byte) first;
    int n = 1;
    // the rest of what is there now, one byte at a time so that each LF can grow
    while (n < len && (lineFeedPending || in.available() > 0)) {
      int b = read();
      if (b < 0) {
        break;
      }
      buf[off + n++] = (byte) b;
    }
    return n;
  }
}
