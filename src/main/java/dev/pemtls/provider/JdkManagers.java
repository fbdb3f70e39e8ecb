package dev.pemtls.provider;

import dev.pemtls.internal.crypto.Tls;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's own key and trust manager factories, which PemTLS's factories hand a {@code KeyStore}
 * to: SunJSSE's when it is installed, else the private BCJSSE's.
 */
final class JdkManagers {
  private JdkManagers() {}

  private static Provider jsse() {
    Provider sun = Security.getProvider("SunJSSE");
    return sun != null ? sun : Tls.jsseProvider();
  }

  static TrustManagerFactory trustManagerFactory(String algorithm)
      throws NoSuchAlgorithmException {
    return TrustManagerFactory.getInstance(algorithm, jsse());
  }

  static KeyManagerFactory keyManagerFactory(String algorithm) throws NoSuchAlgorithmException {
    return KeyManagerFactory.getInstance(algorithm, jsse());
  }
}
