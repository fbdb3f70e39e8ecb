package dev.pemtls.bench;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.TlsVersion;
import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.Settings;
import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
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
 * TLS 1.3 (TLS_AES_256_GCM_SHA384) on loopback, client and server of the same implementation:
 * <ul>
 *   <li>{@code pemtls}: {@link SslContext} (TLS_CLIENT with the CA as cafile, TLS_SERVER with
 *       the PEM chain and key), through its standard {@code SSLContext}: BCJSSE on the JDK's
 *       crypto with PemTLS's key and trust managers.
 *   <li>{@code sunjsse}: {@code SSLContext.getInstance("TLS", "SunJSSE")} with the default
 *       KeyManagerFactory/TrustManagerFactory over in-memory PKCS12 stores.
 *   <li>{@code bcjsse}: BCJSSE on BouncyCastle's own crypto, a private provider instance never
 *       registered JVM-wide, with its own PKIX key and trust manager factories.
 * </ul>
 * All clients verify the server's chain and host name ("localhost").
 *
 * <p>{@link #handshake}: one op is a new TCP connection, a full handshake, a 1-byte round trip
 * (so the server has finished too) and close. Resumption is prevented by invalidating the client
 * session after every op; every op is checked to be a full handshake by counting the client trust
 * manager's {@code checkServerTrusted} calls (a resumed TLS 1.3 handshake sends no certificate).
 *
 * <p>{@link #bulk}: one op writes {@link #BULK_BYTES} (16 MiB) from the client over one
 * established connection in 64 KiB writes; a server thread reads it all and sends 1 byte back.
 * MiB/s = ops/s × 16.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TlsBench {
  static final String PROTOCOL = "TLSv1.3";
  static final String SUITE = "TLS_AES_256_GCM_SHA384";
  static final int BULK_BYTES = 16 << 20;
  static final int CHUNK = 64 << 10;
  /** BCJSSE logs every connection at INFO; held here since loggers are weakly referenced. */
  static final java.util.logging.Logger BCJSSE_LOG = quiet("org.bouncycastle.jsse");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  /** A client and a server context of one implementation, and a counting client trust manager. */
  static final class Peers {
    final String impl;
    final SSLContext client;
    final SSLContext server;
    final AtomicLong serverChecks = new AtomicLong();

    Peers(String impl, String keyAlgorithm) throws Exception {
      this.impl = impl;
      BenchPki.Server pki = new BenchPki.Server(
          BenchPki.dataDir().resolve("tls-" + keyAlgorithm + "-" + System.nanoTime()),
          keyAlgorithm);
      switch (impl) {
        case "pemtls": {
          SslContext s = new SslContext(Protocol.TLS_SERVER);
          s.loadCertChain(pki.certFile, pki.keyFile);
          s.setMinimumVersion(TlsVersion.TLSv1_3);
          s.setCiphersuites(SUITE);
          server = s.sslContext();
          SslContext c = new SslContext(Protocol.TLS_CLIENT);
          c.loadVerifyLocations(pki.caFile, null, (String) null);
          c.setMinimumVersion(TlsVersion.TLSv1_3);
          c.setCiphersuites(SUITE);
          // Exactly what c.sslContext() builds, with the trust manager wrapped for counting.
          Settings settings = dev.pemtls.internal.jsse.ContextSettings.of(c);
          client = ConfiguredSslContext.create(settings,
              ConfiguredSslContext.keyManagers(settings),
              counting(ConfiguredSslContext.trustManagers(settings)), null);
          break;
        }
        case "sunjsse":
          server = jsse(SSLContext.getInstance("TLS", "SunJSSE"), null, pki, true);
          client = jsse(SSLContext.getInstance("TLS", "SunJSSE"), null, pki, false);
          break;
        case "bcjsse": {
          Provider bc = new org.bouncycastle.jsse.provider.BouncyCastleJsseProvider(
              new org.bouncycastle.jce.provider.BouncyCastleProvider());
          server = jsse(SSLContext.getInstance("TLS", bc), bc, pki, true);
          client = jsse(SSLContext.getInstance("TLS", bc), bc, pki, false);
          break;
        }
        default:
          throw new IllegalArgumentException("impl: pemtls, sunjsse or bcjsse, not " + impl);
      }
    }

    private SSLContext jsse(SSLContext ctx, Provider p, BenchPki.Server pki, boolean serverSide)
        throws Exception {
      if (serverSide) {
        KeyManagerFactory kmf = p == null
            ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
            : KeyManagerFactory.getInstance("PKIX", p);
        kmf.init(pki.identityStore(), BenchPki.Server.password());
        ctx.init(kmf.getKeyManagers(), null, null);
      } else {
        TrustManagerFactory tmf = p == null
            ? TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
            : TrustManagerFactory.getInstance("PKIX", p);
        tmf.init(pki.trustStore());
        ctx.init(null, counting(tmf.getTrustManagers()), null);
      }
      return ctx;
    }

    private TrustManager[] counting(TrustManager[] tms) {
      for (int i = 0; i < tms.length; i++) {
        if (tms[i] instanceof X509TrustManager) {
          tms[i] = new CountingTrustManager((X509ExtendedTrustManager) tms[i], serverChecks);
        }
      }
      return tms;
    }

    SSLServerSocket listen() throws IOException {
      SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket();
      ss.setReuseAddress(true);
      ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      if (!impl.equals("pemtls")) {
        ss.setEnabledProtocols(new String[] {PROTOCOL});
        ss.setEnabledCipherSuites(new String[] {SUITE});
      }
      return ss;
    }

    SSLSocket connect(int port) throws IOException {
      Socket plain = new Socket();
      plain.setTcpNoDelay(true);
      plain.setSoLinger(true, 0); // no TIME_WAIT pile-up over thousands of connections
      plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      SSLSocket s = (SSLSocket) client.getSocketFactory()
          .createSocket(plain, "localhost", port, true);
      if (!impl.equals("pemtls")) { // PemTLS's factory applies its context's settings
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        p.setCipherSuites(new String[] {SUITE});
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
      }
      s.startHandshake();
      if (!PROTOCOL.equals(s.getSession().getProtocol())
          || !SUITE.equals(s.getSession().getCipherSuite())) {
        throw new IllegalStateException(impl + " negotiated " + s.getSession().getProtocol()
            + " " + s.getSession().getCipherSuite());
      }
      return s;
    }
  }

  /** Counts server-certificate checks: one per full client handshake. */
  static final class CountingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager d;
    private final AtomicLong count;

    CountingTrustManager(X509ExtendedTrustManager d, AtomicLong count) {
      this.d = d;
      this.count = count;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, Socket s)
        throws CertificateException {
      count.incrementAndGet();
      d.checkServerTrusted(c, a, s);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e)
        throws CertificateException {
      count.incrementAndGet();
      d.checkServerTrusted(c, a, e);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
      count.incrementAndGet();
      d.checkServerTrusted(c, a);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, Socket s)
        throws CertificateException {
      d.checkClientTrusted(c, a, s);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e)
        throws CertificateException {
      d.checkClientTrusted(c, a, e);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
      d.checkClientTrusted(c, a);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return d.getAcceptedIssuers();
    }
  }

  /** Full handshakes: a server thread answering one connection at a time. */
  @State(Scope.Benchmark)
  public static class HandshakeState {
    @Param({"pemtls", "sunjsse", "bcjsse"})
    public String impl;

    @Param({"EC", "RSA"})
    public String key;

    Peers peers;
    SSLServerSocket listener;
    Thread serverThread;
    int port;
    long ops;
    volatile Throwable serverFailure;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      peers = new Peers(impl, key);
      listener = peers.listen();
      port = listener.getLocalPort();
      serverThread = new Thread(this::serve, "bench-handshake-server");
      serverThread.setDaemon(true);
      serverThread.start();
    }

    private void serve() {
      while (!listener.isClosed()) {
        try (Socket s = listener.accept()) {
          s.setTcpNoDelay(true);
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          int b = in.read();
          out.write(b);
          out.flush();
        } catch (SocketException e) {
          // the client's reset after its close, or the listener closing at tear-down
        } catch (IOException | RuntimeException e) {
          if (!listener.isClosed() && serverFailure == null) {
            serverFailure = e;
          }
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      listener.close();
      serverThread.join(5000);
      if (serverFailure != null) {
        throw new IllegalStateException("server failed", serverFailure);
      }
      long checks = peers.serverChecks.get();
      if (checks != ops) {
        throw new IllegalStateException(impl + ": " + ops + " connections but " + checks
            + " certificate checks: some handshakes were resumed");
      }
      System.out.println("\n" + impl + "/" + key + ": " + ops + " connections, all full "
          + "handshakes (" + checks + " server certificate checks)");
    }
  }

  /** Handshakes need a longer warm-up than bulk: the JIT is still busy after 4 s. */
  @Benchmark
  @Warmup(iterations = 3, time = 3)
  public int handshake(HandshakeState st) throws IOException {
    int b;
    try (SSLSocket s = st.peers.connect(st.port)) {
      s.getOutputStream().write(1);
      s.getOutputStream().flush();
      b = s.getInputStream().read();
      s.getSession().invalidate();
    }
    st.ops++;
    if (b != 1) {
      throw new IllegalStateException("round trip failed: " + b);
    }
    return b;
  }

  /** Bulk: one connection, a server thread draining it and acknowledging every 16 MiB. */
  @State(Scope.Benchmark)
  public static class BulkState {
    @Param({"pemtls", "sunjsse", "bcjsse"})
    public String impl;

    @Param({"EC"})
    public String key;

    Peers peers;
    SSLServerSocket listener;
    Thread serverThread;
    SSLSocket socket;
    OutputStream out;
    InputStream in;
    final byte[] chunk = new byte[CHUNK];
    volatile boolean closing;
    volatile Throwable serverFailure;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      peers = new Peers(impl, key);
      listener = peers.listen();
      serverThread = new Thread(this::serve, "bench-bulk-server");
      serverThread.setDaemon(true);
      serverThread.start();
      socket = peers.connect(listener.getLocalPort());
      out = socket.getOutputStream();
      in = socket.getInputStream();
      new java.util.Random(1).nextBytes(chunk);
    }

    private void serve() {
      try (Socket s = listener.accept()) {
        s.setTcpNoDelay(true);
        InputStream sin = s.getInputStream();
        OutputStream sout = s.getOutputStream();
        byte[] buf = new byte[CHUNK];
        long got = 0;
        int n;
        while ((n = sin.read(buf)) > 0) {
          got += n;
          if (got >= BULK_BYTES) {
            got -= BULK_BYTES;
            sout.write(1);
            sout.flush();
          }
        }
      } catch (IOException | RuntimeException e) {
        if (!closing) {
          serverFailure = e;
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      closing = true; // the client's close resets the connection (SO_LINGER 0)
      socket.close();
      serverThread.join(5000);
      listener.close();
      if (serverFailure != null) {
        throw new IllegalStateException("server failed", serverFailure);
      }
    }
  }

  /** Bulk: ~70 ops/s at most, so longer measurement for a stable mean (load on 2 cores). */
  @Benchmark
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 5, time = 3)
  public int bulk(BulkState st) throws IOException {
    for (int sent = 0; sent < BULK_BYTES; sent += CHUNK) {
      st.out.write(st.chunk, 0, CHUNK);
    }
    st.out.flush();
    int ack = st.in.read();
    if (ack != 1) {
      throw new IllegalStateException("no acknowledgement: " + ack);
    }
    return ack;
  }
}
