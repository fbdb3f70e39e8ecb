package dev.pemtls.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.cli.DemoPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PemTLS answers every name SunJSSE answers for TLS, so that a provider list without SunJSSE
 * serves every look-up (and nothing needs SunJSSE to be there to fall back to).
 */
class ProviderNamesTest {
  @TempDir static Path dir;
  static Provider pemtls;

  /** SunJSSE's names and aliases (JDK 17 to 25), DTLS aside, which PemTLS does not offer. */
  static final List<String> SUNJSSE_NAMES = List.of("SSLContext.Default", "SSLContext.TLS",
      "SSLContext.SSL", "SSLContext.TLSv1", "SSLContext.SSLv3", "SSLContext.TLSv1.1",
      "SSLContext.TLSv1.2", "SSLContext.TLSv1.3", "KeyManagerFactory.SunX509",
      "KeyManagerFactory.NewSunX509", "KeyManagerFactory.PKIX", "TrustManagerFactory.PKIX",
      "TrustManagerFactory.SunX509", "TrustManagerFactory.SunPKIX", "TrustManagerFactory.X509",
      "TrustManagerFactory.X.509");

  @BeforeAll
  static void provider() throws Exception {
    DemoPki.create(dir, "EC");
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("cafile=ca.pem"));
    pemtls = new PemTlsProvider().configure(conf.toString());
  }

  @Test
  void everyNameSunJsseOffers_isOfferedByPemTls() {
    Provider sun = Security.getProvider("SunJSSE");
    List<String> missing = new ArrayList<>();
    for (String name : SUNJSSE_NAMES) {
      String[] typeAlg = name.split("\\.", 2);
      assertNotNull(sun.getService(typeAlg[0], typeAlg[1]), "SunJSSE itself lacks " + name);
      if (pemtls.getService(typeAlg[0], typeAlg[1]) == null) {
        missing.add(name);
      }
    }
    for (Provider.Service s : sun.getServices()) {
      boolean tls = List.of("SSLContext", "KeyManagerFactory", "TrustManagerFactory")
          .contains(s.getType()) && !s.getAlgorithm().startsWith("DTLS");
      if (tls && pemtls.getService(s.getType(), s.getAlgorithm()) == null) {
        missing.add(s.getType() + "." + s.getAlgorithm());
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void versionTheConfigRefuses_failsClearlyAtInit() throws Exception {
    for (String old : List.of("TLSv1", "TLSv1.1", "SSLv3")) {
      SSLContext ctx = SSLContext.getInstance(old, pemtls);
      KeyManagementException e = assertThrows(KeyManagementException.class,
          () -> ctx.init(null, null, null));
      assertTrue(e.getMessage().contains("enables none of the configured protocols"),
          e.getMessage());
      assertTrue(e.getMessage().contains("minimum_version"), e.getMessage());
    }
  }

  @Test
  void tlsV12_stillCapsAtTls12() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLSv1.2", pemtls);
    ctx.init(null, null, null);
    assertEquals(List.of("TLSv1.2"), List.of(ctx.getDefaultSSLParameters().getProtocols()));
  }
}
