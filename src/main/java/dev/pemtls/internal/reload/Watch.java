package dev.pemtls.internal.reload;

import dev.pemtls.SslError;
import dev.pemtls.internal.trust.CaFiles;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the files one {@link Live} value was built from, and replaces the value when they
 * change and a complete new one can be built from them.
 *
 * <p>Every interval it compares the files' stamps (device and inode, size, modification time,
 * following symbolic links, so an atomic rename and a Kubernetes {@code ..data} swap both show)
 * with those of the state it last handled. Only on a change does it read the files. The stamps
 * are taken again after reading: if a file changed meanwhile, the result is dropped and the next
 * check starts over, so a state that was never still is never used. A state that fails to load
 * (half written, a key that does not match its certificate, a bundle that does not parse) is
 * logged once at SEVERE and the previous value stays live; the next change is tried again, and
 * until one loads the files are looked at every {@value #RETRY_MS} ms rather than every interval,
 * so that the key following its certificate (files written one by one) is taken at once.
 *
 * <p>The watch holds its value weakly: when no context, socket factory or key manager uses it
 * any more, the watch ends.
 *
 * @param <T> the immutable value built from the files
 */
final class Watch<T> implements Runnable {
  private static final Logger LOG = Logger.getLogger("dev.pemtls.reload");
  /** How soon to look again while the files are in a state that did not load. */
  static final long RETRY_MS = 200;

  /** Builds a complete, checked value from the files, or fails naming the file. */
  interface Loader<T> {
    T load() throws SslError;
  }

  /** What the watch reports; all called on the watcher thread. */
  interface Listener<T> {
    /** {@code now} became live. */
    default void swapped(T now) {}

    /** A changed state was refused; {@code message} names the file. */
    default void failed(String message) {}

    /**
     * The files changed but hold the same material (a CA directory whose links changed, a file
     * rewritten unchanged); not called for the first look.
     */
    default void sameAgain(Live<T> live) {}

    /** After every check, with the value live now. */
    default void checked(T live) {}

    /** The value is no longer used; the watch has stopped. */
    default void ended() {}
  }

  private final String what;
  private final WeakReference<Live<T>> target;
  private final List<Path> files;
  private final Loader<T> loader;
  private final BiPredicate<T, T> same;
  private final Listener<T> listener;
  private List<Object> seen;
  private boolean refused; // the state seen last did not load
  private Duration interval;

  /**
   * @param what what the files hold, for log lines: "identity", "trust"
   * @param same whether two values are the same material (then nothing is swapped or logged)
   * @param fresh whether {@code target} was loaded from the files just now; if not, the first
   *     check reads them again in case they changed since
   */
  Watch(String what, Live<T> target, List<Path> files, Loader<T> loader, BiPredicate<T, T> same,
      Listener<T> listener, boolean fresh) {
    this.what = what;
    this.target = new WeakReference<>(target);
    this.files = List.copyOf(files);
    this.loader = loader;
    this.same = same;
    this.listener = listener;
    this.seen = fresh ? stamps() : null;
  }

  /** Starts checking every {@code interval} on the daemon thread. */
  Watch<T> start(Duration interval) {
    this.interval = interval;
    Scheduler.after(interval, this);
    return this;
  }

  @Override
  public void run() {
    Live<T> live = target.get();
    if (live == null) {
      listener.ended(); // and no next run
      return;
    }
    try {
      check(live);
      listener.checked(live.get());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "PemTLS: checking the " + what + " files " + files + " failed", e);
    } finally {
      Duration next = refused && interval.toMillis() > RETRY_MS ? Duration.ofMillis(RETRY_MS)
          : interval;
      Scheduler.after(next, this);
    }
  }

  /** One check; package-private so tests can step the watch without waiting. */
  void check(Live<T> live) {
    List<Object> now = stamps();
    if (now.equals(seen)) {
      return;
    }
    T next = null;
    String failure = null;
    try {
      next = loader.load();
    } catch (SslError e) {
      failure = e.getMessage();
    } catch (RuntimeException e) { // not expected; still once per state, not every interval
      failure = e.toString();
    }
    if (!stamps().equals(now)) {
      refused = true; // still being written: look again soon
      return;
    }
    boolean firstLook = seen == null;
    seen = now;
    refused = failure != null;
    if (failure != null) {
      LOG.log(Level.SEVERE, "PemTLS: the changed " + what + " files were NOT loaded and the "
          + "previous " + what + " stays in use: " + failure + ". Fix or replace the file; the "
          + "next complete, consistent version is picked up when it appears");
      listener.failed(failure);
    } else if (!same.test(live.get(), next)) {
      live.set(next);
      listener.swapped(next);
    } else if (!firstLook) {
      listener.sameAgain(live);
    }
  }

  /** Each file's stamp; a directory's is its identity and modification time (its entries). */
  private List<Object> stamps() {
    List<Object> out = new ArrayList<>(files.size());
    for (Path f : files) {
      try {
        CaFiles.Stamp stamp = CaFiles.system().stamp(f);
        if (stamp == null && Files.isDirectory(f)) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          out.add(List.of(String.valueOf(a.fileKey()), a.lastModifiedTime()));
        } else {
          out.add(stamp);
        }
      } catch (IOException e) {
        out.add(e.toString());
      }
    }
    return out;
  }
}
