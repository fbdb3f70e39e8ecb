package dev.pemtls.internal.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A groups list that leaves out the curve of the context's own ECDSA certificate is accepted (it
 * is OpenSSL's setting) but warned about: BCJSSE enables ECDSA signatures only for curves in the
 * groups list, so TLS 1.3 handshakes could not use the certificate.
 */
class EcdsaCurveWarningTest {
  @TempDir Path dir;

  @Test
  void groupsWithoutTheCertificatesCurve_warnOnce_withTheFix() throws Exception {
    TestPki pki = new TestPki(dir, "EC");
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().equals(Level.WARNING)) {
          warnings.add(r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger("dev.pemtls");
    log.addHandler(h);
    try {
      SslContext ctx = pki.serverContext(VerifyMode.CERT_NONE);
      ctx.setEcdhCurve("prime256v1");
      new Floor(ContextSettings.of(ctx));
      assertEquals(List.of(), warnings, "P-256 is in the list");
      ctx.setEcdhCurve("X25519");
      new Floor(ContextSettings.of(ctx));
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("leave out secp256r1")
          && warnings.get(0).contains("add secp256r1 to the groups"), warnings.get(0));
    } finally {
      log.removeHandler(h);
    }
  }
}
