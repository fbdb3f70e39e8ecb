package dev.pemtls.internal.reload;

import dev.pemtls.internal.DaemonScheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread every watcher runs on ("pemtls-reload"): a daemon, so it never keeps
 * the JVM alive, started on first use. Checks are file metadata only and take microseconds, so
 * one thread serves every context.
 */
final class Scheduler {
  private static final ScheduledExecutorService EXECUTOR = DaemonScheduler.named("pemtls-reload");

  private Scheduler() {}

  /** Runs {@code task} once, after {@code delay}. */
  static ScheduledFuture<?> after(Duration delay, Runnable task) {
    return EXECUTOR.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once, soon, on the same thread. */
  static void soon(Runnable task) {
    EXECUTOR.execute(task);
  }
}
