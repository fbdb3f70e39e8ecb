package dev.pemtls.internal.reload;

import dev.pemtls.internal.Reason;
import dev.pemtls.PasswordCallback;
import dev.pemtls.SslError;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.IdentityKeyManager;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.TrustSources;
import dev.pemtls.internal.trust.TrustStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Where a context's identity and trust become {@link Live} references and, with a reload
 * interval, get a watcher: the files are checked every interval on the "pemtls-reload" daemon
 * thread, a changed version is loaded and checked in full (chain parses, key matches the
 * certificate, CA bundle parses) and swapped in; a version that fails keeps the previous one
 * live. Handshakes never touch the files.
 *
 * <p>For an identity it also logs what is served (INFO, at start and once per change), the expiry
 * signals ({@link ExpirySignals}), and registers the {@link IdentityStatus} JMX bean.
 */
public final class Reloading {
  private static final Logger LOG = Logger.getLogger("dev.pemtls.reload");

  private Reloading() {}

  /**
   * The live identity for {@code loaded}, the result of {@code PemFiles.loadIdentity(certfile,
   * keyfile, password)}.
   *
   * @param interval how often to check the files; zero for never (the identity is fixed)
   * @param fresh whether {@code loaded} was read from the files just now (else the first check
   *     reads them again)
   */
  public static Live<Identity> identity(Identity loaded, Path certfile, Path keyfile,
      PasswordCallback password, Duration interval, boolean fresh) {
    Live<Identity> live = Live.of(loaded);
    if (interval.isZero()) {
      return live;
    }
    List<Path> files = new ArrayList<>(List.of(certfile));
    if (keyfile != null && !keyfile.equals(certfile)) {
      files.add(keyfile);
    }
    Clock clock = Clock.systemUTC();
    IdentityStatus status = new IdentityStatus(loaded, live.since(), certfile, keyfile, interval,
        clock);
    ExpirySignals expiry = new ExpirySignals(clock, Served.files(files));
    Watch.Listener<Identity> listener = new Watch.Listener<>() {
      @Override
      public void swapped(Identity now) {
        status.swapped(now, clock.instant());
        LOG.info("PemTLS: reloaded; new handshakes now present " + Served.describe(now,
            clock.instant()) + ", from " + Served.files(files));
      }

      @Override
      public void failed(String message) {
        status.failed(message);
      }

      @Override
      public void checked(Identity current) {
        status.registerOnceJmxIsUp();
        expiry.check(current.leaf());
      }

      @Override
      public void ended() {
        status.unregister();
      }
    };
    Watch<Identity> watch = new Watch<>("certificate/key", live, files,
        () -> usable(PemFiles.loadIdentity(certfile, keyfile, password), certfile),
        Served::sameChain, listener, fresh);
    LOG.info("PemTLS: presenting " + Served.describe(loaded, clock.instant()) + ", from "
        + Served.files(files) + "; checking for new versions every " + (interval.toMillis()
        % 1000 == 0 ? interval.getSeconds() + " s" : interval.toMillis() + " ms"));
    expiry.check(loaded.leaf());
    Scheduler.soon(status::registerOnceJmxIsUp);
    watch.start(interval);
    return live;
  }

  /**
   * {@code identity} if the key manager can present it, so that a version it cannot use is
   * refused here, by the watcher, and never reaches a handshake.
   */
  private static Identity usable(Identity identity, Path certfile) throws SslError {
    try {
      new IdentityKeyManager(identity);
      return identity;
    } catch (IllegalArgumentException e) {
      throw Reason.SSL_KEY_TYPE_MISMATCH.error("the key of certfile " + certfile
          + " cannot be used for TLS: " + e.getMessage());
    }
  }

  /**
   * The live trust store for {@code built}, the store {@code sources} gave when loaded.
   *
   * @param interval how often to check the CA files; zero for never
   * @param fresh whether {@code built} was read from the files just now
   */
  public static Live<TrustStore> trust(TrustStore built, TrustSources sources,
      Duration interval, boolean fresh) {
    Live<TrustStore> live = Live.of(built);
    List<Path> files = new ArrayList<>(sources.files());
    List<Path> dirs = sources.directories();
    files.addAll(dirs);
    if (interval.isZero() || files.isEmpty()) {
      return live;
    }
    Watch.Listener<TrustStore> listener = new Watch.Listener<>() {
      @Override
      public void swapped(TrustStore now) {
        LOG.info("PemTLS: reloaded the trusted CAs; new handshakes now verify against "
            + now.certificates().size() + " certificates and " + now.directories().size()
            + " directories, from " + Served.files(files));
      }

      @Override
      public void sameAgain(Live<TrustStore> current) {
        if (!dirs.isEmpty()) {
          current.changed(); // drops cached sessions, as a swap does
          LOG.info("PemTLS: the trusted CAs changed (capath " + dirs + " or a cafile); new "
              + "handshakes look CAs up afresh and cached sessions are not resumed");
        }
      }
    };
    new Watch<>("CA", live, files, sources::build, Reloading::sameTrust, listener, fresh)
        .start(interval);
    return live;
  }

  private static boolean sameTrust(TrustStore a, TrustStore b) {
    return a.certificates().equals(b.certificates()) && a.crls().equals(b.crls())
        && a.directories().equals(b.directories());
  }
}
