package dev.pemtls.testing;

import dev.pemtls.MemoryBio;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.SslObject;
import dev.pemtls.SslWantReadError;
import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;

/**
 * An {@link SslObject} over a real TCP socket, as an event loop drives one: each operation is
 * retried after every {@link SslWantReadError}, with the outgoing BIO sent to the socket and
 * the socket's next bytes written to the incoming BIO (its EOF as {@code writeEof()}).
 */
public final class BioDriver {
  /** One operation on the object. */
  @FunctionalInterface
  public interface Op<T> {
    T run() throws SslError;
  }

  public final MemoryBio incoming = new MemoryBio();
  public final MemoryBio outgoing = new MemoryBio();
  public final SslObject object;
  private final Socket socket;
  private int wantReads;

  public BioDriver(SslContext ctx, Socket socket, boolean serverSide, String serverHostname) {
    this(ctx, socket, serverSide, serverHostname, null);
  }

  /** A client offering {@code session} to resume (Python's {@code wrap_bio(session=...)}). */
  public BioDriver(SslContext ctx, Socket socket, boolean serverSide, String serverHostname,
      dev.pemtls.SslSession session) {
    this.socket = socket;
    this.object = ctx.wrapBio(incoming, outgoing, serverSide, serverHostname, session);
  }

  /** Runs {@code op} to completion, pumping bytes while it wants to read. */
  public <T> T drive(Op<T> op) throws IOException {
    while (true) {
      try {
        T result = op.run();
        send();
        return result;
      } catch (SslWantReadError e) {
        wantReads++;
        send();
        receive();
      } catch (SslError e) {
        send(); // the alert, as OpenSSL leaves it in the BIO for the peer
        throw e;
      }
    }
  }

  public void handshake() throws IOException {
    drive(() -> {
      object.doHandshake();
      return null;
    });
  }

  /** How many times an operation raised {@link SslWantReadError}. */
  public int wantReads() {
    return wantReads;
  }

  /** Sends whatever the outgoing BIO holds. */
  public void send() throws IOException {
    byte[] bytes = outgoing.read();
    if (bytes.length > 0) {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    }
  }

  private void receive() throws IOException {
    if (incoming.eof()) {
      throw new IOException("the object wants more input after the socket's EOF");
    }
    byte[] buf = new byte[16384];
    int n = socket.getInputStream().read(buf);
    if (n < 0) {
      incoming.writeEof();
    } else {
      incoming.write(Arrays.copyOf(buf, n));
    }
  }
}
