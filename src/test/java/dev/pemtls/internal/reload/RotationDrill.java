package dev.pemtls.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki.Issued;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

/**
 * The rotation drill of issue 14, against a server already serving {@link RotatingFiles} with
 * reloading on: 50 clients handshake continuously while the identity is rotated by atomic
 * rename, then by a Kubernetes {@code ..data} swap, then by a torn in-place rewrite. No handshake
 * may fail, each new serial must be seen within the reload interval + 1 s of its rotation, and
 * while the files are torn (half a certificate, then a certificate without its key) the previous
 * identity is served (never the torn one) and exactly one error names each torn state.
 */
public final class RotationDrill {
  private static final int CLIENTS = 50;
  /** Between one client's handshakes: enough load to matter, short of saturating 2 cores. */
  private static final long PAUSE_MS = 100;

  private RotationDrill() {}

  public static void run(RotatingFiles files, int port, HandshakeLoad.Client client,
      Duration interval) throws Exception {
    long budgetMs = interval.toMillis() + 1000;
    Duration pause = interval.plusMillis(600); // at least one check sees each torn state
    Set<String> expected = new HashSet<>();
    HandshakeLoad load;
    try (LogCapture log = new LogCapture();
        HandshakeLoad l = new HandshakeLoad(CLIENTS, port, client, PAUSE_MS)) {
      load = l;
      expected.add(RotatingFiles.serial(files.first));
      assertNotNull(load.awaitSerial(RotatingFiles.serial(files.first), 20_000),
          "the first identity is served; failures: " + head(load.failures()));

      Issued renamed = files.issue();
      long t = System.nanoTime();
      files.renameInto(renamed);
      expected.add(seenWithin(load, log, renamed, t, budgetMs, "after an atomic rename"));

      files.becomeSecretVolume(renamed); // same identity behind links: nothing to swap
      Issued swapped = files.issue();
      Thread.sleep(interval.toMillis());
      t = System.nanoTime();
      files.swapData(swapped);
      expected.add(seenWithin(load, log, swapped, t, budgetMs, "after a ..data symlink swap"));

      Issued rewritten = files.issue();
      Thread.sleep(interval.toMillis()); // handshakes begun before the swap have ended
      long[] marks = new long[2];
      long start = System.nanoTime();
      files.rewriteInPlace(rewritten, pause, () -> marks[0] = System.nanoTime(),
          () -> marks[1] = System.nanoTime());
      t = System.nanoTime();
      List<String> duringTorn = load.serialsBetween(start, marks[1]);
      assertTrue(duringTorn.contains(RotatingFiles.serial(swapped)),
          "while torn, the previous identity is served: " + duringTorn.size() + " handshakes");
      assertTrue(expected.containsAll(duringTorn), "while torn, only complete earlier "
          + "identities are served (a slow handshake may finish with an older one): "
          + new HashSet<>(duringTorn));
      List<String> halfErrors = log.at(Level.SEVERE, start, marks[0]);
      assertEquals(1, halfErrors.size(), "one error for the half-written file: " + halfErrors);
      assertTrue(halfErrors.get(0).contains(files.certfile.toString()), halfErrors.get(0));
      List<String> mismatch = log.at(Level.SEVERE, marks[0], marks[1]);
      assertEquals(1, mismatch.size(), "one error for the certificate without its key: "
          + mismatch);
      assertTrue(mismatch.get(0).contains("KEY_VALUES_MISMATCH"), mismatch.get(0));
      expected.add(seenWithin(load, log, rewritten, t, budgetMs, "after an in-place rewrite"));
      // the watcher logs after the swap, so a handshake may have seen the change first
      assertTrue(log.awaitLine(Level.INFO, 5_000, "reloaded",
          "serial " + RotatingFiles.serial(rewritten)), "INFO per change: " + log.at(Level.INFO));
    }
    System.out.println("rotation drill: " + load.handshakes() + " handshakes by " + CLIENTS
        + " clients, " + load.failures().size() + " failed, serials " + load.serials());
    assertEquals(List.of(), head(load.failures()), load.failures().size()
        + " handshakes failed, of " + load.handshakes());
    assertEquals(expected, new HashSet<>(load.serials()), "only complete identities served");
  }

  private static String seenWithin(HandshakeLoad load, LogCapture log, Issued next, long since,
      long budgetMs, String how) throws InterruptedException {
    String serial = RotatingFiles.serial(next);
    Long at = load.awaitSerial(serial, budgetMs + 10_000);
    assertNotNull(at, "new serial " + serial + " never served " + how);
    long ms = (at - since) / 1_000_000;
    long swappedMs = log.lines().stream().filter(l -> l.text().contains("reloaded")
        && l.text().contains("serial " + serial)).mapToLong(l -> (l.at() - since) / 1_000_000)
        .findFirst().orElse(-1);
    System.out.println("rotation drill: " + how + ": swapped after " + swappedMs
        + " ms, first served after " + ms + " ms");
    assertTrue(ms <= budgetMs, "new serial served " + ms + " ms " + how + " (swapped after "
        + swappedMs + " ms); allowed " + budgetMs + " ms (reload interval + 1 s)");
    return serial;
  }

  private static List<String> head(List<String> failures) {
    return failures.subList(0, Math.min(5, failures.size()));
  }
}
