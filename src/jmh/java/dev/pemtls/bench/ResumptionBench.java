package dev.pemtls.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Reconnects per second on loopback, one client at a time, with the client keeping its session
 * cache: client and server of the same implementation ({@link BenchPeers}), EC P-256 server, no
 * client certificate. A trial's first connection, made in its set-up, is a full handshake.
 *
 * <p>Whether an op resumed is read from the client's {@code checkServerTrusted} count (a resumed
 * handshake sends no certificate, so checks nothing): each op counts in the secondary results
 * {@code resumed} or {@code full} (events per iteration, summed over the measurement).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ResumptionBench {
  /** One implementation's peers pinned to one version, its server, and a primed session. */
  abstract static class Peers {
    BenchPeers peers;
    BenchServer server;

    void start(String impl, String version) throws Exception {
      peers = new BenchPeers(impl, version, "EC", false);
      server = new BenchServer(peers.listen(), BenchServer::echo);
      reconnect(); // the full handshake that the others may resume
    }

    /** One reconnect; true if it resumed (the client checked no server certificate). */
    boolean reconnect() throws IOException {
      long before = peers.serverChecks.get();
      try (SSLSocket s = peers.connect(server.port())) {
        BenchServer.ping(s);
      }
      return peers.serverChecks.get() == before;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      server.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Tls12 extends Peers {
    @Param({"pemtls", "sunjsse", "bcjsse"})
    public String impl;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      start(impl, "TLSv1.2");
    }
  }

  @State(Scope.Benchmark)
  public static class Tls13 extends Peers {
    @Param({"pemtls", "sunjsse", "bcjsse"})
    public String impl;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      start(impl, "TLSv1.3");
    }
  }

  /** How many ops of an iteration resumed and how many were full handshakes. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Outcome {
    public long resumed;
    public long full;

    @Setup(Level.Iteration)
    public void clear() {
      resumed = 0;
      full = 0;
    }

    void count(boolean wasResumed) {
      if (wasResumed) {
        resumed++;
      } else {
        full++;
      }
    }
  }

  /**
   * One op: a new TCP connection, a TLS 1.2 (TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384) handshake
   * that must resume the cached session (by session id or ticket, whichever the implementation
   * uses; the op throws if it did not), a 1-byte round trip, close.
   */
  @Benchmark
  public void tls12Resumed(Tls12 st, Outcome outcome) throws IOException {
    if (!st.reconnect()) {
      throw new IllegalStateException(st.peers + ": a TLS 1.2 reconnect was not resumed");
    }
    outcome.count(true);
  }

  /**
   * One op: a new TCP connection, a TLS 1.3 (TLS_AES_256_GCM_SHA384) handshake offering the
   * cached session's ticket if the client has one, a 1-byte round trip (the server's ticket, if
   * any, arrives before the echo), close. Resumed or not, as the implementation does it: counted
   * in {@code resumed} or {@code full}.
   */
  @Benchmark
  public void tls13Reconnect(Tls13 st, Outcome outcome) throws IOException {
    outcome.count(st.reconnect());
  }
}
