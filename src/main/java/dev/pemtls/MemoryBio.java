package dev.pemtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * Python's {@code ssl.MemoryBIO}: a byte queue between an {@link SslObject} and whatever carries
 * its TLS records (an event loop's socket, a test's pipe). The application writes what arrives
 * from the network into the object's incoming BIO and sends what the object leaves in its
 * outgoing BIO.
 *
 * <p>Unbounded, as Python's, and thread-safe.
 */
public final class MemoryBio {
  private byte[] buf = new byte[0];
  private int start;
  private int end;
  private boolean eofWritten;

  /** An empty BIO. */
  public MemoryBio() {}

  /**
   * Python's {@code write(buf)}: appends all of {@code data}.
   *
   * @return {@code data.length}
   * @throws IllegalStateException after {@link #writeEof()}: "cannot write() after write_eof()"
   *     (Python raises {@code SSLError} with that text)
   */
  public synchronized int write(byte[] data) {
    Objects.requireNonNull(data, "data");
    if (eofWritten) {
      throw new IllegalStateException("cannot write() after write_eof()");
    }
    if (end + data.length > buf.length) {
      int live = end - start;
      byte[] bigger = live + data.length <= buf.length ? buf
          : new byte[Math.max(buf.length * 2, live + data.length)];
      System.arraycopy(buf, start, bigger, 0, live);
      buf = bigger;
      start = 0;
      end = live;
    }
    System.arraycopy(data, 0, buf, end, data.length);
    end += data.length;
    return data.length;
  }

  /** Python's {@code read()}: every byte held, possibly none. */
  public byte[] read() {
    return read(-1);
  }

  /**
   * Python's {@code read(n=-1)}: up to {@code n} bytes, all of them when {@code n} is negative;
   * an empty array when none are held.
   */
  public synchronized byte[] read(int n) {
    int count = n < 0 ? end - start : Math.min(n, end - start);
    byte[] out = Arrays.copyOfRange(buf, start, start + count);
    start += count;
    return out;
  }

  /** Python's {@code pending}: how many bytes are held. */
  public synchronized int pending() {
    return end - start;
  }

  /**
   * Python's {@code eof}: whether {@link #writeEof()} was called and every byte before it has
   * been read.
   */
  public synchronized boolean eof() {
    return eofWritten && start == end;
  }

  /**
   * Python's {@code write_eof()}: no more bytes will come. An {@link SslObject} reading from
   * this BIO then reports the end of the stream, as {@link SslEofError} unless the peer's
   * close_notify came first. Further writes are refused.
   */
  public synchronized void writeEof() {
    eofWritten = true;
  }

  /** Whether {@link #writeEof()} was called, bytes still held or not. */
  synchronized boolean eofWritten() {
    return eofWritten;
  }

  /** The byte at {@code index} from the front, or -1 when not held. For record framing. */
  synchronized int peek(int index) {
    return index < end - start ? buf[start + index] & 0xff : -1;
  }

  @Override
  public synchronized String toString() {
    return "MemoryBio[pending=" + (end - start) + (eofWritten ? ", eof written" : "") + "]";
  }
}
