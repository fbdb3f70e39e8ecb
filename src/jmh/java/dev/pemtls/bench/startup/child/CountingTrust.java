package dev.pemtls.bench.startup.child;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client trust manager that counts server-certificate checks and leaves every decision to the
 * provider's own: one check per full handshake, none for a resumed TLS 1.3 handshake.
 */
final class CountingTrust extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager d;
  private final AtomicLong serverChecks = new AtomicLong();

  CountingTrust(X509ExtendedTrustManager delegate) {
    this.d = delegate;
  }

  long serverChecks() {
    return serverChecks.get();
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
