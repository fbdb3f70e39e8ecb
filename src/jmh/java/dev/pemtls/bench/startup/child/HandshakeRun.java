package dev.pemtls.bench.startup.child;

import java.nio.file.Path;
import javax.net.ssl.SSLSocket;

/**
 * Full mutual TLS 1.3 handshakes ({@link LocalPair}), one after the other, from JVM start for
 * {@code seconds}: until {@code startMillis} (epoch milliseconds, taken by the harness just
 * before it started this JVM) + {@code seconds}. One handshake is: TCP connect on loopback, full
 * handshake (RSA-2048 server, ECDSA P-256 client certificate), one byte there and back, client
 * session invalidated, close. Prints {@code handshakes} (how many finished in the window) and
 * {@code first_ms} and {@code last_ms} (when the first and the last of them had finished, from
 * JVM start; -1 for last when none did); then one more, uncounted
 * connection so that {@link LocalPair#describe} always has one to describe.
 */
final class HandshakeRun {
  private HandshakeRun() {}

  static void run(long startMillis, int seconds, Path clientStore) throws Exception {
    long deadline = startMillis + seconds * 1000L;
    long n = 0;
    long first = -1;
    long last = -1;
    try (LocalPair pair = new LocalPair(clientStore, false)) {
      while (System.currentTimeMillis() < deadline) {
        try (SSLSocket s = pair.connect()) {
          n++;
        }
        last = System.currentTimeMillis() - startMillis;
        if (first < 0) {
          first = last;
        }
      }
      pair.connect().close();
      if (first < 0) { // none in the window: the uncounted one was the first
        first = System.currentTimeMillis() - startMillis;
      }
      StartupChild.out("handshakes", n);
      StartupChild.out("first_ms", first);
      StartupChild.out("last_ms", last);
      pair.describe();
    }
  }
}
