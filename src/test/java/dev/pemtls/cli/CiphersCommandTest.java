package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.ciphers.CipherSuite;
import dev.pemtls.internal.ciphers.CipherTable;
import dev.pemtls.testing.OpenSslBinary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CiphersCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run pemtls(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 1];
    all[0] = "ciphers";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** openssl's lines, kept only for suites BCJSSE negotiates (named in column {@code col}). */
  private static String negotiableLines(String text, int col) {
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\n")) {
      String name = line.strip().split("\\s+")[col];
      if (CipherTable.get().byName(name).map(CipherSuite::bcjsse).orElse(false)) {
        kept.add(line);
      }
    }
    return String.join("\n", kept) + "\n";
  }

  @Test
  void verboseOutputMatchesOpenSslForNegotiableSuites() {
    OpenSslBinary.assume30();
    for (String rule : new String[] {"ALL:COMPLEMENTOFALL", "HIGH:!aNULL:!MD5", "DEFAULT",
        "ECDHE+AESGCM:DHE+AESGCM:@STRENGTH"}) {
      Run mine = pemtls("-v", rule);
      assertEquals(0, mine.exit(), mine.err());
      assertEquals(negotiableLines(OpenSslBinary.run("ciphers", "-v", rule).out(), 0),
          mine.out(), rule);
    }
  }

  @Test
  void idsStdnameAndSupportedViewMatchOpenSsl() {
    OpenSslBinary.assume30();
    String rule = "ALL:COMPLEMENTOFALL:@SECLEVEL=0";
    assertEquals(negotiableLines(OpenSslBinary.run("ciphers", "-V", "-s", rule).out(), 2),
        pemtls("-V", "-s", rule).out());
    assertEquals(negotiableLines(
            OpenSslBinary.run("ciphers", "-stdname", "-s", "-tls1_2", "HIGH").out(), 2),
        pemtls("-stdname", "-s", "-tls1_2", "HIGH").out());
  }

  @Test
  void plainOutputIsColonSeparatedWithTls13First() {
    Run r = pemtls("-ciphersuites", "TLS_AES_128_GCM_SHA256", "ECDHE+AESGCM+aRSA");
    assertEquals("TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
        + "ECDHE-RSA-AES128-GCM-SHA256\n", r.out());
  }

  @Test
  void emptySelectionExitsOneWithOpenSslsMessage() {
    Run r = pemtls("NOSUCH");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("Error in cipher list"), r.err());
    Run psk = pemtls("PSK");
    assertEquals(1, psk.exit());
    assertTrue(psk.err().contains("cannot negotiate"), psk.err());
  }
}
