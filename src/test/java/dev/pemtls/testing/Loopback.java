package dev.pemtls.testing;

import dev.pemtls.CipherInfo;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;

/**
 * A one-connection TLS server on 127.0.0.1 driven by an {@link SslContext}, for tests: it wraps
 * the accepted socket with {@code wrapSocket(server_side=True)} and runs {@code handler} on it.
 */
public final class Loopback implements AutoCloseable {
  /** What the server does with its TLS socket; its result (or failure) is {@link #result()}. */
  public interface Handler<T> {
    T handle(SSLSocket tls) throws Exception;
  }

  private final ServerSocket listener;
  private final CompletableFuture<Object> result = new CompletableFuture<>();

  private <T> Loopback(SslContext server, Handler<T> handler) throws IOException {
    listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> {
      try (Socket raw = listener.accept()) {
        raw.setSoTimeout(10_000);
        try (SSLSocket tls = server.wrapSocket(raw, true, null)) {
          result.complete(handler.handle(tls));
        }
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "loopback-server");
    t.setDaemon(true);
    t.start();
  }

  public static <T> Loopback serve(SslContext server, Handler<T> handler) throws IOException {
    return new Loopback(server, handler);
  }

  /** A server that reads one line, answers "echo: " + line, and returns what it saw. */
  public static Loopback echo(SslContext server) throws IOException {
    return serve(server, tls -> {
      String line = readLine(tls.getInputStream());
      write(tls.getOutputStream(), "echo: " + line + "\n");
      return new Seen(Ssl.getpeercert(tls), Ssl.cipher(tls), Ssl.version(tls), line);
    });
  }

  /** What an echo server observed. */
  public record Seen(java.util.Map<String, Object> peercert, CipherInfo cipher, String version,
      String line) {}

  /**
   * A TCP port on 127.0.0.1 that was free a moment ago, for a peer process to listen on (the
   * listener that found it is closed again).
   */
  public static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** A plain TCP connection to the server, with a test-sized timeout. */
  public Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port());
    s.setSoTimeout(10_000);
    return s;
  }

  /** The server handler's result; rethrows what it threw. */
  public Object result() throws Exception {
    try {
      return result.get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("loopback server did not finish", e);
    }
  }

  /** The server handler's failure, or null if it succeeded. */
  public Throwable failure() throws InterruptedException {
    try {
      result.get(15, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("loopback server did not finish", e);
    }
  }

  public static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      sb.append((char) c);
    }
    return c < 0 && sb.length() == 0 ? null : sb.toString();
  }

  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
