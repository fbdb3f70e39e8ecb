package dev.pemtls;

import dev.pemtls.internal.Reason;
import dev.pemtls.internal.jsse.CloseNotify;
import dev.pemtls.internal.jsse.Errors;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * The pump under an {@link SslObject}: OpenSSL's non-blocking {@code SSL_do_handshake}, {@code
 * SSL_read}, {@code SSL_write} and {@code SSL_shutdown} over two {@link MemoryBio}s, on one of
 * the context's engines.
 *
 * <ul>
 *   <li>Records come from the incoming BIO whole and one at a time ({@link BioRecords}): bytes
 *       after the last record needed stay there (after {@code unwrap()}, for cleartext).
 *   <li>Whatever the engine produces, handshake messages, alerts, close_notify, goes to the
 *       outgoing BIO at once; a failed handshake leaves its alert there for the peer.
 *   <li>A failure is remembered: later calls raise it again, as a broken OpenSSL connection does.
 * </ul>
 */
final class BioEngine {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final SSLEngine engine;
  private final BioRecords records;
  private final MemoryBio outgoing;
  private ByteBuffer netIn = EMPTY;
  private ByteBuffer appIn = EMPTY;
  private boolean begun;
  private boolean established;
  private boolean peerClosed;
  private boolean closeSent;
  private SslError failure;

  private final Runnable onBegun;
  private final Runnable onEstablished;

  /**
   * @param onBegun run once, when the handshake begins
   * @param onEstablished run once, when it completes
   */
  BioEngine(SSLEngine engine, BioRecords records, MemoryBio outgoing, Runnable onBegun,
      Runnable onEstablished) {
    this.engine = engine;
    this.records = records;
    this.outgoing = outgoing;
    this.onBegun = onBegun;
    this.onEstablished = onEstablished;
  }

  private void establish() {
    if (!established) {
      established = true;
      onEstablished.run();
    }
  }

  SSLEngine engine() {
    return engine;
  }

  boolean established() {
    return established;
  }

  /** Decrypted bytes ready to read. */
  int pending() {
    return appIn.remaining();
  }

  /** {@code SSL_do_handshake}: a no-op once done. */
  void handshake() throws SslError {
    rethrow();
    if (established) {
      return;
    }
    try {
      if (!begun) {
        begun = true;
        onBegun.run();
        engine.beginHandshake();
      }
      while (!established) {
        HandshakeStatus hs = engine.getHandshakeStatus();
        switch (hs) {
          case NEED_TASK -> runTasks();
          case NEED_WRAP -> {
            SSLEngineResult r = wrap(EMPTY);
            if (r.bytesProduced() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
              throw Reason.SSL_SSL_ERROR.error("the TLS engine made no progress in the handshake");
            }
          }
          case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrap();
          default -> {
            if (engine.isInboundDone() || engine.isOutboundDone()) {
              throw Errors.unexpectedEof(null); // closed before the handshake finished
            }
            establish();
          }
        }
      }
      flush();
    } catch (SslError e) {
      throw remember(e);
    } catch (SSLException e) {
      throw failed(e);
    }
  }

  /**
   * {@code SSL_read}: up to {@code len} decrypted bytes, handshaking first if needed.
   *
   * @return no bytes after the peer's close_notify while ours is not sent
   * @throws SslZeroReturnError after both close_notify messages
   */
  byte[] read(int len) throws SslError {
    handshake();
    try {
      while (!appIn.hasRemaining()) {
        if (peerClosed) {
          if (closeSent) {
            throw new SslZeroReturnError();
          }
          return new byte[0];
        }
        unwrap();
        flush();
      }
    } catch (SslWantReadError | SslZeroReturnError e) {
      throw e;
    } catch (SslError e) {
      throw remember(e);
    } catch (SSLException e) {
      throw failed(e);
    }
    byte[] out = new byte[Math.min(len, appIn.remaining())];
    appIn.get(out);
    return out;
  }

  /** {@code SSL_write}: all of {@code data}, handshaking first if needed. */
  int write(byte[] data) throws SslError {
    handshake();
    if (closeSent || engine.isOutboundDone()) {
      throw Reason.SSL_PROTOCOL_IS_SHUTDOWN.error("protocol is shutdown: close_notify was sent "
          + "on this connection" + (peerClosed ? " (in answer to the peer's)" : ""));
    }
    try {
      ByteBuffer src = ByteBuffer.wrap(data);
      while (src.hasRemaining()) {
        wrap(src);
      }
      flush();
    } catch (SSLException e) {
      throw failed(e);
    }
    return data.length;
  }

  /**
   * {@code SSL_shutdown} to the end: our close_notify (once), then the peer's.
   *
   * @throws SslWantReadError until the peer's close_notify has arrived
   */
  void shutdown() throws SslError {
    handshake();
    try {
      if (!closeSent) {
        closeSent = true;
        engine.closeOutbound();
        flush();
      }
    } catch (SSLException e) {
      throw failed(e);
    }
    // BCJSSE reads nothing after its own close_notify: the peer's is found among the records,
    // undecrypted, as the socket's unwrap() does (CloseNotify).
    boolean tls13 = "TLSv1.3".equals(engine.getSession().getProtocol());
    int tag = CloseNotify.tagLength(engine.getSession().getCipherSuite());
    while (!peerClosed) {
      if (!netIn.hasRemaining() && !pullRecord()) {
        throw endOfInput();
      }
      byte[] record = new byte[netIn.remaining()];
      netIn.get(record);
      if (CloseNotify.isCloseNotify(record[0] & 0xff, record.length - 5, tls13, tag)) {
        peerClosed = true;
      }
    }
  }

  // --- moving bytes ---

  private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
    ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    SSLEngineResult r;
    while ((r = engine.wrap(src, dst)).getStatus() == Status.BUFFER_OVERFLOW) {
      dst = ByteBuffer.allocate(dst.capacity() * 2);
    }
    dst.flip();
    if (dst.hasRemaining()) {
      byte[] bytes = new byte[dst.remaining()];
      dst.get(bytes);
      outgoing.write(bytes);
    }
    seen(r);
    return r;
  }

  /** Gives the engine one more record; WantRead (or the EOF error) when none is whole. */
  private void unwrap() throws SSLException, SslError {
    if (!netIn.hasRemaining() && !pullRecord()) {
      throw endOfInput();
    }
    ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    SSLEngineResult r;
    while (true) {
      r = engine.unwrap(netIn, dst);
      if (r.getStatus() == Status.BUFFER_OVERFLOW) {
        dst = ByteBuffer.allocate(dst.capacity() * 2);
      } else if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
        if (!pullRecord()) {
          throw endOfInput();
        }
      } else {
        break;
      }
    }
    dst.flip();
    if (dst.hasRemaining()) {
      appIn = append(appIn, dst);
    }
    if (r.getStatus() == Status.CLOSED) {
      peerClosed = true;
    }
    seen(r);
  }

  /** Appends the next whole record to what the engine is given; false when none is whole. */
  private boolean pullRecord() {
    byte[] record = records.next();
    if (record == null) {
      return false;
    }
    netIn = append(netIn, ByteBuffer.wrap(record));
    return true;
  }

  private SslError endOfInput() {
    return records.ended() ? remember(Errors.unexpectedEof(null)) : new SslWantReadError();
  }

  /** Sends what the engine has to send now: post-handshake messages, the close_notify reply. */
  private void flush() throws SSLException {
    while (true) {
      HandshakeStatus hs = engine.getHandshakeStatus();
      if (hs == HandshakeStatus.NEED_TASK) {
        runTasks();
      } else if (hs == HandshakeStatus.NEED_WRAP) {
        if (wrap(EMPTY).bytesProduced() == 0) {
          return;
        }
      } else {
        return;
      }
    }
  }

  private void runTasks() {
    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
      task.run();
    }
  }

  private void seen(SSLEngineResult r) {
    if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
      establish();
    }
  }

  private static ByteBuffer append(ByteBuffer held, ByteBuffer more) {
    if (!held.hasRemaining()) {
      byte[] copy = new byte[more.remaining()];
      more.get(copy);
      return ByteBuffer.wrap(copy);
    }
    byte[] joined = new byte[held.remaining() + more.remaining()];
    int n = held.remaining();
    held.get(joined, 0, n);
    more.get(joined, n, joined.length - n);
    return ByteBuffer.wrap(joined);
  }

  // --- failures ---

  /** The engine failed: its alert goes to the peer, and the Python-shaped error is kept. */
  private SslError failed(SSLException e) {
    try {
      for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
        if (wrap(EMPTY).bytesProduced() == 0) {
          break;
        }
      }
    } catch (SSLException | RuntimeException ignored) {
      // the alert is lost; the error below is what matters
    }
    return remember(Errors.translate(e));
  }

  private SslError remember(SslError e) {
    if (!(e instanceof SslWantReadError)) {
      failure = e;
    }
    return e;
  }

  private void rethrow() throws SslError {
    if (failure != null) {
      throw failure;
    }
  }
}
