package dev.pemtls.bench.startup.child;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Mutual TLS 1.3 between a server and a client of this JVM's provider, as an application writes
 * it with JSSE alone.
 *
 * <p>Server: {@code SSLContext.getDefault()}'s server socket (the JVM's configured identity, the
 * harness's RSA-2048 server certificate, and its trust) with {@code setNeedClientAuth(true)}.
 * Client: {@code SSLContext.getInstance("TLS")} initialised with the default
 * KeyManagerFactory over the client's PKCS12 file (ECDSA P-256) and the default
 * TrustManagerFactory's managers ({@code init((KeyStore) null)}: the JVM's configured trust),
 * counted ({@link CountingTrust}); each client socket asks for TLSv1.3,
 * TLS_AES_256_GCM_SHA384 and HTTPS host-name checking of "localhost".
 *
 * <p>The server thread answers one connection at a time: it reads one byte and writes it back
 * (so both sides have finished the handshake), then closes the connection or, when the pair
 * keeps connections, holds it open.
 */
final class LocalPair implements AutoCloseable {
  private final SSLServerSocket listener;
  private final SSLContext client;
  private final CountingTrust trust;
  private final boolean keep;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final Thread server;
  private volatile Throwable serverFailure;
  private volatile SSLSession lastServerSession;
  private SSLSession lastClientSession;

  LocalPair(Path clientStore, boolean keepConnections) throws Exception {
    this.keep = keepConnections;
    listener = (SSLServerSocket) SSLContext.getDefault().getServerSocketFactory()
        .createServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    listener.setNeedClientAuth(true);

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(clientStore)) {
      ks.load(in, StartupChild.STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, StartupChild.STORE_PASSWORD.toCharArray());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    trust = new CountingTrust((X509ExtendedTrustManager) tmf.getTrustManagers()[0]);
    client = SSLContext.getInstance("TLS");
    client.init(kmf.getKeyManagers(), new TrustManager[] {trust}, null);

    server = new Thread(this::serve, "startup-server");
    server.setDaemon(true);
    server.start();
  }

  private void serve() {
    while (!listener.isClosed()) {
      Socket s = null;
      try {
        s = listener.accept();
        s.setTcpNoDelay(true);
        int b = s.getInputStream().read();
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
        lastServerSession = ((SSLSocket) s).getSession();
        if (keep) {
          held.add(s);
          s = null;
        }
      } catch (IOException | RuntimeException e) {
        if (!listener.isClosed() && serverFailure == null) {
          serverFailure = e;
        }
      } finally {
        if (s != null) {
          try {
            s.close();
          } catch (IOException e) {
            // the client has reset the connection already (SO_LINGER 0)
          }
        }
      }
    }
  }

  /**
   * One connection: TCP connect, full handshake, one byte there and back; then the client
   * session is invalidated so that the next connection cannot resume it. Returns the open
   * client socket.
   */
  SSLSocket connect() throws IOException {
    Socket plain = new Socket();
    plain.setTcpNoDelay(true);
    if (!keep) {
      plain.setSoLinger(true, 0); // thousands of connections leave no TIME_WAIT behind
    }
    plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        listener.getLocalPort()));
    SSLSocket s = (SSLSocket) client.getSocketFactory()
        .createSocket(plain, "localhost", listener.getLocalPort(), true);
    SSLParameters p = s.getSSLParameters();
    p.setProtocols(new String[] {"TLSv1.3"});
    p.setCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
    p.setEndpointIdentificationAlgorithm("HTTPS");
    s.setSSLParameters(p);
    s.getOutputStream().write(1);
    s.getOutputStream().flush();
    if (s.getInputStream().read() != 1) {
      throw new IOException("round trip failed");
    }
    lastClientSession = s.getSession();
    lastClientSession.invalidate();
    if (serverFailure != null) {
      throw new IOException("server failed", serverFailure);
    }
    return s;
  }

  /** Prints what the last connection was, and the certificate checks (one per handshake). */
  void describe() throws Exception {
    SSLSession c = lastClientSession;
    StartupChild.out("provider", client.getProvider().getName());
    StartupChild.out("server_provider", SSLContext.getDefault().getProvider().getName());
    StartupChild.out("protocol", c.getProtocol());
    StartupChild.out("suite", c.getCipherSuite());
    StartupChild.out("server_key", c.getPeerCertificates()[0].getPublicKey().getAlgorithm());
    // The server thread may still be finishing the last exchange.
    for (int i = 0; i < 100 && lastServerSession == null; i++) {
      Thread.sleep(10);
    }
    StartupChild.out("client_key",
        lastServerSession.getPeerCertificates()[0].getPublicKey().getAlgorithm());
    StartupChild.out("server_checks", trust.serverChecks());
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
