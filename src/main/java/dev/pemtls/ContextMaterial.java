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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  /** One identity per key kind ({@link Identity#keySlot}), in load order: the last is current. */
  private final Map<String, Slot> slots = new LinkedHashMap<>();
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
    slots.replaceAll((kind, s) -> new Slot(Reloading.identity(s.live.get(), s.certfile,
        s.keyfile, s.password, interval, false), s.certfile, s.keyfile, s.password));
    trust = Reloading.trust(trust.get(), sources, interval, false);
  }

  /** The live identity loaded last (OpenSSL's current certificate), or null when none is. */
  Live<Identity> identity() {
    Live<Identity> last = null;
    for (Slot s : slots.values()) {
      last = s.live;
    }
    return last;
  }

  /** The identities of the other key types, the most recently loaded first. */
  List<Live<Identity>> moreIdentities() {
    List<Live<Identity>> out = new ArrayList<>();
    for (Slot s : slots.values()) {
      out.add(0, s.live);
    }
    return out.isEmpty() ? out : out.subList(1, out.size());
  }

  Live<TrustStore> trust() {
    return trust;
  }

  /**
   * Installs {@code loaded}, read from these files, as the current identity. It replaces the
   * one of the same key kind, as OpenSSL's {@code SSL_CTX_use_certificate} replaces that kind's
   * slot, and keeps those of other kinds.
   *
   * @param password what a reload calls for an encrypted key
   */
  void identity(Identity loaded, Path certfile, Path keyfile, PasswordCallback password) {
    String kind = loaded.keySlot();
    slots.remove(kind);
    slots.put(kind, new Slot(Reloading.identity(loaded, certfile, keyfile, password,
        reloadInterval, true), certfile, keyfile, password));
  }

  /** One key kind's identity and the files it is (re)loaded from. */
  private record Slot(Live<Identity> live, Path certfile, Path keyfile,
      PasswordCallback password) {}

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
