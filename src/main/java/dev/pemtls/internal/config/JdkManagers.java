package dev.pemtls.internal.config;

import dev.pemtls.internal.crypto.Tls;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The factories PemTLS's own hand a {@code KeyStore} to. Trust: SunJSSE's when it is installed,
 * else (the shipped security file and the agent leave it out) the private BCJSSE's PKIX one. Keys:
 * always the private BCJSSE's PKIX factory, whatever algorithm was asked for, because the
 * handshakes are BCJSSE's and it cannot sign with the key managers of SunJSSE's factories (an EC
 * key from a PKCS12 store gave "no shared cipher"); BCJSSE's key managers are standard {@code
 * X509ExtendedKeyManager}s for any other user too.
 */
public final class JdkManagers {
  private JdkManagers() {}

  public static TrustManagerFactory trustManagerFactory(String algorithm)
      throws NoSuchAlgorithmException {
    Provider sun = Security.getProvider("SunJSSE");
    return sun != null ? TrustManagerFactory.getInstance(algorithm, sun)
        : TrustManagerFactory.getInstance("PKIX", Tls.jsseProvider());
  }

  /** BCJSSE's PKIX key manager factory, for every algorithm name ({@code algorithm} unused). */
  public static KeyManagerFactory keyManagerFactory(String algorithm)
      throws NoSuchAlgorithmException {
    return KeyManagerFactory.getInstance("PKIX", Tls.jsseProvider());
  }
}
