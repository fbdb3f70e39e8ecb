package dev.pemtls.internal.identity;

import java.net.Socket;
import java.io.IOException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyFactorySpi;
import org.bouncycastle.jsse.BCX509ExtendedKeyManager;
import org.bouncycastle.jsse.BCX509Key;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Presents the PEM identities of a context (the chains and keys of {@code load_cert_chain}) on
 * both sides.
 *
 * <p>A context holds one identity per kind of key, as OpenSSL keeps one per key type: RSA,
 * RSA-PSS, ECDSA, Ed25519, Ed448, DSA. For each handshake BCJSSE lists the key types it can use,
 * in the order of the peer's signature algorithms (and, in TLS 1.2, for the cipher suite it
 * tries); the first type that one of the identities serves wins, the most recently loaded
 * identity first among those that serve it. So a client that prefers ECDSA gets the ECDSA
 * certificate, one that can only verify RSA the RSA one, as from OpenSSL.
 *
 * <p>Like OpenSSL, it offers a certificate whenever the key type fits, whatever CA names the
 * peer listed: OpenSSL clients send their configured certificate and let the server decide.
 *
 * <p>On the server side a {@link ServerNameSelector} (Python's {@code sni_callback}) may replace
 * the identities for one handshake by the name the client asked for; it is asked once per
 * handshake, and an {@link ServerNameSelector.Abort} ends the handshake with its alert.
 *
 * <p>The identities may be live (hot reload): each choice reads them once, and gets the chain
 * and key of one identity together, the one current at that moment. The alias names that
 * version, so alias-based callers ({@code getCertificateChain(alias)}, {@code
 * getPrivateKey(alias)}) never mix the chain of one version with the key of the next.
 */
public final class IdentityKeyManager extends BCX509ExtendedKeyManager {
  private static final String ALIAS = "pemtls";
  /** The handshake session value that holds one handshake's SNI choice. */
  private static final String CHOSEN = "dev.pemtls.sni";
  private static final int REMEMBERED = 32;

  private final List<? extends Supplier<Identity>> slots;
  private final ServerNameSelector serverNames;
  private final AtomicLong versions = new AtomicLong();
  /** Each identity made ready once; weak, so a replaced version is dropped with its context. */
  private final Map<Identity, Prepared> ready = Collections.synchronizedMap(new WeakHashMap<>());
  /** The aliases handed out lately, for alias-based callers. */
  private final Map<String, Prepared> aliases = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
          return size() > REMEMBERED;
        }
      });

  /** One identity made ready for BCJSSE: its chain, its key, and the alias of that version. */
  private static final class Prepared {
    final X509Certificate[] chain;
    final PrivateKey key;
    final KeyTypes.Kind kind;
    final String alias;

    Prepared(Identity identity, long version) {
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
    this(List.of(source), null);
  }

  /**
   * Presents one identity per key type, chosen by what the peer can use.
   *
   * @param slots the identities, the most recently loaded first; may be empty when {@code
   *     serverNames} supplies them
   * @param serverNames the server side's SNI choice, or null for none
   */
  public IdentityKeyManager(List<? extends Supplier<Identity>> slots,
      ServerNameSelector serverNames) {
    this.slots = List.copyOf(slots);
    this.serverNames = serverNames;
    for (Supplier<Identity> slot : this.slots) {
      prepared(slot.get());
    }
  }

  /** {@code identity} made ready, once per version. */
  private Prepared prepared(Identity identity) {
    Prepared p = ready.get(identity);
    if (p == null) {
      synchronized (this) {
        p = ready.get(identity);
        if (p == null) {
          p = new Prepared(identity, versions.getAndIncrement());
          ready.put(identity, p);
        }
      }
    }
    aliases.put(p.alias, p);
    return p;
  }

  /** A version by its alias: one handed out lately, or one of the identities now. */
  private Prepared byAlias(String alias) {
    Prepared p = aliases.get(alias);
    if (p != null) {
      return p;
    }
    for (Supplier<Identity> slot : slots) {
      Prepared q = prepared(slot.get());
      if (q.alias.equals(alias)) {
        return q;
      }
    }
    return null;
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

  /** The identity and key type that serve the first of {@code keyTypes} one can serve. */
  private BCX509Key choose(String[] keyTypes, List<? extends Supplier<Identity>> from) {
    if (keyTypes == null) {
      return null;
    }
    List<Prepared> now = new ArrayList<>(from.size());
    for (Supplier<Identity> slot : from) {
      now.add(prepared(slot.get()));
    }
    for (String keyType : keyTypes) {
      for (Prepared p : now) {
        if (keyType != null && KeyTypes.serves(p.kind, keyType)) {
          return new Key(p, keyType);
        }
      }
    }
    return null;
  }

  private String alias(BCX509Key key) {
    return key == null ? null : ((Key) key).p.alias;
  }

  /** The identities for a server handshake: those the SNI choice names, or the context's. */
  private List<? extends Supplier<Identity>> server(SSLSession handshake) {
    if (serverNames == null) {
      return slots;
    }
    if (handshake != null) {
      Object chosen = handshake.getValue(CHOSEN);
      if (chosen instanceof Chosen) {
        return ((Chosen) chosen).slots;
      }
    }
    List<? extends Supplier<Identity>> picked;
    try {
      picked = serverNames.select(requestedHostName(handshake), handshake);
    } catch (ServerNameSelector.Abort e) {
      throw sneaky(new TlsFatalAlert((short) e.description(), e.getMessage(), e.getCause()));
    }
    List<? extends Supplier<Identity>> result = picked == null ? slots : List.copyOf(picked);
    if (handshake != null) {
      handshake.putValue(CHOSEN, new Chosen(result));
    }
    return result;
  }

  /** One handshake's SNI choice, kept in its handshake session so the selector runs once. */
  private static final class Chosen {
    final List<? extends Supplier<Identity>> slots;

    Chosen(List<? extends Supplier<Identity>> slots) {
      this.slots = slots;
    }
  }

  private static String requestedHostName(SSLSession handshake) {
    if (handshake instanceof ExtendedSSLSession) {
      for (SNIServerName name : ((ExtendedSSLSession) handshake).getRequestedServerNames()) {
        if (name instanceof SNIHostName) {
          return ((SNIHostName) name).getAsciiName();
        } else if (name.getType() == StandardConstants.SNI_HOST_NAME) {
          return new SNIHostName(name.getEncoded()).getAsciiName();
        }
      }
    }
    return null;
  }

  private static SSLSession handshake(Socket socket) {
    return socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
  }

  private static SSLSession handshake(SSLEngine engine) {
    return engine == null ? null : engine.getHandshakeSession();
  }

  /** Throws a checked exception unchecked: BCJSSE's callers of the key manager pass it on. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }

  @Override
  public BCX509Key chooseClientKeyBC(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes, slots);
  }

  @Override
  public BCX509Key chooseEngineClientKeyBC(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return choose(keyTypes, slots);
  }

  @Override
  public BCX509Key chooseServerKeyBC(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes, server(handshake(socket)));
  }

  @Override
  public BCX509Key chooseEngineServerKeyBC(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return choose(keyTypes, server(handshake(engine)));
  }

  @Override
  protected BCX509Key getKeyBC(String keyType, String alias) {
    Prepared p = byAlias(alias);
    return p == null ? null : new Key(p, keyType);
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return alias(choose(keyTypes, slots));
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return alias(choose(keyTypes, slots));
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return alias(choose(new String[] {keyType}, server(handshake(socket))));
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return alias(choose(new String[] {keyType}, server(handshake(engine))));
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    List<String> out = new ArrayList<>();
    for (Supplier<Identity> slot : slots) {
      Prepared p = prepared(slot.get());
      if (keyType != null && KeyTypes.serves(p.kind, keyType)) {
        out.add(p.alias);
      }
    }
    return out.isEmpty() ? null : out.toArray(new String[0]);
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
    StringBuilder b = new StringBuilder("IdentityKeyManager[");
    for (Supplier<Identity> slot : slots) {
      Prepared p = prepared(slot.get());
      b.append(b.charAt(b.length() - 1) == '[' ? "" : "; ")
          .append(p.chain[0].getSubjectX500Principal()).append(", ").append(p.kind.family);
    }
    return b.append(serverNames == null ? "" : "; by SNI").append(']').toString();
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
