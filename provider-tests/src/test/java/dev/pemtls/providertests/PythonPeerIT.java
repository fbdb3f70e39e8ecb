package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CPython ssl server as the peer: capath trust and a cipher string narrowing the suites. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class PythonPeerIT {
  @TempDir Path dir;

  @Test
  void capathTrustAndCipherString_negotiateTheOneSuiteAllowed() throws Exception {
    Pki pki = new Pki(dir);
    Path conf = pki.conf("capath=capath", "ciphers=ECDHE-ECDSA-AES128-GCM-SHA256",
        "ciphersuites=TLS_AES_128_GCM_SHA256", "maximum_version=TLSv1.2");
    try (PythonPeer.Server python = PythonPeer.serve(pki.base.serverChain,
        pki.base.serverKey, 1)) {
      ChildJvm c = ChildJvm.run(List.of("-Djava.security.properties="
          + ChildJvm.securityFile(dir, conf)), "info", "line:" + python.port());
      assertEquals("info provider=PemTLS suites=TLS_AES_128_GCM_SHA256,"
          + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 java=" + ChildJvm.javaFeature(),
          c.line("info "));
      // Python reports OpenSSL's name for what it negotiated.
      assertEquals("line OK TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 "
          + "ECDHE-ECDSA-AES128-GCM-SHA256 TLSv1.2", c.line("line "));
    }
  }
}
