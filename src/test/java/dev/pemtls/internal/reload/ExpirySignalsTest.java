package dev.pemtls.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class ExpirySignalsTest {
  /** A clock the test moves. */
  private static final class Hands extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static X509Certificate expiringAt(Instant notAfter) {
    Issued ca = new Spec("Expiry CA").ca().issue();
    return new Spec("soon").issuer(ca)
        .validity(notAfter.minus(Duration.ofDays(90)), notAfter).issue().certificate();
  }

  @Test
  void within14Days_warnsDaily_thenOneErrorOnceExpired() {
    Hands clock = new Hands();
    X509Certificate cert = expiringAt(clock.now.plus(Duration.ofDays(10)));
    ExpirySignals signals = new ExpirySignals(clock, "tls.crt");
    try (LogCapture log = new LogCapture()) {
      assertEquals(Level.WARNING, signals.check(cert));
      clock.now = clock.now.plus(Duration.ofHours(23));
      assertNull(signals.check(cert), "not again the same day");
      clock.now = clock.now.plus(Duration.ofHours(1));
      assertEquals(Level.WARNING, signals.check(cert), "again a day later");
      clock.now = clock.now.plus(Duration.ofDays(9).plusHours(1));
      assertEquals(Level.SEVERE, signals.check(cert), "expired");
      clock.now = clock.now.plus(Duration.ofDays(1));
      assertNull(signals.check(cert), "the error is logged once");
      assertEquals(2, log.at(Level.WARNING).size());
      assertEquals(1, log.at(Level.SEVERE).size());
      String error = log.at(Level.SEVERE).get(0);
      assertEquals(true, error.contains("EXPIRED") && error.contains("tls.crt"), error);
    }
  }

  @Test
  void moreThan14DaysLeft_saysNothing_andARenewedCertificateStartsAfresh() {
    Hands clock = new Hands();
    ExpirySignals signals = new ExpirySignals(clock, "tls.crt");
    assertNull(signals.check(expiringAt(clock.now.plus(Duration.ofDays(15)))));
    X509Certificate soon = expiringAt(clock.now.plus(Duration.ofDays(3)));
    assertEquals(Level.WARNING, signals.check(soon));
    assertEquals(Level.WARNING, signals.check(expiringAt(clock.now.plus(Duration.ofDays(5)))),
        "a different certificate is warned about at once");
  }
}
