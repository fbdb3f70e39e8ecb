package dev.pemtls.internal.jsse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Server side: reads the client's ClientHello off the plain socket, notes the cipher suites it
 * offers (for Python's {@code shared_ciphers()}, which BCJSSE does not expose), and hands the
 * same bytes to BCJSSE as the "consumed" input of {@code SSLSocketFactory.createSocket(Socket,
 * InputStream, boolean)}.
 *
 * <p>It reads lazily, when BCJSSE starts the handshake, and exactly the records that hold the
 * ClientHello, never more. Input that is not a TLS handshake is passed on untouched for BCJSSE to
 * reject.
 */
final class ClientHelloRecorder extends InputStream {
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;
  private static final int MAX_HELLO = 1 << 17;

  private final Socket raw;
  private byte[] consumed;
  private int pos;
  private volatile List<Integer> offered; // IANA suite codes; null until read or if unreadable

  ClientHelloRecorder(Socket raw) {
    this.raw = raw;
  }

  /** The suites the client offered, in its order, or null when not (yet) known. */
  List<Integer> offeredSuites() {
    return offered;
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (consumed == null) {
      consumed = capture();
    }
    if (pos >= consumed.length) {
      return -1; // BCJSSE goes on with the socket's own stream
    }
    int n = Math.min(len, consumed.length - pos);
    System.arraycopy(consumed, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return consumed == null ? 0 : consumed.length - pos;
  }

  private byte[] capture() throws IOException {
    DataInputStream in = new DataInputStream(raw.getInputStream());
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    int needed = -1;
    try {
      while (needed < 0 || hello.size() < needed) {
        byte[] header = new byte[5];
        in.readFully(header);
        seen.write(header);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        if (header[0] != HANDSHAKE || length == 0 || length > 16384 + 2048) {
          return seen.toByteArray();
        }
        byte[] fragment = new byte[length];
        in.readFully(fragment);
        seen.write(fragment);
        hello.write(fragment);
        byte[] h = hello.toByteArray();
        if (needed < 0 && h.length >= 4) {
          if (h[0] != CLIENT_HELLO) {
            return seen.toByteArray();
          }
          needed = 4 + (((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff));
          if (needed > MAX_HELLO) {
            return seen.toByteArray();
          }
        }
      }
      offered = parseSuites(hello.toByteArray());
    } catch (EOFException e) {
      // a short read: BCJSSE sees the same truncated input and reports it
    }
    return seen.toByteArray();
  }

  /** ClientHello body: version(2) random(32) session_id<0..32> cipher_suites<2..2^16-2>. */
  private static List<Integer> parseSuites(byte[] h) {
    int p = 4 + 2 + 32;
    if (p >= h.length) {
      return null;
    }
    p += 1 + (h[p] & 0xff);
    if (p + 2 > h.length) {
      return null;
    }
    int len = ((h[p] & 0xff) << 8) | (h[p + 1] & 0xff);
    p += 2;
    if (p + len > h.length) {
      return null;
    }
    List<Integer> suites = new ArrayList<>();
    for (int i = 0; i + 1 < len; i += 2) {
      suites.add(((h[p + i] & 0xff) << 8) | (h[p + i + 1] & 0xff));
    }
    return List.copyOf(suites);
  }
}
