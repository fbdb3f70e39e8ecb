package dev.pemtls.bench;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.internal.trust.ChainVerifier;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerifyLocations;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A capath of {@code cas} CA certificates (default 10,000; EC P-256, one PEM file each, rehashed
 * with {@link Rehash}) and a server leaf issued by one of them: the first verification against a
 * freshly opened, lazily read capath (open + one hashed look-up) versus reading the same CAs
 * eagerly from one concatenated cafile and then verifying.
 *
 * <p>Files are generated once into {@code target/bench-data/capath-<cas>} and reused by later
 * runs (the leaf is valid for ten years). The OS page cache is warm in both cases.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class CapathBench {
  @Param({"10000"})
  public int cas;

  private Path capath;
  private Path cafile;
  private X509Certificate[] peerChain;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dir = BenchPki.dataDir().resolve("capath-" + cas);
    capath = dir.resolve("certs");
    cafile = dir.resolve("all-cas.pem");
    Path leafFile = dir.resolve("leaf.pem");
    Path done = dir.resolve("complete");
    if (!Files.exists(done)) {
      generate(dir, leafFile);
      Files.writeString(done, "ok\n");
    }
    List<X509Certificate> leaf = dev.pemtls.internal.pem.PemFiles.readCaFile(leafFile).certificates();
    peerChain = leaf.toArray(new X509Certificate[0]);
    // Both paths must actually verify.
    if (lazy().isEmpty() || eager().isEmpty()) {
      throw new IllegalStateException("verification returned no chain");
    }
  }

  private void generate(Path dir, Path leafFile) throws Exception {
    Files.createDirectories(capath);
    try (var ds = Files.newDirectoryStream(capath)) {
      for (Path p : ds) {
        Files.delete(p);
      }
    }
    // One key pair for all CAs keeps generation fast; subjects (and so hashes) differ.
    KeyPair keys = DemoPki.keyPair("EC");
    Issued issuing = null;
    try (BufferedWriter all = Files.newBufferedWriter(cafile, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < cas; i++) {
        Issued ca = BenchPki.longLived(new Spec(String.format("Bench CA %05d", i))).keys(keys)
            .ca().issue();
        String pem = DemoPki.pem(ca.certificate());
        Files.writeString(capath.resolve(String.format("ca-%05d.pem", i)), pem);
        all.write(pem);
        if (i == cas / 2) {
          issuing = ca;
        }
      }
    }
    Issued leaf = BenchPki.longLived(new Spec("localhost")).issuer(issuing).dns("localhost")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    DemoPki.write(leafFile, DemoPki.pem(leaf.certificate()));
    ByteArrayOutputStream msgs = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(msgs, true, StandardCharsets.UTF_8);
    int errors = dev.pemtls.cli.Main.run(new String[] {"rehash", capath.toString()}, ps, ps);
    if (errors != 0) {
      throw new IllegalStateException("rehash failed: " + msgs);
    }
  }

  /** (a) Lazy capath: a fresh directory each call, so this is open + first look-up + verify. */
  @Benchmark
  public List<X509Certificate> lazyCapathFirstVerify() throws Exception {
    return lazy();
  }

  /** (b) Eager: parse all CAs from one cafile into a trust store, then verify. */
  @Benchmark
  public List<X509Certificate> eagerCafileLoadAndVerify() throws Exception {
    return eager();
  }

  private List<X509Certificate> lazy() throws Exception {
    TrustStore store = VerifyLocations.load(null, capath, null).addTo(TrustStore.empty());
    return new ChainVerifier(store).verify(peerChain, true, "localhost");
  }

  private List<X509Certificate> eager() throws Exception {
    TrustStore store = VerifyLocations.load(cafile, null, null).addTo(TrustStore.empty());
    return new ChainVerifier(store).verify(peerChain, true, "localhost");
  }
}
