package dev.pemtls.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A server for many clients: accepts on {@code listener} and handles each connection. */
public final class AcceptLoop implements AutoCloseable {
  /** What the server does with one accepted connection; it closes it afterwards. */
  public interface Handler {
    void handle(Socket accepted) throws Exception;
  }

  private final ServerSocket listener;
  private final ExecutorService pool;
  private final AtomicInteger errors = new AtomicInteger();

  public AcceptLoop(ServerSocket listener, Handler handler) {
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "accept-loop-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Thread acceptor = new Thread(() -> {
      while (!listener.isClosed()) {
        try {
          Socket s = listener.accept();
          pool.execute(() -> {
            try (s) {
              s.setSoTimeout(30_000);
              handler.handle(s);
            } catch (Exception e) {
              errors.incrementAndGet();
            }
          });
        } catch (IOException e) {
          return; // closed
        }
      }
    }, "acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections whose handling threw (a refused client certificate, say). */
  public int errors() {
    return errors.get();
  }

  @Override
  public void close() throws Exception {
    listener.close();
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
