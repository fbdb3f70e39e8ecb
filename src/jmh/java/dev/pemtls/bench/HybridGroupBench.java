package dev.pemtls.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the post-quantum hybrid key exchange costs a PemTLS handshake beside X25519: full TLS 1.3
 * handshakes per second as {@link HandshakeBench#fullHandshake} (ECDSA P-256 server, no client
 * certificate), client and server both set to {@code group} ({@code SslContext.setGroups}),
 * whose first group is the one negotiated. PemTLS only: SunJSSE on JDK 17 has no hybrid, and the ratio wanted is
 * between the two groups.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class HybridGroupBench {
  /**
   * The groups of both sides, the one measured first: each side sends and uses a key share for
   * its first group. P-256 is second because BCJSSE enables TLS 1.3's ECDSA P-256 signatures
   * only when that curve is in the groups list (see {@code SslContext.setGroups}).
   */
  @Param({"x25519:secp256r1", "X25519MLKEM768:secp256r1"})
  public String group;

  private BenchPeers peers;
  private BenchServer server;
  private long ops;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    peers = new BenchPeers("pemtls", "TLSv1.3", "EC", false, group);
    server = new BenchServer(peers.listen(), BenchServer::echo);
  }

  /** One op: a new connection, a full handshake in {@code group}, a 1-byte round trip, close. */
  @Benchmark
  public void fullHandshake() throws IOException {
    peers.fullHandshake(peers.client, server.port());
    ops++;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    server.close();
    System.out.println("\n" + peers.checkAllFull(ops));
  }
}
