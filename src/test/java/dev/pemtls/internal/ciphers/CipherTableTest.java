package dev.pemtls.internal.ciphers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.OpenSslBinary;
import java.security.Provider;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CipherTableTest {
  private final CipherTable table = CipherTable.get();

  @Test
  void bcjsseColumnMatchesTheSuitesBctlsOnTheClassPathSupports() throws Exception {
    Provider jsse = new BouncyCastleJsseProvider(new BouncyCastleProvider());
    SSLContext ctx = SSLContext.getInstance("TLS", jsse);
    ctx.init(null, null, null);
    Set<String> supported = new HashSet<>(
        List.of(ctx.getSupportedSSLParameters().getCipherSuites()));
    Set<String> wrong = new TreeSet<>();
    for (CipherSuite s : table.all()) {
      if (s.bcjsse() != supported.contains(s.ianaName())) {
        wrong.add(s.ianaName() + (s.bcjsse() ? " (table says yes)" : " (table says no)"));
      }
    }
    assertEquals(Set.of(), wrong);
  }

  @Test
  void everyDefaultBuildSuiteOfTheOpenSslBinaryIsInTheTableWithItsId() {
    OpenSslBinary.assume30();
    OpenSslBinary.Result r = OpenSslBinary.run("ciphers", "-V", "-ciphersuites",
        "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
            + "TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256", "ALL:COMPLEMENTOFALL");
    Set<String> seen = new HashSet<>();
    for (String line : r.out().split("\n")) {
      String[] f = line.strip().split("\\s+");
      int id = Integer.decode(f[0].substring(0, 4)) << 8 | Integer.decode(f[0].substring(5));
      CipherSuite s = table.byName(f[2]).orElseThrow(() -> new AssertionError(f[2]));
      assertEquals(id, s.id(), s.name());
      assertTrue(s.inDefaultBuild(), s.name());
      assertEquals(line.substring(line.indexOf(f[2])).stripTrailing(),
          s.description().stripTrailing());
      seen.add(s.name());
    }
    for (CipherSuite s : table.all()) {
      assertEquals(seen.contains(s.name()), s.inDefaultBuild(), s.name());
    }
  }

  @Test
  void lookupsByOpenSslNameIanaNameAndIdAgree() {
    CipherSuite s = table.byName("ECDHE-ECDSA-AES256-GCM-SHA384").orElseThrow();
    assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", s.ianaName());
    assertEquals(0xC02C, s.id());
    assertEquals(s, table.byIanaName(s.ianaName()).orElseThrow());
    assertEquals(s, table.byId(0xC02C).orElseThrow());
    assertFalse(table.byName("ecdhe-ecdsa-aes256-gcm-sha384").isPresent());
    Set<Integer> ids = new HashSet<>();
    for (CipherSuite c : table.all()) {
      assertTrue(ids.add(c.id()), "duplicate id " + c.name());
    }
  }

  @Test
  void valuesAreOpenSsl30s() {
    // 3.0 rates CCM8 HIGH with 128 bits (3.2 moved it to MEDIUM, 64 bits).
    CipherSuite ccm8 = table.byName("ECDHE-ECDSA-AES128-CCM8").orElseThrow();
    assertEquals("HIGH", ccm8.strengthClass());
    assertEquals(128, ccm8.strengthBits());
    assertTrue(ccm8.notInDefault());
    CipherSuite tls13ccm8 = table.byName("TLS_AES_128_CCM_8_SHA256").orElseThrow();
    assertEquals("HIGH", tls13ccm8.strengthClass());
    CipherSuite des3 = table.byName("DES-CBC3-SHA").orElseThrow();
    assertEquals(112, des3.strengthBits());
    assertEquals(168, des3.algorithmBits());
    assertFalse(des3.inDefaultBuild(), "3DES needs enable-weak-ssl-ciphers in 3.0");
    assertEquals("TLSv1", table.byName("ECDHE-RSA-AES128-SHA").orElseThrow().versionText());
  }
}
