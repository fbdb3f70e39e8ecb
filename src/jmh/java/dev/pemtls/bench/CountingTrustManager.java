package dev.pemtls.bench;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that counts the certificate checks it passes on: how the benchmarks prove what
 * kind of handshake ran. A full client handshake checks the server's certificate once; a resumed
 * one sends no certificate and checks nothing. On a server that requires client certificates,
 * each full handshake checks the client's once.
 */
final class CountingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager d;
  private final AtomicLong serverChecks;
  private final AtomicLong clientChecks;

  private CountingTrustManager(X509ExtendedTrustManager d, AtomicLong serverChecks,
      AtomicLong clientChecks) {
    this.d = d;
    this.serverChecks = serverChecks;
    this.clientChecks = clientChecks;
  }

  /**
   * {@code managers} with each X.509 trust manager wrapped: {@code checkServerTrusted} calls are
   * counted in {@code serverChecks}, {@code checkClientTrusted} calls in {@code clientChecks}.
   */
  static TrustManager[] wrap(TrustManager[] managers, AtomicLong serverChecks,
      AtomicLong clientChecks) {
    TrustManager[] out = managers.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof X509ExtendedTrustManager) {
        out[i] = new CountingTrustManager((X509ExtendedTrustManager) out[i], serverChecks,
            clientChecks);
      }
    }
    return out;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String a, Socket s)
      throws CertificateException {
    serverChecks.incrementAndGet();
    d.checkServerTrusted(c, a, s);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e)
      throws CertificateException {
    serverChecks.incrementAndGet();
    d.checkServerTrusted(c, a, e);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
    serverChecks.incrementAndGet();
    d.checkServerTrusted(c, a);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String a, Socket s)
      throws CertificateException {
    clientChecks.incrementAndGet();
    d.checkClientTrusted(c, a, s);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e)
      throws CertificateException {
    clientChecks.incrementAndGet();
    d.checkClientTrusted(c, a, e);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
    clientChecks.incrementAndGet();
    d.checkClientTrusted(c, a);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return d.getAcceptedIssuers();
  }
}
