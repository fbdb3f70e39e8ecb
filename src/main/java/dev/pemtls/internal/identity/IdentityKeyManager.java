package dev.pemtls.internal.identity;

import dev.pemtls.internal.crypto.BcProvider;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCX509ExtendedKeyManager;
import org.bouncycastle.jsse.BCX509Key;

/**
 * Presents one PEM identity (the chain and key of {@code load_cert_chain}) on both sides.
 *
 * <p>Like OpenSSL, it offers its certificate whenever the key type fits, whatever CA names the
 * peer listed: OpenSSL clients send their configured certificate and let the server decide.
 */
public final class IdentityKeyManager extends BCX509ExtendedKeyManager {
  private static final String ALIAS = "pemtls";

  private final X509Certificate[] chain;
  private final PrivateKey key;
  private final KeyTypes.Kind kind;

  /** Presents {@code identity}; its key is prepared for BCJSSE once, here. */
  public IdentityKeyManager(Identity identity) {
    List<X509Certificate> chain = identity.chain();
    PrivateKey key = identity.privateKey();
    this.chain = chain.toArray(new X509Certificate[0]);
    this.kind = KeyTypes.kindOf(this.chain[0]);
    if (!KeyTypes.plausible(key, kind)) {
      throw new IllegalArgumentException("private key algorithm " + key.getAlgorithm()
          + " does not fit the certificate's " + kind.family + " key");
    }
    this.key = forBcjsse(key, kind);
  }

  /**
   * BCJSSE picks its signer by the key's algorithm name, and the JDK names EdDSA keys "EdDSA"
   * where BCJSSE expects "Ed25519"/"Ed448". BouncyCastle's own EdDSA key object has those names
   * and implements the JDK's EdEC interfaces, so the JDK's Signature can still use it.
   */
  private static PrivateKey forBcjsse(PrivateKey key, KeyTypes.Kind kind) {
    if (!kind.family.startsWith("Ed") || key.getAlgorithm().equalsIgnoreCase(kind.family)) {
      return key;
    }
    try {
      return KeyFactory.getInstance(kind.family, BcProvider.get())
          .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot prepare the " + kind.family + " key for TLS", e);
    }
  }

  private BCX509Key choose(String[] keyTypes) {
    if (keyTypes != null) {
      for (String keyType : keyTypes) {
        if (keyType != null && KeyTypes.serves(kind, keyType)) {
          return new Key(keyType);
        }
      }
    }
    return null;
  }

  private String chooseAlias(String[] keyTypes) {
    return choose(keyTypes) == null ? null : ALIAS;
  }

  @Override
  public BCX509Key chooseClientKeyBC(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes);
  }

  @Override
  public BCX509Key chooseEngineClientKeyBC(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return choose(keyTypes);
  }

  @Override
  public BCX509Key chooseServerKeyBC(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes);
  }

  @Override
  public BCX509Key chooseEngineServerKeyBC(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return choose(keyTypes);
  }

  @Override
  protected BCX509Key getKeyBC(String keyType, String alias) {
    return ALIAS.equals(alias) ? new Key(keyType) : null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return chooseAlias(keyTypes);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return chooseAlias(keyTypes);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return chooseAlias(new String[] {keyType});
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseAlias(new String[] {keyType});
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return chooseAlias(new String[] {keyType}) == null ? null : new String[] {ALIAS};
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return getClientAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String toString() {
    return "IdentityKeyManager[" + chain[0].getSubjectX500Principal() + ", " + kind.family + "]";
  }

  private final class Key implements BCX509Key {
    private final String keyType;

    Key(String keyType) {
      this.keyType = keyType;
    }

    @Override
    public X509Certificate[] getCertificateChain() {
      return chain.clone();
    }

    @Override
    public String getKeyType() {
      return keyType;
    }

    @Override
    public PrivateKey getPrivateKey() {
      return key;
    }
  }
}
