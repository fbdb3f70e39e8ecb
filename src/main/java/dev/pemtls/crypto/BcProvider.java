package dev.pemtls.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one private BouncyCastle provider instance of PemTLS.
 *
 * <p>It is never registered with {@link java.security.Security}: adding BouncyCastle to the
 * JVM-wide provider list would change which implementations every other library in the process
 * gets. Callers pass it explicitly ({@code setProvider(BcProvider.get())}) wherever BouncyCastle
 * code is needed (PEM decryption here, the TLS engine later).
 */
public final class BcProvider {
  private BcProvider() {}

  /** Lazy holder: the provider's constructor registers hundreds of algorithms, so pay only on use. */
  private static final class Holder {
    static final Provider INSTANCE = new BouncyCastleProvider();
  }

  /** Returns the shared, unregistered BouncyCastle provider, creating it on first use. */
  public static Provider get() {
    return Holder.INSTANCE;
  }
}
