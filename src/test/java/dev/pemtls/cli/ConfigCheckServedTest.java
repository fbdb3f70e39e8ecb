package dev.pemtls.cli;

import dev.pemtls.internal.demo.DemoPki;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.reload.Served;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pemtls config-check} says what would be served, from where, until when. */
class ConfigCheckServedTest {
  @TempDir Path dir;

  private String check(String... lines) throws Exception {
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of(lines));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Main.run(new String[] {"config-check", conf.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void identity_printsSerialValidityFilesAndReloading() throws Exception {
    DemoPki.DemoFiles pki = DemoPki.create(dir, "EC");
    X509Certificate leaf;
    try (InputStream in = Files.newInputStream(pki.serverCert())) {
      leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String text = check("certfile=server.pem", "keyfile=server.key", "cafile=ca.pem");
    assertTrue(text.contains("  serves: serial " + Served.serial(leaf) + ", subject CN=localhost"
        + ", notBefore " + leaf.getNotBefore().toInstant() + ", notAfter "
        + leaf.getNotAfter().toInstant()), text);
    assertTrue(text.contains("  from: " + pki.serverCert().toAbsolutePath().normalize() + ", "
        + pki.serverKey().toAbsolutePath().normalize()), text);
    // The demo certificates are valid for one day.
    assertTrue(text.contains("  WARNING: the certificate expires in less than a day"), text);
    assertTrue(text.contains("  reload: the files are checked every 5 s (reload_interval)"),
        text);
    assertTrue(check("certfile=server.pem", "keyfile=server.key", "cafile=ca.pem",
        "reload_interval=0").contains("  reload: off (reload_interval=0)"));
  }
}
