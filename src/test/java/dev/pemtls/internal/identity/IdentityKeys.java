package dev.pemtls.internal.identity;

import java.security.PrivateKey;

/** Test access to an identity's key, which main code reads only inside the key manager. */
public final class IdentityKeys {
  private IdentityKeys() {}

  /** The key {@code identity} was loaded with, as the JDK key object. */
  public static PrivateKey keyOf(Identity identity) {
    return identity.privateKey();
  }
}
