package dev.pemtls.internal.reload;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One reference to material that a watcher may replace while sockets use it: the identity or
 * the trust store of a context. A handshake calls {@link #get()} once, at its start, and uses
 * that value to its end, so it never sees half of one version and half of another; connections
 * already open keep what they started with.
 *
 * <p>Only complete, checked values are ever set: a torn file never becomes a value.
 *
 * @param <T> an immutable value
 */
public final class Live<T> implements Supplier<T> {
  private volatile T value;
  private volatile Instant since;
  private final List<WeakReference<Runnable>> listeners = new CopyOnWriteArrayList<>();

  private Live(T value) {
    this.value = Objects.requireNonNull(value, "value");
    this.since = Instant.now();
  }

  /** A reference holding {@code value}; it changes only if a watcher is attached to it. */
  public static <T> Live<T> of(T value) {
    return new Live<>(value);
  }

  /** The value now. */
  @Override
  public T get() {
    return value;
  }

  /** When the current value was set. */
  public Instant since() {
    return since;
  }

  /**
   * Runs {@code listener} after each change, on the watcher thread. It is held weakly: its owner
   * keeps it (and so its registration) alive, and a context that is gone is not kept.
   */
  public void onChange(Runnable listener) {
    listeners.removeIf(r -> r.get() == null);
    listeners.add(new WeakReference<>(listener));
  }

  /** Replaces the value; handshakes that start from now on use {@code next}. */
  void set(T next) {
    value = Objects.requireNonNull(next, "next");
    since = Instant.now();
    changed();
  }

  /**
   * Tells the listeners that what the value stands for changed though the value did not (a CA
   * directory, which is read lazily, got new links).
   */
  void changed() {
    for (WeakReference<Runnable> ref : listeners) {
      Runnable r = ref.get();
      if (r == null) {
        listeners.remove(ref);
        continue;
      }
      try {
        r.run();
      } catch (RuntimeException e) {
        Logger.getLogger("dev.pemtls.reload").log(Level.WARNING, "after a reload", e);
      }
    }
  }

  @Override
  public String toString() {
    return "Live[" + value + " since " + since + "]";
  }
}
