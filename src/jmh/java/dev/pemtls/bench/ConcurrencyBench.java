package dev.pemtls.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full TLS 1.3 (TLS_AES_256_GCM_SHA384) handshakes per second, all clients together, with 1, 10
 * and 100 clients connecting at once: one JMH thread per client, one {@link BenchServer} thread
 * per connection, client and server of the same implementation ({@link BenchPeers}), EC P-256
 * server, no client certificate. Each client thread has a client context (and so a session cache)
 * of its own, as separate clients would: with one shared cache a client could resume the session
 * another one has not yet invalidated. JMH's thread count cannot be a parameter, so there is one
 * benchmark method per count. Client and server share the same two cores here, so this measures
 * how a stack holds up under contention, not how it scales on more cores.
 *
 * <p>Every op is a full handshake, checked as in {@link HandshakeBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class ConcurrencyBench {
  @Param({"pemtls", "sunjsse", "bcjsse"})
  public String impl;

  private BenchPeers peers;
  private BenchServer server;
  private final AtomicLong ops = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    peers = new BenchPeers(impl, "TLSv1.3", "EC", false);
    server = new BenchServer(peers.listen(), BenchServer::echo);
  }

  /** One client thread's own client context. */
  @State(Scope.Thread)
  public static class Client {
    SSLContext context;

    @Setup(Level.Trial)
    public void setUp(ConcurrencyBench bench) throws Exception {
      context = bench.peers.newClient();
    }
  }

  /**
   * One op, in each client thread: a new TCP connection, a full handshake, a 1-byte round trip,
   * the session invalidated, close.
   */
  private void handshake(Client client) throws IOException {
    peers.fullHandshake(client.context, server.port());
    ops.incrementAndGet();
  }

  /** One client: {@link #handshake}. */
  @Benchmark
  @Threads(1)
  public void clients1(Client client) throws IOException {
    handshake(client);
  }

  /** Ten clients at once, each doing {@link #handshake}. */
  @Benchmark
  @Threads(10)
  public void clients10(Client client) throws IOException {
    handshake(client);
  }

  /** A hundred clients at once, each doing {@link #handshake}. */
  @Benchmark
  @Threads(100)
  public void clients100(Client client) throws IOException {
    handshake(client);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    server.close();
    System.out.println("\n" + peers.checkAllFull(ops.get()));
  }
}
