package dev.pemtls.bench;

import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;
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
   * The test PKI's CA and server leaf (localhost/127.0.0.1, {@link TestPki}) of the given key
   * type, and a client leaf (ECDSA P-256, clientAuth) from the same CA whatever the server's key,
   * fresh per run, with the in-memory key stores the plain-JSSE baselines need.
   */
  static final class Server {
    final Issued ca;
    final Issued leaf;
    final Issued client;
    final Path caFile;
    final Path certFile;
    final Path keyFile;
    final Path clientCertFile;
    final Path clientKeyFile;

    Server(Path dir, String keyAlgorithm) throws IOException {
      TestPki pki = new TestPki(Files.createDirectories(dir), keyAlgorithm);
      ca = pki.root;
      leaf = pki.server;
      caFile = pki.caFile;
      certFile = pki.serverChain;
      keyFile = pki.serverKey;
      // TestPki's client has the server's key type; the benchmarks' client is always P-256.
      client = keyAlgorithm.equals("EC") ? pki.client : new Spec("bench client")
          .keyAlgorithm("EC").issuer(ca).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
      clientCertFile = pki.writeChain("bench-client.pem", client);
      clientKeyFile = pki.writeKey("bench-client.key", client);
    }

    /** The server identity as an in-memory PKCS12 key store (password "bench"). */
    KeyStore identityStore() throws Exception {
      return store("server", leaf);
    }

    /** The client identity as an in-memory PKCS12 key store (password "bench"). */
    KeyStore clientIdentityStore() throws Exception {
      return store("client", client);
    }

    private KeyStore store(String alias, Issued identity) throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(alias, identity.keys().getPrivate(), password(),
          new Certificate[] {identity.certificate(), ca.certificate()});
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
