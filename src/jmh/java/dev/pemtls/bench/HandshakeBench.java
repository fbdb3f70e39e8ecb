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
 * Full handshakes per second on loopback, one client at a time, client and server of the same
 * implementation ({@link BenchPeers}: {@code impl}, {@code version} with its suite, server
 * {@code key}, and {@code clientAuth}: the server requires a certificate and the client presents
 * its ECDSA P-256 one).
 *
 * <p>Every op is a full handshake: the client invalidates its session after each op, and the
 * trial's tear-down checks that the client's {@code checkServerTrusted} ran once per op (a
 * resumed handshake sends no certificate) and that the server's {@code checkClientTrusted} ran
 * once per op with {@code clientAuth}, never without. It fails the trial otherwise.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2) // one fork's ratio moved by ±0.3 from run to run on 2 shared cores
@Warmup(iterations = 5, time = 3) // on 2 cores the JIT still raises the rate after 15 s
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class HandshakeBench {
  @Param({"TLSv1.3", "TLSv1.2"})
  public String version;

  @Param({"RSA", "EC"})
  public String key;

  @Param({"false", "true"})
  public boolean clientAuth;

  @Param({"pemtls", "sunjsse", "bcjsse"})
  public String impl;

  private BenchPeers peers;
  private BenchServer server;
  private long ops;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    peers = new BenchPeers(impl, version, key, clientAuth);
    server = new BenchServer(peers.listen(), BenchServer::echo);
  }

  /**
   * One op: a new TCP connection to 127.0.0.1, a full handshake (the client verifies the chain
   * and host name "localhost"; with {@code clientAuth} the server verifies the client's chain), a
   * 1-byte round trip so that the server has finished too, the session invalidated, close.
   */
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
