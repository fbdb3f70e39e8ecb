package dev.pemtls.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk throughput over one established TLS 1.3 TLS_AES_256_GCM_SHA384 connection on loopback
 * (EC P-256 server, no client certificate), client and server of the same implementation
 * ({@link BenchPeers}), in one {@code direction}, the sender writing {@code writeSize} bytes per
 * {@code write} call; the receiver reads into a 64 KiB buffer.
 *
 * <p>The score is in MiB/s: one invocation moves {@link #BYTES} (16 MiB) and counts as 16 ops.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2) // as HandshakeBench: one fork's 1 KiB ratios moved by ±0.2 from run to run
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3) // BCJSSE on BC moves 16 MiB in about 0.2 s
@State(Scope.Benchmark)
public class BulkBench {
  static final int BYTES = 16 << 20;
  private static final int READ_BUFFER = 64 << 10;

  @Param({"clientToServer", "serverToClient"})
  public String direction;

  @Param({"16384", "1024"})
  public int writeSize;

  @Param({"pemtls", "sunjsse", "bcjsse"})
  public String impl;

  private BenchPeers peers;
  private BenchServer server;
  private SSLSocket socket;
  private OutputStream out;
  private InputStream in;
  private byte[] chunk;
  private final byte[] buffer = new byte[READ_BUFFER];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if (BYTES % writeSize != 0) {
      throw new IllegalArgumentException("writeSize must divide 16 MiB, not " + writeSize);
    }
    chunk = new byte[writeSize];
    new Random(1).nextBytes(chunk);
    peers = new BenchPeers(impl, "TLSv1.3", "EC", false);
    boolean upload = switch (direction) {
      case "clientToServer" -> true;
      case "serverToClient" -> false;
      default -> throw new IllegalArgumentException(
          "direction: clientToServer or serverToClient, not " + direction);
    };
    server = new BenchServer(peers.listen(), upload ? this::receiveAndAcknowledge : this::send);
    socket = peers.connect(server.port());
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /**
   * One invocation (16 ops): {@code clientToServer}: the client writes 16 MiB and waits for the
   * server's 1-byte acknowledgement that it has read them all; {@code serverToClient}: the client
   * sends a 1-byte request and reads the 16 MiB the server writes.
   */
  @Benchmark
  @OperationsPerInvocation(BYTES >> 20)
  public int transfer() throws IOException {
    if (direction.equals("clientToServer")) {
      writeAll(out);
      int ack = in.read();
      if (ack != 1) {
        throw new IllegalStateException("no acknowledgement: " + ack);
      }
      return ack;
    }
    out.write(1);
    out.flush();
    return readAll(in);
  }

  /** The server of {@code clientToServer}: reads, and acknowledges every 16 MiB with 1 byte. */
  private void receiveAndAcknowledge(SSLSocket tls) throws IOException {
    byte[] buf = new byte[READ_BUFFER];
    InputStream sin = tls.getInputStream();
    OutputStream sout = tls.getOutputStream();
    long got = 0;
    for (int n; (n = sin.read(buf)) > 0; ) {
      got += n;
      if (got >= BYTES) {
        got -= BYTES;
        sout.write(1);
        sout.flush();
      }
    }
  }

  /** The server of {@code serverToClient}: for each request byte, writes 16 MiB. */
  private void send(SSLSocket tls) throws IOException {
    InputStream sin = tls.getInputStream();
    OutputStream sout = tls.getOutputStream();
    while (sin.read() >= 0) {
      writeAll(sout);
    }
  }

  private void writeAll(OutputStream o) throws IOException {
    for (int sent = 0; sent < BYTES; sent += writeSize) {
      o.write(chunk, 0, writeSize);
    }
    o.flush();
  }

  private int readAll(InputStream i) throws IOException {
    int got = 0;
    while (got < BYTES) {
      int n = i.read(buffer, 0, Math.min(buffer.length, BYTES - got));
      if (n < 0) {
        throw new IllegalStateException("server closed after " + got + " bytes");
      }
      got += n;
    }
    return got;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    socket.close(); // a reset (SO_LINGER 0): the server's read ends with a SocketException
    server.close();
  }
}
