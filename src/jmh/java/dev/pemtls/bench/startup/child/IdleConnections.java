package dev.pemtls.bench.startup.child;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * Heap held by idle TLS 1.3 connections: after one warm-up connection (closed), heap used is
 * read after {@code System.gc()}; then {@code count} connections of a {@link LocalPair} are
 * opened, handshaken and left open, both ends held (client sockets here, server sockets by the
 * pair), and heap used is read again after {@code System.gc()}. Prints both and
 * {@code kib_per_connection}: the difference per client+server pair.
 */
final class IdleConnections {
  private IdleConnections() {}

  static void run(int count, Path clientStore) throws Exception {
    try (LocalPair pair = new LocalPair(clientStore, true)) {
      pair.connect().close();
      long before = heapUsedAfterGc();
      List<SSLSocket> open = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        open.add(pair.connect());
      }
      Thread.sleep(200); // the server thread finishes the last exchange
      long after = heapUsedAfterGc();
      StartupChild.out("heap_before_kib", before >> 10);
      StartupChild.out("heap_after_kib", after >> 10);
      StartupChild.out("connections", open.size());
      StartupChild.out("kib_per_connection", String.format(java.util.Locale.ROOT, "%.1f",
          (after - before) / 1024.0 / open.size()));
      pair.describe();
      for (SSLSocket s : open) {
        s.close();
      }
    }
  }

  private static long heapUsedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
