package dev.pemtls.internal.reload;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread every watcher runs on ("pemtls-reload"): a daemon, so it never keeps
 * the JVM alive, started on first use. Checks are file metadata only and take microseconds, so
 * one thread serves every context.
 */
final class Scheduler {
  private static final ScheduledExecutorService EXECUTOR = create();

  private Scheduler() {}

  private static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "pemtls-reload");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  /** Runs {@code task} every {@code interval}, the first time after one interval. */
  static ScheduledFuture<?> every(Duration interval, Runnable task) {
    long ms = Math.max(1, interval.toMillis());
    return EXECUTOR.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once, soon, on the same thread. */
  static void soon(Runnable task) {
    EXECUTOR.execute(task);
  }
}
