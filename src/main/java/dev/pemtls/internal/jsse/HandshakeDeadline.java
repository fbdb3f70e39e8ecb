package dev.pemtls.internal.jsse;

import dev.pemtls.internal.DaemonScheduler;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The handshake timeout: the whole handshake must finish within the deadline, however the peer
 * trickles its bytes (SO_TIMEOUT bounds one read, so a peer sending a byte a second never trips
 * it). When the deadline passes first, the plain TCP socket under the TLS layer is closed, which
 * ends the blocked read at once; the failure is then reported as a {@link
 * SocketTimeoutException}, what Python's {@code do_handshake} raises on a socket timeout.
 * Application reads after the handshake are governed by the socket's own SO_TIMEOUT only.
 *
 * <p>The clock stops when {@code startHandshake()}, or the first read or write, returns. A
 * handshake run by a first read therefore includes the wait for the peer's first data: a server
 * that reads first gives a client the deadline to finish the handshake <i>and</i> send its first
 * bytes, as nginx's {@code client_header_timeout} does (BCJSSE offers no way to learn, without
 * blocking on the handshake's monitor, that a handshake finished inside a read). Call {@code
 * startHandshake()} first to bound the handshake alone.
 *
 * <p>One daemon thread serves every deadline in the JVM; cancelled deadlines leave its queue.
 */
final class HandshakeDeadline {
  private static final ScheduledThreadPoolExecutor TIMER =
      DaemonScheduler.named("pemtls-handshake-deadline");
  private static final HandshakeDeadline NONE = new HandshakeDeadline(null, Duration.ZERO);

  private final Socket raw;
  private final Duration timeout;
  private volatile ScheduledFuture<?> pending;
  private volatile boolean expired;

  private HandshakeDeadline(Socket raw, Duration timeout) {
    this.raw = raw;
    this.timeout = timeout;
  }

  /**
   * Starts the clock for the handshake on {@code raw}; a zero or null timeout means none.
   *
   * @param raw the plain socket to close when the deadline passes
   */
  static HandshakeDeadline arm(Socket raw, Duration timeout) {
    if (timeout == null || timeout.isZero()) {
      return NONE;
    }
    HandshakeDeadline d = new HandshakeDeadline(raw, timeout);
    d.pending = TIMER.schedule(d::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    return d;
  }

  private void expire() {
    cutOff();
  }

  private void cutOff() {
    expired = true;
    try {
      raw.close();
    } catch (IOException e) {
      // already closed: nothing is left to stop
    }
  }

  /** The handshake finished (or the socket is being closed anyway): stop the clock. */
  void done() {
    ScheduledFuture<?> p = pending;
    if (p != null) {
      p.cancel(false);
      pending = null;
    }
  }

  /** Whether the deadline passed before the handshake finished. */
  boolean expired() {
    return expired;
  }

  /** {@code failure} as the timeout it really is when the deadline closed the socket. */
  IOException explain(IOException failure) {
    if (!expired) {
      return failure;
    }
    SocketTimeoutException e = new SocketTimeoutException("The handshake operation timed out: "
        + "the TLS handshake did not complete within " + describe(timeout) + " (the handshake "
        + "timeout: SslContext.setHandshakeTimeout, provider key handshake_timeout)");
    e.initCause(failure);
    return e;
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
