package dev.pemtls.internal.reload;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The expiry signals of a live certificate: a WARNING when it expires within {@value
 * #WARN_DAYS} days, repeated once a day while that lasts, and one SEVERE (error) line once it
 * has expired. A new certificate starts afresh.
 */
final class ExpirySignals {
  static final int WARN_DAYS = 14;
  private static final Logger LOG = Logger.getLogger("dev.pemtls.reload");
  private static final Duration REPEAT = Duration.ofDays(1);

  private final Clock clock;
  private final String files;
  private X509Certificate certificate;
  private Instant lastWarning;
  private boolean expiredSaid;

  /** @param files the files the certificate comes from, for the log lines */
  ExpirySignals(Clock clock, String files) {
    this.clock = clock;
    this.files = files;
  }

  /**
   * Logs what {@code leaf}'s expiry calls for now, if anything; called after each check.
   *
   * @return the level logged, or null for none (for tests)
   */
  synchronized Level check(X509Certificate leaf) {
    if (leaf != certificate) {
      certificate = leaf;
      lastWarning = null;
      expiredSaid = false;
    }
    Instant now = clock.instant();
    Instant notAfter = leaf.getNotAfter().toInstant();
    String who = "the certificate PemTLS serves (serial " + Served.serial(leaf) + ", subject "
        + leaf.getSubjectX500Principal().getName() + ", from " + files + ")";
    if (now.isAfter(notAfter)) {
      if (expiredSaid) {
        return null;
      }
      expiredSaid = true;
      LOG.log(Level.SEVERE, "PemTLS: " + who + " EXPIRED at " + notAfter + "; peers refuse it. "
          + "Replace the files with a renewed certificate and key");
      return Level.SEVERE;
    }
    if (Duration.between(now, notAfter).compareTo(Duration.ofDays(WARN_DAYS)) > 0) {
      return null;
    }
    if (lastWarning != null && Duration.between(lastWarning, now).compareTo(REPEAT) < 0) {
      return null;
    }
    lastWarning = now;
    LOG.log(Level.WARNING, "PemTLS: " + who + " expires at " + notAfter + ", in "
        + Served.timeLeft(leaf, now) + "; renew it (with reloading on, replacing the "
        + "files is enough)");
    return Level.WARNING;
  }
}
