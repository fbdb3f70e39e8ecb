package dev.pemtls.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.TrustSources;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerifyLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher stepped by hand: what it loads, refuses, logs, and when it stops. */
class WatchTest {
  @TempDir Path dir;

  private static final class Swaps implements Watch.Listener<Identity> {
    final List<Identity> swapped = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void swapped(Identity now) {
      swapped.add(now);
    }

    @Override
    public void failed(String message) {
      failed.add(message);
    }

    @Override
    public void ended() {
      ended.countDown();
    }
  }

  private static Identity load(RotatingFiles f) throws Exception {
    return PemFiles.loadIdentity(f.certfile, f.keyfile, null);
  }

  private static Watch<Identity> watch(RotatingFiles f, Live<Identity> live, Swaps swaps) {
    return new Watch<>("certificate/key", live, List.of(f.certfile, f.keyfile),
        () -> PemFiles.loadIdentity(f.certfile, f.keyfile, null), Served::sameChain, swaps,
        false);
  }

  @Test
  void tornFile_isRefusedWithOneErrorNamingIt_andTheNextCompleteVersionIsTaken()
      throws Exception {
    RotatingFiles f = new RotatingFiles(dir);
    Identity first = load(f);
    Live<Identity> live = Live.of(first);
    Swaps swaps = new Swaps();
    Watch<Identity> w = watch(f, live, swaps);
    try (LogCapture log = new LogCapture()) {
      w.check(live); // first look: same material, nothing swapped
      assertSame(first, live.get());

      Issued next = f.issue();
      String pem = f.chain(next);
      Files.writeString(f.certfile, pem.substring(0, pem.length() / 2));
      w.check(live);
      w.check(live); // the same torn state: not logged again
      assertSame(first, live.get());
      List<String> errors = log.at(Level.SEVERE);
      assertEquals(1, errors.size(), errors.toString());
      assertTrue(errors.get(0).contains(f.certfile.toString()), errors.get(0));
      assertEquals(1, swaps.failed.size());

      Files.writeString(f.certfile, pem);
      Files.writeString(f.keyfile, RotatingFiles.key(next));
      w.check(live);
      assertEquals(RotatingFiles.serial(next), Served.serial(live.get().leaf()));
      assertEquals(1, swaps.swapped.size());

      Files.writeString(f.certfile, pem + "\n"); // rewritten, same certificate
      w.check(live);
      assertEquals(1, swaps.swapped.size(), "unchanged material is not swapped again");
    }
  }

  @Test
  void caBundleThatDoesNotParse_keepsThePreviousTrust_andANewBundleIsTaken() throws Exception {
    RotatingFiles f = new RotatingFiles(dir);
    TrustSources sources = TrustSources.none().plus(f.caFile,
        new VerifyLocations(List.of(), List.of(), null));
    TrustStore before = sources.build();
    Live<TrustStore> live = Live.of(before);
    Watch<TrustStore> w = new Watch<>("CA", live, sources.files(), sources::build,
        (a, b) -> a.certificates().equals(b.certificates()), new Watch.Listener<>() {},
        false);
    try (LogCapture log = new LogCapture()) {
      w.check(live);
      String pem = dev.pemtls.internal.demo.DemoPki.pem(new dev.pemtls.internal.demo.DemoPki.Spec("Next CA").ca()
          .issue().certificate());
      Files.writeString(f.caFile, pem.substring(0, pem.length() - 30));
      w.check(live);
      assertSame(before, live.get());
      List<String> errors = log.at(Level.SEVERE);
      assertEquals(1, errors.size(), errors.toString());
      assertTrue(errors.get(0).contains(f.caFile.toString()), errors.get(0));
      Files.writeString(f.caFile, pem);
      w.check(live);
      assertEquals("CN=Next CA",
          live.get().certificates().get(0).getSubjectX500Principal().getName());
    }
  }

  @Test
  void fileChangingWhileRead_isNotUsedUntilItHoldsStill() throws Exception {
    RotatingFiles f = new RotatingFiles(dir);
    Live<Identity> live = Live.of(load(f));
    Issued next = f.issue();
    Swaps swaps = new Swaps();
    boolean[] writerBusy = {true};
    Watch<Identity> w = new Watch<>("certificate/key", live, List.of(f.certfile, f.keyfile),
        () -> {
          Identity read = PemFiles.loadIdentity(f.certfile, f.keyfile, null);
          if (writerBusy[0]) { // a writer appends while the watcher reads
            writerBusy[0] = false;
            try {
              Files.writeString(f.certfile, "\n", java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          }
          return read;
        }, Served::sameChain, swaps, false);
    w.check(live); // first look
    f.renameInto(next);
    writerBusy[0] = true;
    w.check(live);
    assertEquals(0, swaps.swapped.size(), "a version read while changing is dropped");
    w.check(live);
    assertEquals(RotatingFiles.serial(next), Served.serial(live.get().leaf()));
  }

  @Test
  void watcherThread_isADaemon_andTheWatchEndsWhenTheValueIsNoLongerUsed() throws Exception {
    RotatingFiles f = new RotatingFiles(dir);
    Swaps swaps = new Swaps();
    watch(f, Live.of(load(f)), swaps).start(Duration.ofMillis(20)); // nothing keeps the Live
    Thread thread = null;
    for (int i = 0; i < 100 && thread == null; i++) {
      thread = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("pemtls-reload")).findFirst().orElse(null);
      Thread.sleep(10);
    }
    assertTrue(thread != null && thread.isDaemon(), "pemtls-reload runs as a daemon: " + thread);
    for (int i = 0; i < 50 && swaps.ended.getCount() > 0; i++) {
      System.gc();
      swaps.ended.await(100, TimeUnit.MILLISECONDS);
    }
    assertEquals(0, swaps.ended.getCount(), "the watch stopped once its value was unused");
  }
}
