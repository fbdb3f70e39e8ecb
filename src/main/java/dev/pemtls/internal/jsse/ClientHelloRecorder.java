package dev.pemtls.internal.jsse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import dev.pemtls.SslError;
import java.util.List;

/**
 * Server side: reads the client's ClientHello off the plain socket before BCJSSE does, checks it
 * ({@link ClientHelloParser}), notes the cipher suites it offers (for Python's {@code
 * shared_ciphers()}, which BCJSSE does not expose), and hands BCJSSE the same message as the
 * "consumed" input of {@code SSLSocketFactory.createSocket(Socket, InputStream, boolean)}.
 *
 * <ul>
 *   <li>The message is reassembled from however many records carry it (1-byte records, empty
 *       records in between) and passed on re-framed in full records: the handshake transcript
 *       covers messages, not their framing, so nothing changes for the peer, and BCJSSE, which
 *       refuses such framing, sees an ordinary ClientHello.
 *   <li>A ClientHello that does not parse gets the alert RFC 8446 requires ({@code decode_error},
 *       {@code illegal_parameter}) before the connection closes: BCJSSE closes without one for
 *       failures before its ServerHello. So does one over the handshake message limit (JSSE's
 *       {@code jdk.tls.maxHandshakeMessageSize}, 32768 by default, which BCJSSE applies too):
 *       {@code handshake_failure}.
 * </ul>
 *
 * <p>It reads lazily, when BCJSSE starts the handshake, and exactly the records that hold the
 * ClientHello, never more. Input that is not a TLS handshake (an SSLv2-format hello, another
 * record type) is passed on untouched for BCJSSE to reject.
 */
final class ClientHelloRecorder extends InputStream {
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;
  private static final int MAX_FRAGMENT = 16384;
  private static final int HANDSHAKE_FAILURE = 40;

  private final Socket raw;
  private byte[] consumed;
  private int pos;
  private volatile List<Integer> offered; // IANA suite codes; null until read or if unreadable
  private volatile byte[] offeredSessionId; // null until read or if unreadable
  private volatile byte[] message; // the checked ClientHello; null until read or if unreadable

  ClientHelloRecorder(Socket raw) {
    this.raw = raw;
  }

  /** The legacy_session_id the client offered (empty for none), or null when not known. */
  byte[] offeredSessionId() {
    return offeredSessionId;
  }

  /** The suites the client offered, in its order, or null when not (yet) known. */
  List<Integer> offeredSuites() {
    return offered;
  }

  /** The whole ClientHello message (header included) once read and checked, else null. */
  byte[] clientHello() {
    byte[] m = message;
    return m == null ? null : m.clone();
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
    byte[] recordVersion = null;
    int needed = -1;
    try {
      while (needed < 0 || hello.size() < needed) {
        byte[] header = new byte[5];
        in.readFully(header);
        seen.write(header);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        if (header[0] != HANDSHAKE || length > MAX_FRAGMENT + 2048) {
          return seen.toByteArray();
        }
        if (recordVersion == null) {
          recordVersion = new byte[] {header[1], header[2]};
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
          int max = maxHandshakeMessageSize();
          if (needed > max) {
            throw refuse(HANDSHAKE_FAILURE, "HANDSHAKE_FAILURE", "the ClientHello is " + needed
                + " bytes, more than the handshake message limit " + max
                + " (raise it with -Djdk.tls.maxHandshakeMessageSize)");
          }
        }
      }
    } catch (EOFException e) {
      return seen.toByteArray(); // a short read: BCJSSE sees the same truncated input
    }
    byte[] message = hello.toByteArray();
    if (message.length > needed) {
      return seen.toByteArray(); // another message follows in the same record: leave it be
    }
    ClientHelloParser.Verdict v = ClientHelloParser.check(message);
    if (!v.ok()) {
      throw refuse(v.alert(), v.alert() == ClientHelloParser.DECODE_ERROR ? "DECODE_ERROR"
          : "ILLEGAL_PARAMETER", "the client's ClientHello does not parse: " + v.problem());
    }
    offered = v.suites();
    offeredSessionId = v.sessionId();
    this.message = message;
    return reframe(message, recordVersion);
  }

  /** The message in records of at most 2^14 bytes, as BCJSSE expects them. */
  private static byte[] reframe(byte[] message, byte[] version) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 5 * 8);
    for (int off = 0; off < message.length; off += MAX_FRAGMENT) {
      int n = Math.min(MAX_FRAGMENT, message.length - off);
      out.write(HANDSHAKE);
      out.write(version, 0, 2);
      out.write(n >> 8);
      out.write(n);
      out.write(message, off, n);
    }
    return out.toByteArray();
  }

  /** Sends the fatal alert, ends our side of the connection, and fails the handshake. */
  private SslError refuse(int alert, String reason, String detail) {
    try {
      OutputStream out = raw.getOutputStream();
      out.write(new byte[] {21, 3, 3, 0, 2, 2, (byte) alert});
      out.flush();
      raw.shutdownOutput(); // nothing BCJSSE writes after this reaches the peer
    } catch (IOException e) {
      // the peer is gone: the handshake fails all the same
    }
    return new SslError("SSL", reason, reason.toLowerCase(java.util.Locale.ROOT).replace('_',
        ' ') + ": " + detail + " (sent alert " + alert + ")");
  }

  /** JSSE's limit, read as BCJSSE reads it (ContextData), default 32768. */
  private static int maxHandshakeMessageSize() {
    try {
      int v = Integer.getInteger("jdk.tls.maxHandshakeMessageSize", 32768);
      return v > 0 ? v : 32768;
    } catch (SecurityException e) {
      return 32768;
    }
  }
}
