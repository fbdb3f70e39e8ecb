package dev.pemtls.internal.jsse;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Server side of a connection whose records pass through the caller (an {@code SslObject}): the
 * cipher suites the client's ClientHello offers, for Python's {@code shared_ciphers()}, which
 * BCJSSE does not expose. The socket form reads them in {@link ClientHelloRecorder}; here the
 * records are handed over one by one, whole, before the engine sees them.
 */
public final class OfferedSuites {
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;
  private static final int MAX_HELLO = 1 << 17;

  private final ByteArrayOutputStream hello = new ByteArrayOutputStream();
  private boolean done;
  private volatile List<Integer> suites;
  private volatile byte[] sessionId;

  /** Notes one whole record (header included); records after the ClientHello are ignored. */
  public void record(byte[] record) {
    if (done) {
      return;
    }
    if (record.length < 5 || record[0] != HANDSHAKE) {
      done = true; // not a TLS handshake: the engine rejects it
      return;
    }
    hello.write(record, 5, record.length - 5);
    byte[] h = hello.toByteArray();
    if (h.length < 4) {
      return;
    }
    int needed = 4 + (((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff));
    if (h[0] != CLIENT_HELLO || needed > MAX_HELLO) {
      done = true;
      return;
    }
    if (h.length < needed) {
      return;
    }
    done = true;
    ClientHelloParser.Verdict v = ClientHelloParser.check(Arrays.copyOf(h, needed));
    if (v.ok()) {
      sessionId = v.sessionId();
      suites = v.suites();
    }
  }

  /** The legacy_session_id the client offered (empty for none); null until one parsed. */
  public byte[] sessionId() {
    return sessionId;
  }

  /** The IANA codes the client offered, in its order; null until a whole ClientHello parsed. */
  public List<Integer> suites() {
    return suites;
  }
}
