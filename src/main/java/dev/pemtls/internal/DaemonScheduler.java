package dev.pemtls.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * PemTLS's background threads: one named daemon thread per job (the reload watcher, the
 * handshake deadlines), so none keeps the JVM alive, and cancelled tasks leave the queue at once.
 */
public final class DaemonScheduler {
  private DaemonScheduler() {}

  /** A single daemon thread called {@code name}, started on the first task. */
  public static ScheduledThreadPoolExecutor named(String name) {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }
}
