package dev.pemtls.provider;

import dev.pemtls.internal.config.JdkManagers;
import dev.pemtls.internal.config.Configured;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * {@code TrustManagerFactory}: initialised with a {@code KeyStore} (or parameters) it is the
 * JDK's factory of the same algorithm; initialised with {@code (KeyStore) null}, which the JDK
 * reads as "the default trust", it gives the config's trust manager (cafile/capath and
 * verify_mode).
 */
final class TrustManagerFactoryService extends TrustManagerFactorySpi {
  private final Configured config;
  private final String jdkAlgorithm;
  private TrustManager[] managers;

  TrustManagerFactoryService(Configured config, String jdkAlgorithm) {
    this.config = config;
    this.jdkAlgorithm = jdkAlgorithm;
  }

  @Override
  protected void engineInit(KeyStore ks) throws KeyStoreException {
    if (ks == null) {
      managers = config.trustManagers();
      return;
    }
    TrustManagerFactory jdk = jdk();
    jdk.init(ks);
    managers = jdk.getTrustManagers();
  }

  @Override
  protected void engineInit(ManagerFactoryParameters spec)
      throws InvalidAlgorithmParameterException {
    TrustManagerFactory jdk = jdk();
    jdk.init(spec);
    managers = jdk.getTrustManagers();
  }

  private TrustManagerFactory jdk() {
    try {
      return JdkManagers.trustManagerFactory(jdkAlgorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new ProviderException("PemTLS: no JDK TrustManagerFactory " + jdkAlgorithm
          + " to load a KeyStore with: " + e.getMessage(), e);
    }
  }

  @Override
  protected TrustManager[] engineGetTrustManagers() {
    if (managers == null) {
      throw new IllegalStateException("TrustManagerFactory is not initialized; call init first");
    }
    return managers.clone();
  }
}
