package dev.pemtls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * {@code s_client}'s data phase: standard input to the server on its own thread, the server to
 * standard output. It ends cleanly, as openssl's does, when the server sends close_notify (read
 * returns -1, whatever else is in flight) or when standard input ends without {@code -ign_eof}
 * and this side closes; a read failing because of that close is not an error. Anything else (a
 * reset, a TCP close without close_notify) is thrown.
 */
final class SClientRelay {
  private SClientRelay() {}

  static void run(SSLSocket tls, InputStream stdin, PrintStream out, boolean ignoreEof)
      throws IOException {
    AtomicBoolean closedHere = new AtomicBoolean();
    OutputStream toPeer = tls.getOutputStream();
    Thread writer = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = stdin.read(buf)) >= 0) {
          toPeer.write(buf, 0, n);
          toPeer.flush();
        }
        if (!ignoreEof) {
          closedHere.set(true); // openssl: EOF on input ends the session with close_notify
          tls.close();
        }
      } catch (IOException e) {
        // the connection ended first; the reader reports how
      }
    }, "s_client-stdin");
    writer.setDaemon(true);
    writer.start();
    byte[] buf = new byte[8192];
    InputStream fromPeer = tls.getInputStream();
    try {
      int n;
      while ((n = fromPeer.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      if (!closedHere.get()) {
        throw e; // the socket's SslError: a reset, or EOF without close_notify (SSLEOFError's)
      }
    }
  }
}
