package dev.pemtls.bench.startup;

import dev.pemtls.bench.startup.child.NoopAgent;
import dev.pemtls.bench.startup.child.StartupChild;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Everything the children are given, generated fresh into {@code target/startup} per run: one
 * PKI ({@link TestPki}, RSA-2048: root, server for localhost/127.0.0.1, plus an ECDSA P-256
 * client certificate from the same root), the same certificates as PKCS12 files for SunJSSE and
 * BCJSSE, PemTLS config files, the security files, and {@code child.jar} holding the child
 * program ({@link StartupChild}). Private keys are written only here, never committed.
 */
final class StartupFiles {
  /** The packaged PemTLS jar, its BouncyCastle jars in lib/ beside it. */
  final Path pemtlsJar;
  final Path libDir;
  final Path dir;
  final TestPki pki;
  final Path childJar;
  /** PemTLS config of a client: cafile only. */
  final Path clientConf;
  /** PemTLS config of the in-JVM pairs: the RSA server identity and cafile. */
  final Path mutualConf;
  final Path clientSecurity;
  final Path mutualSecurity;
  final Path bcjsseSecurity;
  /** The root as a PKCS12 trust store. */
  final Path trustStore;
  /** The RSA server identity (chain and key) as PKCS12. */
  final Path serverStore;
  /** The ECDSA P-256 client identity as PKCS12: what every child's in-JVM client presents. */
  final Path clientStore;

  StartupFiles(Path target) throws Exception {
    pemtlsJar = target.resolve("pemtls.jar");
    libDir = target.resolve("lib");
    if (!Files.isRegularFile(pemtlsJar) || !Files.isDirectory(libDir)) {
      throw new IllegalStateException(pemtlsJar + " (with lib/ beside it) is missing; build it "
          + "first:  mvn -B -o -q package -Dmaven.test.skip=true -DskipUnitTests");
    }
    dir = Files.createDirectories(target.resolve("startup"));
    // Valid for a year: PemTLS warns at start about a certificate that expires within 14 days.
    pki = new TestPki(dir, "RSA", Duration.ofDays(365));
    Issued ecClient = pki.spec("test client").keyAlgorithm("EC").issuer(pki.root)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    trustStore = store("ca.p12", null, pki.root);
    serverStore = store("server.p12", pki.server, pki.root);
    clientStore = store("client-ec.p12", ecClient, pki.root);
    clientConf = Files.write(dir.resolve("client.conf"), List.of("cafile=" + pki.caFile));
    mutualConf = Files.write(dir.resolve("mutual.conf"), List.of("cafile=" + pki.caFile,
        "certfile=" + pki.serverChain, "keyfile=" + pki.serverKey));
    Path example = Path.of("src/conf/pemtls.security");
    clientSecurity = security(example, "pemtls-client.security", "PemTLS " + clientConf);
    mutualSecurity = security(example, "pemtls-mutual.security", "PemTLS " + mutualConf);
    // Plain BCJSSE, as the JMH benchmarks' baseline: on its own BouncyCastleProvider instance,
    // which the argument names by class (BCJSSE creates it; it is not in the provider list).
    // With no argument BCJSSE finds no "DEFAULT" SecureRandom among the JDK's providers. It
    // has no SunX509 key manager factory (the JDK's default algorithm, SunJSSE's): PKIX.
    bcjsseSecurity = security(example, "bcjsse.security",
        "org.bouncycastle.jsse.provider.BouncyCastleJsseProvider "
        + "org.bouncycastle.jce.provider.BouncyCastleProvider\n"
        + "ssl.KeyManagerFactory.algorithm=PKIX");
    childJar = childJar(dir.resolve("child.jar"));
  }

  /** A PKCS12 file holding {@code leaf}'s key and chain, or only {@code ca} when leaf is null. */
  private Path store(String name, Issued leaf, Issued ca) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    if (leaf == null) {
      ks.setCertificateEntry("ca", ca.certificate());
    } else {
      ks.setKeyEntry("identity", leaf.keys().getPrivate(),
          StartupChild.STORE_PASSWORD.toCharArray(),
          new Certificate[] {leaf.certificate(), ca.certificate()});
    }
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, StartupChild.STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  /**
   * The shipped security file with its first provider replaced: PemTLS with the given config, or
   * plain BCJSSE. Both lists are then the JDK's own, in the same order, without SunJSSE.
   */
  private Path security(Path example, String name, String provider1) throws IOException {
    String text = Files.readString(example);
    String line = "security.provider.1=PemTLS /etc/pemtls/pemtls.conf";
    if (!text.contains(line)) {
      throw new IllegalStateException(example + " no longer has '" + line + "'");
    }
    return Files.writeString(dir.resolve(name),
        text.replace(line, "security.provider.1=" + provider1));
  }

  /**
   * The child program's classes, and only those, as a jar (no PemTLS, no BouncyCastle); its
   * manifest names {@link NoopAgent} as an agent.
   */
  private static Path childJar(Path jar) throws IOException, URISyntaxException {
    Path classes = Path.of(StartupChild.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    String pkg = StartupChild.class.getPackageName().replace('.', '/');
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    // -javaagent:child.jar, for the SunJSSE children that measure what any agent costs
    m.getMainAttributes().put(new Attributes.Name("Premain-Class"), NoopAgent.class.getName());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, m);
        Stream<Path> files = Files.list(classes.resolve(pkg))) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        out.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
        try (InputStream in = Files.newInputStream(f)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}
