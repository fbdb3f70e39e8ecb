package dev.pemtls.provider;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives a client and a server {@link SSLEngine} against each other in memory, as an
 * engine-based framework does over its channels, until both finished or one threw.
 */
final class EnginePair {
  /** What each side threw, null for none. */
  record Result(SSLException client, SSLException server) {
    boolean ok() {
      return client == null && server == null;
    }
  }

  private EnginePair() {}

  /**
   * Runs the handshake until both sides finished, or one threw; then the side that threw sends
   * its alert and the other side reads it.
   */
  static Result handshake(SSLEngine client, SSLEngine server) throws SSLException {
    ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
    ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
    ByteBuffer empty = ByteBuffer.allocate(0);
    ByteBuffer sink = ByteBuffer.allocate(1 << 17);
    client.beginHandshake();
    server.beginHandshake();
    for (int round = 0; round < 200; round++) {
      SSLException c = step(client, empty, c2s, s2c, sink);
      if (c != null) {
        flushAlert(client, empty, c2s);
        return new Result(c, step(server, empty, s2c, c2s, sink));
      }
      SSLException s = step(server, empty, s2c, c2s, sink);
      if (s != null) {
        flushAlert(server, empty, s2c);
        return new Result(step(client, empty, c2s, s2c, sink), s);
      }
      if (done(client) && done(server) && c2s.position() == 0 && s2c.position() == 0) {
        return new Result(null, null);
      }
    }
    throw new AssertionError("handshake did not finish: client " + client.getHandshakeStatus()
        + ", server " + server.getHandshakeStatus());
  }

  private static void flushAlert(SSLEngine engine, ByteBuffer empty, ByteBuffer out) {
    try {
      engine.wrap(empty, out);
    } catch (SSLException ignored) {
      // already failed; the alert may be gone with it
    }
  }

  private static boolean done(SSLEngine e) {
    return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
  }

  /** One turn of {@code engine}: read what the peer sent into {@code in}, write into {@code out}. */
  private static SSLException step(SSLEngine engine, ByteBuffer empty, ByteBuffer out,
      ByteBuffer in, ByteBuffer sink) {
    try {
      for (int i = 0; i < 20; i++) {
        HandshakeStatus hs = engine.getHandshakeStatus();
        if (hs == HandshakeStatus.NEED_TASK) {
          Runnable task;
          while ((task = engine.getDelegatedTask()) != null) {
            task.run();
          }
        } else if (hs == HandshakeStatus.NEED_WRAP) {
          engine.wrap(empty, out);
        } else if (hs == HandshakeStatus.NEED_UNWRAP && in.position() > 0) {
          in.flip();
          sink.clear();
          engine.unwrap(in, sink);
          in.compact();
        } else {
          return null;
        }
      }
      return null;
    } catch (SSLException e) {
      return e;
    }
  }
}
