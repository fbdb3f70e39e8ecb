package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code pemtls demo}, the provider story: unchanged HttpsURLConnection code does mutual TLS in a child JVM. */
class DemoIT {
  @Test
  void demo_childAnsweredByPemTlsWithBothCertificateDicts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"demo"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, text);
    assertTrue(text.contains("| provider that answered: PemTLS "), text);
    assertTrue(text.contains("| negotiated suite: TLS_AES_256_GCM_SHA384"), text);
    assertTrue(text.contains("getpeercert): {\"subject\": [[[\"commonName\", \"localhost\"]]]"),
        text);
    assertTrue(text.contains("\"client_getpeercert\": {\"subject\": [[[\"commonName\", "
        + "\"PemTLS Demo Client\"]]]"), text);
  }
}
