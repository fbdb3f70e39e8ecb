package dev.pemtls.internal.jsse;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A TLS socket's streams with a watcher told of each call's outcome: the first read or write may
 * run the handshake, so a success means it is done (the deadline stops, failures are no longer
 * handshake failures) and a failure may need mapping to JSSE's or Python's exception.
 */
final class WatchedStreams {
  /** Told after every read, write and flush. */
  interface Watcher {
    /** The call succeeded. */
    void succeeded();

    /** The call failed with {@code e}; returns what to throw instead. */
    IOException failed(IOException e);
  }

  private WatchedStreams() {}

  static InputStream in(InputStream tls, Watcher w) {
    return new FilterInputStream(tls) {
      @Override
      public int read() throws IOException {
        try {
          int r = super.read();
          w.succeeded();
          return r;
        } catch (IOException e) {
          throw w.failed(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          int n = super.read(b, off, len);
          w.succeeded();
          return n;
        } catch (IOException e) {
          throw w.failed(e);
        }
      }
    };
  }

  static OutputStream out(OutputStream tls, Watcher w) {
    return new FilterOutputStream(tls) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len); // not super: FilterOutputStream writes byte by byte
          w.succeeded();
        } catch (IOException e) {
          throw w.failed(e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw w.failed(e);
        }
      }
    };
  }
}
