package dev.pemtls.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The benchmarks' loopback server: accepts on a {@link BenchPeers#listen()} listener and runs a
 * handler on each connection in a thread of its own (a cached pool, so 100 concurrent clients
 * get 100 server threads), then closes it. The first unexpected failure is kept and rethrown by
 * {@link #close()}; a {@link SocketException} is expected, since clients close with SO_LINGER 0
 * (a reset).
 *
 * <p>Unlike the tests' {@code AcceptLoop} (16 threads, failures only counted), this one has no
 * thread limit and reports what failed.
 */
final class BenchServer implements AutoCloseable {
  /** What the server does with one accepted connection; the server closes it afterwards. */
  interface Handler {
    void handle(SSLSocket tls) throws IOException;
  }

  private final SSLServerSocket listener;
  private final ExecutorService threads;
  private final Thread acceptor;
  private volatile Throwable failure;

  BenchServer(SSLServerSocket listener, Handler handler) {
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    threads = Executors.newCachedThreadPool(r -> daemon(r, "bench-server-" + n.incrementAndGet()));
    acceptor = daemon(() -> {
      while (!listener.isClosed()) {
        try {
          Socket s = listener.accept();
          threads.execute(() -> serve((SSLSocket) s, handler));
        } catch (IOException | RuntimeException e) {
          fail(e); // ignored once the listener is closed
          return;
        }
      }
    }, "bench-acceptor");
    acceptor.start();
  }

  private void serve(SSLSocket s, Handler handler) {
    try (s) {
      s.setTcpNoDelay(true);
      handler.handle(s);
    } catch (SocketException e) {
      // the client's reset after its close, or the server closing at tear-down
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private void fail(Throwable e) {
    if (!listener.isClosed() && failure == null) {
      failure = e;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  int port() {
    return listener.getLocalPort();
  }

  /**
   * The handshake benchmarks' handler: echoes each byte until the client closes, so the client
   * closes first and its reset leaves no TIME_WAIT on either side.
   */
  static void echo(SSLSocket tls) throws IOException {
    InputStream in = tls.getInputStream();
    OutputStream out = tls.getOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
      out.flush();
    }
  }

  /**
   * The client's side of {@link #echo}: one byte there and back, so that the server has finished
   * its side of the handshake too (and, in TLS 1.3, so that a session ticket sent after the
   * handshake has arrived before the echo).
   */
  static void ping(SSLSocket tls) throws IOException {
    tls.getOutputStream().write(1);
    tls.getOutputStream().flush();
    int b = tls.getInputStream().read();
    if (b != 1) {
      throw new IllegalStateException("round trip failed: " + b);
    }
  }

  /** Stops accepting, interrupts the handlers and rethrows the first unexpected failure. */
  @Override
  public void close() throws Exception {
    Throwable seen = failure;
    listener.close();
    threads.shutdownNow();
    threads.awaitTermination(5, TimeUnit.SECONDS);
    acceptor.join(5000);
    if (seen != null) {
      throw new IllegalStateException("server failed", seen);
    }
  }
}
