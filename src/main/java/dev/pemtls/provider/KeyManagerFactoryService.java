package dev.pemtls.provider;

import dev.pemtls.internal.config.JdkManagers;
import dev.pemtls.internal.config.Configured;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;

/**
 * {@code KeyManagerFactory}: initialised with a {@code KeyStore} (or parameters) it is the private
 * BCJSSE's PKIX factory, whatever the algorithm name (see {@code JdkManagers}); initialised with a
 * null {@code KeyStore} it gives the key manager of the config's certfile/keyfile, or, without
 * one, an empty key manager.
 */
final class KeyManagerFactoryService extends KeyManagerFactorySpi {
  private final Configured config;
  private final String jdkAlgorithm;
  private KeyManager[] managers;

  KeyManagerFactoryService(Configured config, String jdkAlgorithm) {
    this.config = config;
    this.jdkAlgorithm = jdkAlgorithm;
  }

  @Override
  protected void engineInit(KeyStore ks, char[] password)
      throws KeyStoreException, NoSuchAlgorithmException, UnrecoverableKeyException {
    KeyManager[] configured = ks == null ? config.keyManagers() : new KeyManager[0];
    if (configured.length > 0) {
      managers = configured;
      return;
    }
    KeyManagerFactory jdk = jdk();
    jdk.init(ks, password);
    managers = jdk.getKeyManagers();
  }

  @Override
  protected void engineInit(ManagerFactoryParameters spec)
      throws InvalidAlgorithmParameterException {
    KeyManagerFactory jdk = jdk();
    jdk.init(spec);
    managers = jdk.getKeyManagers();
  }

  private KeyManagerFactory jdk() {
    try {
      return JdkManagers.keyManagerFactory(jdkAlgorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new ProviderException("PemTLS: no JDK KeyManagerFactory " + jdkAlgorithm
          + " to load a KeyStore with: " + e.getMessage(), e);
    }
  }

  @Override
  protected KeyManager[] engineGetKeyManagers() {
    if (managers == null) {
      throw new IllegalStateException("KeyManagerFactory is not initialized; call init first");
    }
    return managers.clone();
  }
}
