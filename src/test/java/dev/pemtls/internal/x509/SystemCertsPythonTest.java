package dev.pemtls.internal.x509;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every CA certificate the system trusts decodes exactly as CPython decodes it. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class SystemCertsPythonTest {
  private static final Path CERTS = Path.of("/etc/ssl/certs");

  @Test
  void decode_everySystemCaCertificate_matchesPython() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.exists(CERTS) ? Files.list(CERTS) : Stream.empty()) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList();
    }
    assumeFalse(files.isEmpty(), "no /etc/ssl/certs/*.pem on this machine");
    List<String> python = PythonOracle.decode(files);
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      String expected = python.get(i);
      checks.add(() -> {
        X509Certificate cert;
        try (var in = Files.newInputStream(file)) {
          cert = (X509Certificate) cf.generateCertificate(in);
        }
        assertEquals(expected, Json.write(CertificateDict.decode(cert)), file.toString());
      });
    }
    assertAll("system CA certificates", checks);
  }
}
