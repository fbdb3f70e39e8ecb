package dev.pemtls.internal.identity;

import java.net.Socket;
import java.io.IOException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyFactorySpi;
import org.bouncycastle.jsse.BCX509ExtendedKeyManager;
import org.bouncycastle.jsse.BCX509Key;

/**
 * Presents one PEM identity (the chain and key of {@code load_cert_chain}) on both sides.
 *
 * <p>Like OpenSSL, it offers its certificate whenever the key type fits, whatever CA names the
 * peer listed: OpenSSL clients send their configured certificate and let the server decide.
 *
 * <p>The identity may be live (hot reload): each handshake asks for its key once, and gets the
 * chain and key of one identity together, the one current at that moment. The alias names that
 * version, so alias-based callers ({@code getCertificateChain(alias)}, {@code
 * getPrivateKey(alias)}) never mix the chain of one version with the key of the next.
 */
public final class IdentityKeyManager extends BCX509ExtendedKeyManager {
  private static final String ALIAS = "pemtls";

  private final Supplier<Identity> source;
  private volatile Prepared current;
  private volatile Prepared previous;

  /** One identity made ready for BCJSSE: its chain, its key, and the alias of that version. */
  private static final class Prepared {
    final Identity identity;
    final X509Certificate[] chain;
    final PrivateKey key;
    final KeyTypes.Kind kind;
    final long version;
    final String alias;

    Prepared(Identity identity, long version) {
      this.identity = identity;
      this.version = version;
      this.chain = identity.chain().toArray(new X509Certificate[0]);
      this.kind = KeyTypes.kindOf(chain[0]);
      PrivateKey key = identity.privateKey();
      if (!KeyTypes.plausible(key, kind)) {
        throw new IllegalArgumentException("private key algorithm " + key.getAlgorithm()
            + " does not fit the certificate's " + kind.family + " key");
      }
      this.key = forBcjsse(key, kind);
      this.alias = version == 0 ? ALIAS : ALIAS + "-" + version;
    }
  }

  /** Presents {@code identity}; its key is prepared for BCJSSE once, here. */
  public IdentityKeyManager(Identity identity) {
    this(() -> identity);
  }

  /**
   * Presents whatever {@code source} holds when a handshake starts (a reloading context's live
   * identity). The first is prepared now, so a key that does not fit fails here.
   */
  public IdentityKeyManager(Supplier<Identity> source) {
    this.source = source;
    this.current = new Prepared(source.get(), 0);
  }

  /** The identity current now, prepared once per version. */
  private Prepared prepared() {
    Identity now = source.get();
    Prepared p = current;
    if (p.identity != now) {
      synchronized (this) {
        p = current;
        if (p.identity != now) {
          previous = p;
          p = new Prepared(now, p.version + 1);
          current = p;
        }
      }
    }
    return p;
  }

  /** The version an alias names: the current one or the one before it, else null. */
  private Prepared byAlias(String alias) {
    Prepared p = prepared();
    if (p.alias.equals(alias)) {
      return p;
    }
    Prepared q = previous;
    return q != null && q.alias.equals(alias) ? q : null;
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
      // BouncyCastle's key factory class directly: through its JCA provider, building that
      // provider would cost the JVM 0.6 s (internal.crypto.BcProvider).
      return new KeyFactorySpi.EdDSA().generatePrivate(PrivateKeyInfo.getInstance(key.getEncoded()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot prepare the " + kind.family + " key for TLS", e);
    }
  }

  private BCX509Key choose(String[] keyTypes) {
    Prepared p = prepared();
    if (keyTypes != null) {
      for (String keyType : keyTypes) {
        if (keyType != null && KeyTypes.serves(p.kind, keyType)) {
          return new Key(p, keyType);
        }
      }
    }
    return null;
  }

  private String chooseAlias(String[] keyTypes) {
    Prepared p = prepared();
    if (keyTypes != null) {
      for (String keyType : keyTypes) {
        if (keyType != null && KeyTypes.serves(p.kind, keyType)) {
          return p.alias;
        }
      }
    }
    return null;
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
    Prepared p = byAlias(alias);
    return p == null ? null : new Key(p, keyType);
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
    String alias = chooseAlias(new String[] {keyType});
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return getClientAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Prepared p = byAlias(alias);
    return p == null ? null : p.chain.clone();
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Prepared p = byAlias(alias);
    return p == null ? null : p.key;
  }

  @Override
  public String toString() {
    Prepared p = current;
    return "IdentityKeyManager[" + p.chain[0].getSubjectX500Principal() + ", " + p.kind.family
        + "]";
  }

  /** The chain and key of one version, handed to BCJSSE together. */
  private static final class Key implements BCX509Key {
    private final Prepared p;
    private final String keyType;

    Key(Prepared p, String keyType) {
      this.p = p;
      this.keyType = keyType;
    }

    @Override
    public X509Certificate[] getCertificateChain() {
      return p.chain.clone();
    }

    @Override
    public String getKeyType() {
      return keyType;
    }

    @Override
    public PrivateKey getPrivateKey() {
      return p.key;
    }
  }
}
