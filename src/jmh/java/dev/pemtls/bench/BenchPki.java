package dev.pemtls.bench;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Certificates and PEM files shared by the benchmarks. */
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

  /** A CA, a server leaf for localhost/127.0.0.1 issued by it, and its PEM files. */
  static final class Server {
    final Issued ca;
    final Issued leaf;
    final Path caFile;
    final Path certFile;
    final Path keyFile;

    Server(Path dir, String keyAlgorithm) throws IOException {
      Files.createDirectories(dir);
      ca = longLived(new Spec("Bench CA " + keyAlgorithm)).keyAlgorithm(keyAlgorithm).ca()
          .issue();
      leaf = longLived(new Spec("localhost")).keyAlgorithm(keyAlgorithm).issuer(ca)
          .dns("localhost").ip("127.0.0.1")
          .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
      caFile = DemoPki.write(dir.resolve("ca.pem"), DemoPki.pem(ca.certificate()));
      certFile = DemoPki.write(dir.resolve("server.pem"),
          DemoPki.pem(leaf.certificate(), ca.certificate()));
      keyFile = DemoPki.write(dir.resolve("server.key"), DemoPki.pem(leaf.keys().getPrivate()));
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
