package dev.pemtls.internal.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one private BouncyCastle JCA provider instance of PemTLS.
 *
 * <p>It is never added to the JVM-wide provider list ({@code Security.addProvider}): the JDK's own
 * providers stay first for everything they implement, and BouncyCastle is asked by reference only
 * for what they lack (RSA-PSS under BCJSSE's names, PEM decryption schemes).
 */
public final class BcProvider {
  private BcProvider() {}

  private static final class Holder {
    static final Provider INSTANCE = new BouncyCastleProvider();
  }

  /** Returns the shared, unregistered BouncyCastle provider, created on first use. */
  public static Provider get() {
    return Holder.INSTANCE;
  }
}
