package dev.pemtls.bench;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.TlsVersion;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.ContextSettings;
import dev.pemtls.internal.jsse.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Provider;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client and a server {@link SSLContext} of one implementation, pinned to one TLS version and
 * one cipher suite, built from {@link BenchPki} PEM files:
 * <ul>
 *   <li>{@code pemtls}: {@link SslContext} (TLS_CLIENT with the CA as cafile, TLS_SERVER with the
 *       PEM chain and key), used through its standard {@code SSLContext}: BCJSSE on the JDK's
 *       crypto with PemTLS's key and trust managers. Each context is built exactly as {@code
 *       sslContext()} builds it, with the trust manager wrapped for counting.
 *   <li>{@code sunjsse}: {@code SSLContext.getInstance("TLS", "SunJSSE")} with the default
 *       KeyManagerFactory (SunX509) and TrustManagerFactory (PKIX) over in-memory PKCS12 stores.
 *   <li>{@code bcjsse}: BCJSSE on BouncyCastle's own crypto, a private provider instance never
 *       registered JVM-wide, with its own PKIX key and trust manager factories.
 * </ul>
 * Clients verify the server's chain and host name ("localhost"). With {@code clientAuth} the
 * server requires a client certificate and the client presents its ECDSA P-256 one.
 *
 * <p>Version and suite: TLS 1.3 with TLS_AES_256_GCM_SHA384; TLS 1.2 with
 * TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 or TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 as the server
 * key requires. The key-exchange group is each implementation's default.
 */
final class BenchPeers {
  /** BCJSSE logs every connection at INFO; held here since loggers are weakly referenced. */
  private static final java.util.logging.Logger BCJSSE_LOG = quiet("org.bouncycastle.jsse");

  final String impl;
  final String version;
  final String suite;
  final boolean clientAuth;
  final SSLContext client;
  /** PemTLS's key-exchange groups, or null for the default list. */
  private final String groups;
  final SSLContext server;
  private final BenchPki.Server pki;
  /** BCJSSE on BouncyCastle's crypto for "bcjsse"; null otherwise. */
  private final Provider bc;
  /** The client's server-certificate checks: one per full handshake, none when resumed. */
  final AtomicLong serverChecks = new AtomicLong();
  /** The server's client-certificate checks: one per full handshake with {@code clientAuth}. */
  final AtomicLong clientChecks = new AtomicLong();

  /**
   * @param impl "pemtls", "sunjsse" or "bcjsse"
   * @param version "TLSv1.3" or "TLSv1.2"
   * @param serverKey "EC" (P-256) or "RSA" (2048 bits)
   */
  BenchPeers(String impl, String version, String serverKey, boolean clientAuth) throws Exception {
    this(impl, version, serverKey, clientAuth, null);
  }

  /**
   * As {@link #BenchPeers(String, String, String, boolean)}, both PemTLS contexts with {@code
   * groups} ({@code SslContext.setGroups}; null for the default list). PemTLS only.
   */
  BenchPeers(String impl, String version, String serverKey, boolean clientAuth, String groups)
      throws Exception {
    if (groups != null && !impl.equals("pemtls")) {
      throw new IllegalArgumentException("groups are set for pemtls only, not " + impl);
    }
    this.groups = groups;
    if (!List.of("pemtls", "sunjsse", "bcjsse").contains(impl)) {
      throw new IllegalArgumentException("impl: pemtls, sunjsse or bcjsse, not " + impl);
    }
    this.impl = impl;
    this.version = version;
    this.suite = suite(version, serverKey);
    this.clientAuth = clientAuth;
    pki = new BenchPki.Server(
        BenchPki.dataDir().resolve("tls-" + serverKey + "-" + System.nanoTime()), serverKey);
    bc = !impl.equals("bcjsse") ? null : new org.bouncycastle.jsse.provider
        .BouncyCastleJsseProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
    server = impl.equals("pemtls") ? pemtlsServer() : jsseServer();
    client = newClient();
  }

  /**
   * Another client context like {@link #client}, with a session cache of its own, counting in the
   * same counters: for concurrent clients that must not resume each other's sessions.
   */
  SSLContext newClient() throws Exception {
    return impl.equals("pemtls") ? pemtlsClient() : jsseClient();
  }

  /** The one suite each version negotiates with a server key of {@code serverKey}. */
  static String suite(String version, String serverKey) {
    switch (version) {
      case "TLSv1.3":
        return "TLS_AES_256_GCM_SHA384";
      case "TLSv1.2":
        return serverKey.equals("RSA") ? "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
            : "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
      default:
        throw new IllegalArgumentException("version: TLSv1.3 or TLSv1.2, not " + version);
    }
  }

  private SSLContext pemtlsServer() throws Exception {
    SslContext s = new SslContext(Protocol.TLS_SERVER);
    s.loadCertChain(pki.certFile, pki.keyFile);
    if (clientAuth) {
      s.loadVerifyLocations(pki.caFile, null, (String) null);
      s.setVerifyMode(VerifyMode.CERT_REQUIRED);
    }
    return pemtls(pin(s));
  }

  private SSLContext pemtlsClient() throws Exception {
    SslContext c = new SslContext(Protocol.TLS_CLIENT);
    c.loadVerifyLocations(pki.caFile, null, (String) null);
    if (clientAuth) {
      c.loadCertChain(pki.clientCertFile, pki.clientKeyFile);
    }
    return pemtls(pin(c));
  }

  /** The version and suite in PemTLS's (Python's) terms: OpenSSL names for TLS 1.2. */
  private SslContext pin(SslContext ctx) throws Exception {
    if (groups != null) {
      ctx.setGroups(groups);
    }
    TlsVersion v = version.equals("TLSv1.3") ? TlsVersion.TLSv1_3 : TlsVersion.TLSv1_2;
    ctx.setMinimumVersion(v);
    ctx.setMaximumVersion(v);
    if (v == TlsVersion.TLSv1_3) {
      ctx.setCiphersuites(suite);
    } else {
      ctx.setCiphers(suite.contains("_RSA_") ? "ECDHE-RSA-AES256-GCM-SHA384"
          : "ECDHE-ECDSA-AES256-GCM-SHA384");
    }
    return ctx;
  }

  /** Exactly what {@code ctx.sslContext()} builds, with the trust manager wrapped for counting. */
  private SSLContext pemtls(SslContext ctx) {
    Settings settings = ContextSettings.of(ctx);
    return ConfiguredSslContext.create(settings, ConfiguredSslContext.keyManagers(settings),
        counting(ConfiguredSslContext.trustManagers(settings)), null);
  }

  /** A SunJSSE or a BCJSSE-on-BC context, not yet initialised. */
  private SSLContext jsseContext() throws Exception {
    return bc == null ? SSLContext.getInstance("TLS", "SunJSSE")
        : SSLContext.getInstance("TLS", bc);
  }

  private SSLContext jsseServer() throws Exception {
    SSLContext ctx = jsseContext();
    ctx.init(keyManagers(pki.identityStore()), trustManagers(), null);
    return ctx;
  }

  private SSLContext jsseClient() throws Exception {
    SSLContext ctx = jsseContext();
    ctx.init(clientAuth ? keyManagers(pki.clientIdentityStore()) : null, trustManagers(), null);
    return ctx;
  }

  private KeyManager[] keyManagers(KeyStore identity) throws Exception {
    KeyManagerFactory kmf = bc == null
        ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
        : KeyManagerFactory.getInstance("PKIX", bc);
    kmf.init(identity, BenchPki.Server.password());
    return kmf.getKeyManagers();
  }

  private TrustManager[] trustManagers() throws Exception {
    TrustManagerFactory tmf = bc == null
        ? TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
        : TrustManagerFactory.getInstance("PKIX", bc);
    tmf.init(pki.trustStore());
    return counting(tmf.getTrustManagers());
  }

  private TrustManager[] counting(TrustManager[] tms) {
    return CountingTrustManager.wrap(tms, serverChecks, clientChecks);
  }

  /** A listener on 127.0.0.1, port chosen by the OS, backlog 512. */
  SSLServerSocket listen() throws IOException {
    SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket();
    ss.setReuseAddress(true);
    ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    if (!impl.equals("pemtls")) { // PemTLS's factory applies its context's settings
      ss.setEnabledProtocols(new String[] {version});
      ss.setEnabledCipherSuites(new String[] {suite});
      ss.setNeedClientAuth(clientAuth);
    }
    return ss;
  }

  /**
   * A new TCP connection to {@code port} (TCP_NODELAY; SO_LINGER 0, so that thousands of
   * connections leave no TIME_WAIT behind), handshake done, version and suite checked. The client
   * session cache keys on "localhost" and the port, so a later connection may resume.
   */
  SSLSocket connect(int port) throws IOException {
    return connect(client, port);
  }

  /**
   * One full-handshake op of the handshake benchmarks: a new connection ({@link
   * #connect(SSLContext, int)}), a 1-byte round trip so that the server has finished its side
   * too, the client's session invalidated (so the next connection cannot resume it), close.
   */
  void fullHandshake(SSLContext clientContext, int port) throws IOException {
    try (SSLSocket s = connect(clientContext, port)) {
      BenchServer.ping(s);
      s.getSession().invalidate();
    }
  }

  /** {@link #connect(int)} with another client context from {@link #newClient()}. */
  SSLSocket connect(SSLContext clientContext, int port) throws IOException {
    Socket plain = new Socket();
    plain.setTcpNoDelay(true);
    plain.setSoLinger(true, 0);
    plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    SSLSocket s = (SSLSocket) clientContext.getSocketFactory()
        .createSocket(plain, "localhost", port, true);
    if (!impl.equals("pemtls")) {
      SSLParameters p = s.getSSLParameters();
      p.setProtocols(new String[] {version});
      p.setCipherSuites(new String[] {suite});
      p.setEndpointIdentificationAlgorithm("HTTPS");
      s.setSSLParameters(p);
    }
    s.startHandshake();
    SSLSession session = s.getSession();
    if (!version.equals(session.getProtocol()) || !suite.equals(session.getCipherSuite())) {
      s.close();
      throw new IllegalStateException(impl + " negotiated " + session.getProtocol() + " "
          + session.getCipherSuite() + ", not " + version + " " + suite);
    }
    return s;
  }

  /**
   * Checks that {@code connections} connections were all full handshakes: one server-certificate
   * check each, and one client-certificate check each with {@code clientAuth} (none without).
   * Throws if not; returns a line saying so for the log.
   */
  String checkAllFull(long connections) {
    long server = serverChecks.get();
    long client = clientChecks.get();
    if (server != connections) {
      throw new IllegalStateException(this + ": " + connections + " connections but " + server
          + " server certificate checks: some handshakes were resumed");
    }
    if (client != (clientAuth ? connections : 0)) {
      throw new IllegalStateException(this + ": " + connections + " connections but " + client
          + " client certificate checks");
    }
    return this + ": " + connections + " connections, all full handshakes (" + server
        + " server certificate checks, " + client + " client certificate checks)";
  }

  @Override
  public String toString() {
    return impl + " " + version + " " + suite + (clientAuth ? " with client certificate" : "");
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }
}
