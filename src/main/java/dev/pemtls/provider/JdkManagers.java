package dev.pemtls.provider;

import dev.pemtls.internal.crypto.Tls;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's own key and trust manager factories, which PemTLS's factories hand a {@code KeyStore}
 * to: SunJSSE's when it is installed, else (the shipped security file and the agent leave it
 * out) the private BCJSSE's, which has only PKIX ones.
 */
final class JdkManagers {
  private JdkManagers() {}

  static TrustManagerFactory trustManagerFactory(String algorithm)
      throws NoSuchAlgorithmException {
    Provider sun = Security.getProvider("SunJSSE");
    return sun != null ? TrustManagerFactory.getInstance(algorithm, sun)
        : TrustManagerFactory.getInstance("PKIX", Tls.jsseProvider());
  }

  static KeyManagerFactory keyManagerFactory(String algorithm) throws NoSuchAlgorithmException {
    Provider sun = Security.getProvider("SunJSSE");
    return sun != null ? KeyManagerFactory.getInstance(algorithm, sun)
        : KeyManagerFactory.getInstance("PKIX", Tls.jsseProvider());
  }
}
