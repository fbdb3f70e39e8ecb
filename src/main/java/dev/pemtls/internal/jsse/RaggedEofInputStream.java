package dev.pemtls.internal.jsse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Python's {@code suppress_ragged_eofs}: a TCP EOF without the peer's close_notify reads as end of
 * stream when suppressed, and raises {@code SslEofError} (UNEXPECTED_EOF_WHILE_READING) when not.
 * Other errors become Python-shaped {@code SslError}s too.
 */
final class RaggedEofInputStream extends FilterInputStream {
  private final boolean suppress;
  private boolean eof;

  RaggedEofInputStream(InputStream in, boolean suppress) {
    super(in);
    this.suppress = suppress;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (eof) {
      return -1;
    }
    try {
      int n = super.read(b, off, len);
      if (n < 0) {
        eof = true;
      }
      return n;
    } catch (java.net.SocketTimeoutException e) {
      throw e; // a timeout is not a protocol error; the caller may retry
    } catch (IOException e) {
      if (Errors.isRaggedEof(e)) {
        if (suppress) {
          eof = true;
          return -1;
        }
        throw Errors.unexpectedEof(e);
      }
      throw Errors.translate(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }
}
