package dev.pemtls.interop;

import dev.pemtls.CipherInfo;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import dev.pemtls.testing.AcceptLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * A PemTLS server on 127.0.0.1 (SslContext.wrapSocket, server side) for external clients. Each
 * connection answers lines reversed, like {@code openssl s_server -rev}, or one HTTP request when
 * {@code http} is set (for curl); what the server saw of each connection is queued.
 */
final class PemtlsServer implements AutoCloseable {
  /** What the server saw of one connection: its view, or the failure. */
  record Seen(Map<String, Object> peercert, CipherInfo cipher, String version, String alpn,
      Exception failure) {}

  private final AcceptLoop loop;
  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

  PemtlsServer(SslContext ctx, boolean http) throws IOException {
    loop = new AcceptLoop(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")),
        raw -> serve(ctx, raw, http));
  }

  private void serve(SslContext ctx, Socket raw, boolean http) {
    try (SSLSocket tls = ctx.wrapSocket(raw, true, null)) {
      Seen s = new Seen(Ssl.getpeercert(tls), Ssl.cipher(tls), Ssl.version(tls),
          tls.getApplicationProtocol(), null);
      BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
          StandardCharsets.UTF_8));
      if (http) {
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          // request headers
        }
        byte[] body = ("cipher=" + s.cipher().name() + " version=" + s.version() + "\n")
            .getBytes(StandardCharsets.UTF_8);
        tls.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        tls.getOutputStream().write(body);
      } else {
        String line = in.readLine();
        if (line != null) {
          tls.getOutputStream().write((new StringBuilder(line).reverse() + "\n")
              .getBytes(StandardCharsets.UTF_8));
        }
      }
      tls.getOutputStream().flush();
      seen.add(s);
    } catch (Exception e) {
      seen.add(new Seen(null, null, null, null, e));
    }
  }

  int port() {
    return loop.port();
  }

  /** The next connection's view; fails the test if none arrives. */
  Seen next() throws InterruptedException {
    Seen s = seen.poll(20, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("no connection reached the PemTLS server");
    }
    return s;
  }

  @Override
  public void close() throws Exception {
    loop.close();
  }
}
