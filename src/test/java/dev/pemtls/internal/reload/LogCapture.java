package dev.pemtls.internal.reload;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The records of the "dev.pemtls.reload" logger while open, with when they came. */
public final class LogCapture extends Handler implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("dev.pemtls.reload");

  /** One record: its level, its text, and System.nanoTime() when it was published. */
  public record Line(Level level, String text, long at) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();

  public LogCapture() {
    setLevel(Level.ALL);
    LOG.addHandler(this);
  }

  @Override
  public void publish(LogRecord r) {
    lines.add(new Line(r.getLevel(), r.getMessage(), System.nanoTime()));
  }

  /** Lines at {@code level} published in [from, to] (System.nanoTime()). */
  public List<String> at(Level level, long from, long to) {
    return lines.stream().filter(l -> l.level().equals(level) && l.at() >= from && l.at() <= to)
        .map(Line::text).collect(Collectors.toList());
  }

  /** Every line so far. */
  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** Lines at {@code level}. */
  public List<String> at(Level level) {
    return at(level, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Whether a line at {@code level} containing every one of {@code parts} is published within
   * {@code timeoutMs}: a watcher logs after it swaps, so a handshake may see the change first.
   */
  public boolean awaitLine(Level level, long timeoutMs, String... parts)
      throws InterruptedException {
    long end = System.nanoTime() + timeoutMs * 1_000_000;
    do {
      for (String line : at(level)) {
        if (java.util.Arrays.stream(parts).allMatch(line::contains)) {
          return true;
        }
      }
      Thread.sleep(20);
    } while (System.nanoTime() < end);
    return false;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    LOG.removeHandler(this);
  }
}
