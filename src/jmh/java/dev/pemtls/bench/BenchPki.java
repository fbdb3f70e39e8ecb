package dev.pemtls.bench;

import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * Where benchmarks keep their files, and the long-lived certificates of the capath benchmark,
 * whose thousands of CAs are generated once and reused across runs ({@link #longLived}).
 */
final class BenchPki {
  private BenchPki() {}

  /** Where benchmarks keep generated files: {@code -Dpemtls.bench.dir}, else target/bench-data. */
  static Path dataDir() throws IOException {
    return Files.createDirectories(
        Path.of(System.getProperty("pemtls.bench.dir", "target/bench-data")).toAbsolutePath());
  }

  static Spec longLived(Spec s) {
    Instant now = Instant.now();
    return s.validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
  }

  /**
   * The test PKI's CA and server leaf (localhost/127.0.0.1, {@link TestPki}), fresh per run, with
   * the in-memory key stores the plain-JSSE baselines need.
   */
  static final class Server {
    final Issued ca;
    final Issued leaf;
    final Path caFile;
    final Path certFile;
    final Path keyFile;

    Server(Path dir, String keyAlgorithm) throws IOException {
      TestPki pki = new TestPki(Files.createDirectories(dir), keyAlgorithm);
      ca = pki.root;
      leaf = pki.server;
      caFile = pki.caFile;
      certFile = pki.serverChain;
      keyFile = pki.serverKey;
    }

    /** The server identity as an in-memory PKCS12 key store (password "bench"). */
    KeyStore identityStore() throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", leaf.keys().getPrivate(), password(),
          new Certificate[] {leaf.certificate(), ca.certificate()});
      return ks;
    }

    /** The CA as an in-memory PKCS12 trust store. */
    KeyStore trustStore() throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("ca", ca.certificate());
      return ks;
    }

    X509Certificate[] chain() {
      return new X509Certificate[] {leaf.certificate(), ca.certificate()};
    }

    static char[] password() {
      return "bench".toCharArray();
    }
  }
}
