package dev.pemtls;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.reload.Live;
import dev.pemtls.internal.reload.Reloading;
import dev.pemtls.internal.trust.TrustSources;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerifyLocations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The files-backed part of an {@link SslContext}: its identity and trust as {@link Live}
 * references, what they were loaded from, and the reload interval that decides whether a watcher
 * follows those files. Each load makes new references, so snapshots taken before a load keep
 * theirs (and their watchers), as Python's contexts keep what sockets already got.
 *
 * <p>Not thread-safe: {@code SslContext} calls it under its own lock.
 */
final class ContextMaterial {
  /** For a key whose char[] password was not kept: reloading it fails with this explanation. */
  static final PasswordCallback NOT_KEPT = () -> {
    throw new IOException("the key is encrypted and its password was passed to loadCertChain "
        + "as char[] while reloading was off, so PemTLS did not keep it; call "
        + "setReloadInterval before loadCertChain, or pass a PasswordCallback");
  };

  private Duration reloadInterval = Duration.ZERO;
  private Live<Identity> identity;
  private Path certfile;
  private Path keyfile;
  private PasswordCallback password;
  private Live<TrustStore> trust = Live.of(TrustStore.empty());
  private TrustSources sources = TrustSources.none();

  Duration reloadInterval() {
    return reloadInterval;
  }

  /** Sets the interval and, when it changed, re-attaches the identity and trust to it. */
  void reloadInterval(Duration interval) {
    if (interval.equals(reloadInterval)) {
      return;
    }
    reloadInterval = interval;
    if (identity != null) {
      identity = Reloading.identity(identity.get(), certfile, keyfile, password, interval,
          false);
    }
    trust = Reloading.trust(trust.get(), sources, interval, false);
  }

  /** The live identity, or null when none is loaded. */
  Live<Identity> identity() {
    return identity;
  }

  Live<TrustStore> trust() {
    return trust;
  }

  /**
   * Installs {@code loaded}, read from these files.
   *
   * @param password what a reload calls for an encrypted key
   */
  void identity(Identity loaded, Path certfile, Path keyfile, PasswordCallback password) {
    this.certfile = certfile;
    this.keyfile = keyfile;
    this.password = password;
    identity = Reloading.identity(loaded, certfile, keyfile, password, reloadInterval, true);
  }

  /**
   * Adds one load's trusted CAs: {@code fromFile} read from {@code cafile} (re-read on reload),
   * and {@code rest} (capath and cadata).
   */
  void addTrusted(Path cafile, VerifyLocations fromFile, VerifyLocations rest) {
    TrustStore next = trust.get();
    if (fromFile != null) {
      next = fromFile.addTo(next);
    }
    next = rest.addTo(next);
    sources = sources.plus(cafile, rest);
    trust = Reloading.trust(next, sources, reloadInterval, true);
  }
}
