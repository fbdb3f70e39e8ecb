package dev.pemtls;

import dev.pemtls.internal.ciphers.CipherConfig;
import dev.pemtls.internal.ciphers.KeyExchangeGroups;
import dev.pemtls.internal.crypto.KeyLog;
import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.ContextSettings;
import dev.pemtls.internal.jsse.SessionCounters;
import dev.pemtls.internal.jsse.Settings;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.pem.CallbackFailure;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.CaCheck;
import dev.pemtls.internal.trust.OpenSslDefaultPaths;
import dev.pemtls.internal.trust.SecurityLevel;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerifyLocations;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Python's {@code ssl.SSLContext} in Java: TLS settings from PEM files, CA bundles and
 * directories, and OpenSSL cipher strings, applied to sockets with {@link #wrapSocket} or handed
 * to any JSSE user as a standard {@link SSLContext} with {@link #sslContext()}.
 *
 * <p>Defaults, as in Python 3.11 with OpenSSL 3.0:
 *
 * <ul>
 *   <li>{@link Protocol#TLS_CLIENT}: {@code CERT_REQUIRED} with host-name checks;
 *   <li>{@link Protocol#TLS}, {@link Protocol#TLS_SERVER} and the pinned versions: {@code
 *       CERT_NONE} and no host-name check. For a client that is <b>insecure</b> (any server
 *       certificate is accepted, see SECURITY.md); use {@link #createDefaultContext(Purpose)}.
 *   <li>no certificate chain, no trusted CAs (nothing is trusted until loaded);
 *   <li>ciphers: Python's default string {@value #PYTHON_DEFAULT_CIPHERS}; TLS 1.3 suites:
 *       OpenSSL's default {@code TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:
 *       TLS_AES_128_GCM_SHA256};
 *   <li>versions: minimum TLS 1.2, maximum TLS 1.3.
 * </ul>
 *
 * <p>The context is mutable and thread-safe. Each socket, server socket or engine gets an
 * immutable snapshot of the settings at its creation: changing the context
 * later never affects a connection already made. With {@link #setReloadInterval} (a PemTLS
 * extension, off by default) the snapshot's certificate, key and trusted CAs follow new
 * versions of their files for handshakes that start after the change.
 */
public final class SslContext {
  /** Python 3.10+'s default cipher string ({@code _DEFAULT_CIPHERS}/PY_SSL_DEFAULT_CIPHERS). */
  public static final String PYTHON_DEFAULT_CIPHERS = CipherConfig.PYTHON_DEFAULT_CIPHERS;

  private final Protocol protocol;
  private VerifyMode verifyMode;
  private boolean checkHostname;
  private boolean hostnameChecksCommonName = true;
  private final ContextMaterial material = new ContextMaterial(); // identity and trust
  private CipherConfig ciphers;
  private List<String> groups; // TLS names; null: OpenSSL's default list
  private TlsVersion minimumVersion = TlsVersion.TLSv1_2;
  private TlsVersion maximumVersion = TlsVersion.MAXIMUM_SUPPORTED;
  private List<String> alpn = List.of();
  private VerifyFlags verifyFlags = VerifyFlags.X509_TRUSTED_FIRST;
  private Duration handshakeTimeout = Settings.DEFAULT_HANDSHAKE_TIMEOUT;
  private KeyLog keyLog; // keylog_filename; null: off
  private SniCallback sniCallback;
  private Options options = OptionRules.defaults();
  private final SessionCounters sessionCounters = new SessionCounters();
  private ConfiguredSslContext built; // cache for the current settings; null after any change

  /**
   * Python's {@code SSLContext(protocol)}.
   *
   * @throws IllegalArgumentException for {@link Protocol#SSLv2} and {@link Protocol#SSLv3},
   *     which PemTLS never enables: a programmer error, as Python's {@code ValueError}
   *     ("invalid or unsupported protocol version")
   */
  public SslContext(Protocol protocol) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    if (protocol == Protocol.SSLv2 || protocol == Protocol.SSLv3) {
      throw new IllegalArgumentException("invalid or unsupported protocol version "
          + protocol.pythonName() + ": SSL 2.0 and 3.0 are broken and never enabled; use"
          + " PROTOCOL_TLS_CLIENT or PROTOCOL_TLS_SERVER");
    }
    boolean client = protocol == Protocol.TLS_CLIENT;
    this.verifyMode = client ? VerifyMode.CERT_REQUIRED : VerifyMode.CERT_NONE;
    this.checkHostname = client;
    TlsVersion pinned = protocol.pinnedVersion();
    if (pinned != null) {
      minimumVersion = pinned;
      maximumVersion = pinned;
    }
    this.ciphers = CipherConfig.pythonDefault();
  }

  /**
   * Python's {@code ssl.create_default_context(purpose)}: the secure way to make a context. For
   * {@link Purpose#SERVER_AUTH} (a client): {@code PROTOCOL_TLS_CLIENT}, {@code CERT_REQUIRED},
   * host-name checks, and the system's default CAs ({@link #loadDefaultCerts}). For {@link
   * Purpose#CLIENT_AUTH} (a server): {@code PROTOCOL_TLS_SERVER}, {@code CERT_NONE}. As in
   * Python 3.8+, a non-empty environment variable {@code SSLKEYLOGFILE} sets {@link
   * #setKeylogFilename keylog_filename}: every connection's secrets are then written there.
   *
   * @throws SslError also when {@code SSLKEYLOGFILE} names a file that cannot be opened
   */
  public static SslContext createDefaultContext(Purpose purpose) throws SslError {
    return createDefaultContext(purpose, null, null, null);
  }

  /**
   * Python's {@code create_default_context(purpose, cafile, capath, cadata)}: as {@link
   * #createDefaultContext(Purpose)}, but trusting the given CAs instead of the system's when any
   * is given. {@code SSLKEYLOGFILE} is honoured as there.
   */
  public static SslContext createDefaultContext(Purpose purpose, Path cafile, Path capath,
      String cadata) throws SslError {
    SslContext ctx = new SslContext(purpose == Purpose.SERVER_AUTH ? Protocol.TLS_CLIENT
        : Protocol.TLS_SERVER);
    if (cafile != null || capath != null || cadata != null) {
      ctx.loadVerifyLocations(cafile, capath, cadata);
    } else if (ctx.verifyMode() != VerifyMode.CERT_NONE) {
      ctx.loadDefaultCerts(purpose);
    }
    keylogFromEnvironment(ctx, System.getenv());
    return ctx;
  }

  /** Python's {@code create_default_context}: {@code SSLKEYLOGFILE}, when set and not empty. */
  static void keylogFromEnvironment(SslContext ctx, Map<String, String> env) throws SslError {
    String file = env.get("SSLKEYLOGFILE");
    if (file != null && !file.isEmpty()) {
      ctx.setKeylogFilename(Path.of(file));
    }
  }

  /** The protocol the context was created with (read-only, as Python's {@code protocol}). */
  public Protocol protocol() {
    return protocol;
  }

  // --- identity ---

  /*
   * Several identities: as OpenSSL keeps one certificate per key type in a context, a second
   * loadCertChain with a key of another type (RSA, then ECDSA) keeps both, and a server presents
   * the one the client's signature algorithms (and, in TLS 1.2, the cipher suite) ask for; one
   * of the same type replaces the first. A client presents the one the server's request allows,
   * the most recently loaded first.
   */

  /** Python's {@code load_cert_chain(certfile)}: chain and key in one file, unencrypted. */
  public void loadCertChain(Path certfile) throws SslError {
    load(certfile, null, null, null);
  }

  /** Python's {@code load_cert_chain(certfile, keyfile)}, keyfile null for a combined file. */
  public void loadCertChain(Path certfile, Path keyfile) throws SslError {
    load(certfile, keyfile, null, null);
  }

  /**
   * Python's {@code load_cert_chain(certfile, keyfile, password)} with the password given.
   * PemTLS copies it when needed and clears its copies; the caller should clear {@code password}
   * after the call.
   */
  public void loadCertChain(Path certfile, Path keyfile, char[] password) throws SslError {
    char[] copy = password == null ? null : password.clone();
    boolean keep = false;
    try {
      PasswordCallback cb = copy == null ? null : () -> copy.clone();
      synchronized (this) {
        keep = cb != null && !material.reloadInterval().isZero();
      }
      load(certfile, keyfile, cb, keep ? cb : ContextMaterial.NOT_KEPT);
    } catch (SslError | RuntimeException e) {
      keep = false;
      throw e;
    } finally {
      if (copy != null && !keep) {
        java.util.Arrays.fill(copy, '\0');
      }
    }
  }

  /**
   * Python's {@code load_cert_chain(certfile, keyfile=None, password=None)}: the PEM chain (leaf
   * first) in {@code certfile}, the private key in {@code keyfile} or, when null, in {@code
   * certfile}. {@code password} is called only for an encrypted key (and again on each reload,
   * see {@link #setReloadInterval}). The key is checked against the certificate now, as OpenSSL
   * does, and so is the chain against the security level of the cipher string set so far (2 by
   * default; {@code EE_KEY_TOO_SMALL}, {@code CA_KEY_TOO_SMALL}, {@code CA_MD_TOO_WEAK}, as
   * OpenSSL's {@code SSL_CTX_use_certificate}). On failure nothing changes.
   *
   * <p>As in OpenSSL, the context keeps one identity per key type (RSA, RSA-PSS, ECDSA, Ed25519,
   * Ed448, DSA): loading an ECDSA chain after an RSA one keeps both, and each handshake presents
   * the one the peer's signature algorithms (and, in TLS 1.2, the cipher suite) can use, the
   * most recently loaded first among those that fit; loading one of the same type again
   * replaces it. Each is reloaded from its own files (see {@link #setReloadInterval}).
   *
   * <p>As in Python, an exception the callback throws propagates unchanged: its {@code
   * IOException}, {@code RuntimeException} or {@code Error} is what this method throws.
   *
   * @throws SslError naming the file: unreadable, no certificate, no key, wrong password, key
   *     values mismatch, unsupported key type, own chain below the security level
   * @throws IOException whatever {@code password} threw
   */
  public void loadCertChain(Path certfile, Path keyfile, PasswordCallback password)
      throws IOException {
    try {
      load(certfile, keyfile, password, password);
    } catch (CallbackFailure e) {
      throw e.thrown();
    }
  }

  private void load(Path certfile, Path keyfile, PasswordCallback password,
      PasswordCallback forReload) throws SslError {
    Objects.requireNonNull(certfile, "certfile");
    Identity loaded = PemFiles.loadIdentity(certfile, keyfile, password);
    SecurityLevel.checkOwnChain(loaded.chain(), securityLevel(), certfile.toString());
    synchronized (this) {
      material.identity(loaded, certfile, keyfile, forReload);
      built = null;
    }
  }


  /** The live identities, the current first, for a connection switched here by SNI. */
  synchronized List<dev.pemtls.internal.reload.Live<Identity>> identities() {
    List<dev.pemtls.internal.reload.Live<Identity>> all = new java.util.ArrayList<>();
    if (material.identity() != null) {
      all.add(material.identity());
    }
    all.addAll(material.moreIdentities());
    return all;
  }

  // --- SNI ---

  /** Python's {@code sni_callback}; null (the default) when none is set. */
  public synchronized SniCallback sniCallback() {
    return sniCallback;
  }

  /**
   * Sets Python's {@code sni_callback} (older Pythons' {@code set_servername_callback}): called
   * on the server side once per handshake with the host name the client sent as SNI (null when
   * it sent none), before a certificate is chosen; it may switch the connection to another
   * context's identities ({@link SniConnection#setContext}) or end the handshake with an alert.
   * See {@link SniCallback}. Default: none, every client gets this context's identities. Applies
   * to sockets, server sockets and engines made after the call.
   *
   * @param callback the callback, or null to remove it
   * @throws IllegalArgumentException on a {@link Protocol#TLS_CLIENT} context, as Python refuses
   *     it ("sni_callback cannot be set on TLS_CLIENT context")
   */
  public synchronized void setSniCallback(SniCallback callback) {
    if (callback != null && protocol == Protocol.TLS_CLIENT) {
      throw new IllegalArgumentException("sni_callback cannot be set on TLS_CLIENT context");
    }
    sniCallback = callback;
    built = null;
  }

  // --- trust ---

  /**
   * Python's {@code load_verify_locations(cafile, capath, cadata)}: adds trusted CAs from a PEM
   * bundle file (its {@code X509 CRL} blocks too, used when CRL checking is on), a CA directory,
   * and/or PEM text. At least one must be given.
   *
   * <p>{@code capath} is read lazily, as OpenSSL does: only its existence is checked now; during
   * verification an issuer is looked up as {@code <subject hash>.0}, {@code .1}, ... and its
   * CRLs as {@code <hash>.r0}, ... ({@code pemtls rehash DIR} or {@code openssl rehash DIR}
   * makes these links). Several directories may be given separated by {@code ':'}, as OpenSSL
   * splits them. Its certificates are therefore not listed by {@link #caCertificates()}.
   *
   * @throws IllegalArgumentException if all three are null
   * @throws SslError naming the file when it cannot be read or holds no certificate, or the
   *     directory when it does not exist; on failure nothing is added
   */
  public void loadVerifyLocations(Path cafile, Path capath, String cadata) throws SslError {
    if (cafile == null && capath == null && cadata == null) {
      throw new IllegalArgumentException("cafile, capath and cadata cannot be all omitted");
    }
    VerifyLocations fromFile = cafile == null ? null : VerifyLocations.load(cafile, null, null);
    VerifyLocations rest = VerifyLocations.load(null, capath, cadata);
    synchronized (this) {
      material.addTrusted(cafile, fromFile, rest);
      built = null;
    }
  }

  /** Python's {@code load_verify_locations(cadata=...)} with DER bytes (one or more certs). */
  public void loadVerifyLocations(byte[] cadata) throws SslError {
    addTrusted(new VerifyLocations(PemFiles.parseCaData(Objects.requireNonNull(cadata,
        "cadata")).certificates(), List.of(), null));
  }

  private synchronized void addTrusted(VerifyLocations locations) {
    material.addTrusted(null, null, locations);
    built = null;
  }

  /**
   * Python's {@code set_default_verify_paths()}: trusts OpenSSL's default CA file and directory,
   * or those named by {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR}. As in OpenSSL, locations
   * that do not exist or cannot be read are skipped (logged): where none exists nothing is added
   * and verification will fail with "unable to get local issuer certificate", never succeed. The
   * directories are read lazily, as {@link #loadVerifyLocations} reads a capath.
   */
  public void setDefaultVerifyPaths() {
    addTrusted(VerifyLocations.defaults(OpenSslDefaultPaths.current()));
  }

  /**
   * Python's {@code load_default_certs(purpose)}: on Unix the same as {@link
   * #setDefaultVerifyPaths()}, whatever the purpose.
   */
  public void loadDefaultCerts(Purpose purpose) {
    Objects.requireNonNull(purpose, "purpose");
    setDefaultVerifyPaths();
  }

  /**
   * The trusted CA certificates loaded so far (Python's {@code get_ca_certs(binary_form=True)}):
   * those of cafiles and cadata that OpenSSL's {@code X509_check_ca} accepts as CAs (a leaf
   * loaded as trusted is trusted but not listed, as in Python); a capath's are not listed.
   */
  public synchronized List<X509Certificate> caCertificates() {
    return material.trust().get().certificates().stream().filter(CaCheck::isCa).toList();
  }

  /**
   * Python's {@code cert_store_stats()}: how many trusted certificates ({@code x509}), how many
   * of them CAs ({@code x509_ca}) and how many CRLs ({@code crl}) are loaded, from cafiles and
   * cadata. A capath's files are not counted: Python counts them only once a verification has
   * looked them up, PemTLS not at all.
   */
  public synchronized Map<String, Integer> certStoreStats() {
    TrustStore trust = material.trust().get();
    Map<String, Integer> stats = new LinkedHashMap<>();
    stats.put("x509", trust.certificates().size());
    stats.put("crl", trust.crls().size());
    stats.put("x509_ca", (int) trust.certificates().stream().filter(CaCheck::isCa).count());
    return stats;
  }

  /**
   * Python's {@code post_handshake_auth}: always false. BCJSSE 1.84 does not implement TLS 1.3
   * post-handshake client authentication, so a PemTLS client never offers it.
   */
  public boolean postHandshakeAuth() {
    return false;
  }

  /**
   * Python's {@code post_handshake_auth = value}. {@code false} is what PemTLS does; {@code true}
   * is refused, never ignored: BCJSSE 1.84 cannot answer a server's post-handshake request.
   *
   * @throws IllegalArgumentException for {@code true}
   */
  public void setPostHandshakeAuth(boolean enabled) {
    if (enabled) {
      throw new IllegalArgumentException("post_handshake_auth cannot be turned on: BCJSSE 1.84 "
          + "does not implement TLS 1.3 post-handshake authentication; request the client "
          + "certificate in the handshake instead (verify_mode on the server)");
    }
  }

  /**
   * Python's {@code num_tickets}: the TLS 1.3 session tickets a server sends after each
   * handshake. Always 0: BCJSSE 1.84 sends none (see BENCHMARKS.md on TLS 1.3 resumption), where
   * Python's default is 2.
   */
  public int numTickets() {
    return 0;
  }

  /**
   * Python's {@code num_tickets = n}. 0 is what PemTLS does; any other count is refused, never
   * ignored.
   *
   * @throws IllegalArgumentException for a count other than 0
   */
  public void setNumTickets(int count) {
    if (count != 0) {
      throw new IllegalArgumentException("num_tickets " + count + " cannot be set: BCJSSE 1.84 "
          + "sends no TLS 1.3 session tickets, so PemTLS servers send 0 (clients resume TLS 1.2 "
          + "sessions only)");
    }
  }

  // --- ciphers ---

  /**
   * Python's {@code set_ciphers(ciphers)}: the TLS 1.2-and-older suites, in OpenSSL's cipher list
   * format, expanded exactly as OpenSSL 3.0 expands it. TLS 1.3 suites are set apart with {@link
   * #setCiphersuites}. Default: {@value #PYTHON_DEFAULT_CIPHERS}.
   *
   * @throws SslError {@code NO_CIPHER_MATCH} "No cipher can be selected." when the string selects
   *     nothing PemTLS can negotiate; the previous setting then stays
   */
  public synchronized void setCiphers(String cipherString) throws SslError {
    ciphers = ciphers.withCiphers(cipherString); // raises before anything changes
    built = null;
  }

  /**
   * The TLS 1.3 suites, OpenSSL's {@code SSL_CTX_set_ciphersuites} (Python has no setter; its
   * contexts use OpenSSL's default). Colon-separated IANA names; empty disables TLS 1.3 suites.
   */
  public synchronized void setCiphersuites(String suites) throws SslError {
    ciphers = ciphers.withCiphersuites(suites);
    built = null;
  }

  /**
   * Python's {@code get_ciphers()}: the enabled suites, TLS 1.3 first, each as Python's
   * dictionary (id, name, protocol, description, strength_bits, alg_bits, aead, symmetric,
   * digest, kea, auth). Python lists every suite OpenSSL selected; PemTLS lists those it enables:
   * the ones BCJSSE can negotiate that pass the security level, in the same order.
   */
  public synchronized List<Map<String, Object>> getCiphers() {
    return ciphers.dicts();
  }

  /**
   * The cipher string last set with {@link #setCiphers}, as given; default {@value
   * #PYTHON_DEFAULT_CIPHERS}. Python has no getter for it; {@link #getCiphers()} lists the
   * suites it selects.
   */
  public synchronized String cipherString() {
    return ciphers.cipherString();
  }

  /**
   * Python's {@code security_level}: OpenSSL's security level, set by the cipher string's
   * {@code @SECLEVEL=n} (2 in Python's default string; OpenSSL's default 1 when a string sets
   * none). It limits suites, key sizes, signature algorithms and key-exchange groups.
   */
  public synchronized int securityLevel() {
    return ciphers.securityLevel();
  }

  /**
   * Python's {@code set_ecdh_curve(curve_name)}: offers and accepts only this curve for the key
   * exchange, by OpenSSL's short name: {@code prime256v1}, {@code secp384r1}, {@code secp521r1},
   * {@code X25519} or {@code X448} (as Python 3.11 with OpenSSL 3.0 does, through {@code
   * SSL_CTX_set1_groups}). Default: OpenSSL 3.0's groups, X25519, P-256, X448, P-521, P-384 and
   * ffdhe2048 to ffdhe8192, less what the security level refuses. See {@link #setGroups} for
   * what BCJSSE does with ECDSA certificates on other curves.
   *
   * @throws IllegalArgumentException Python's {@code ValueError} ("unknown elliptic curve name")
   *     for any other name, also for curves Python accepts that PemTLS does not offer
   *     (secp256k1, the brainpool curves)
   */
  public synchronized void setEcdhCurve(String curveName) {
    groups = List.of(KeyExchangeGroups.ecdhCurve(curveName));
    built = null;
  }

  /**
   * The key-exchange groups in preference order, in OpenSSL's group list syntax ({@code
   * SSL_CTX_set1_groups_list}, {@code openssl s_client -groups}; {@code set_groups} in newer
   * Pythons): colon-separated TLS names ({@code x25519}, {@code secp256r1}, {@code secp384r1},
   * {@code secp521r1}, {@code x448}, {@code ffdhe2048} to {@code ffdhe8192}) or OpenSSL's aliases
   * ({@code X25519}, {@code P-256}, {@code prime256v1}, ...), case-sensitive. The security level
   * still drops groups below it. Default as in {@link #setEcdhCurve}.
   *
   * <p>Unlike OpenSSL, BCJSSE also uses this list for ECDSA signatures: in TLS 1.3 an ECDSA
   * certificate (this side's or the peer's) on P-256, P-384 or P-521 can only sign or be
   * verified when its curve is in the list, and in TLS 1.2 ECDSA needs one of those curves in
   * it. A list without them (only {@code X25519}, say) leaves ECDSA certificates out; the same
   * holds for {@link #setEcdhCurve}.
   *
   * @throws SslError {@code PASSED_INVALID_ARGUMENT} naming a group PemTLS does not know; nothing
   *     changes then
   */
  public synchronized void setGroups(String groupList) throws SslError {
    groups = KeyExchangeGroups.parseList(groupList);
    built = null;
  }

  // --- verification ---

  /** Python's {@code verify_mode}. */
  public synchronized VerifyMode verifyMode() {
    return verifyMode;
  }

  /**
   * Sets Python's {@code verify_mode}.
   *
   * @throws IllegalStateException for {@code CERT_NONE} while {@link #checkHostname()} is on, as
   *     Python refuses it ("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.")
   */
  public synchronized void setVerifyMode(VerifyMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (mode == VerifyMode.CERT_NONE && checkHostname) {
      throw new IllegalStateException("Cannot set verify_mode to CERT_NONE when check_hostname "
          + "is enabled. Call setCheckHostname(false) first.");
    }
    verifyMode = mode;
    built = null;
  }

  /** Python's {@code verify_flags}; default {@link VerifyFlags#X509_TRUSTED_FIRST}. */
  public synchronized VerifyFlags verifyFlags() {
    return verifyFlags;
  }

  /**
   * Sets Python's {@code verify_flags}, e.g. {@code
   * VerifyFlags.X509_TRUSTED_FIRST.with(VerifyFlags.CRL_CHECK_LEAF)}. With a CRL check on, a
   * peer whose issuer has no loaded CRL fails with verify code 3.
   */
  public synchronized void setVerifyFlags(VerifyFlags flags) {
    verifyFlags = Objects.requireNonNull(flags, "flags");
    built = null;
  }

  /** Python's {@code check_hostname}: on by default only for {@code PROTOCOL_TLS_CLIENT}. */
  public synchronized boolean checkHostname() {
    return checkHostname;
  }

  /**
   * Sets Python's {@code check_hostname}. Turning it on while the verify mode is {@code
   * CERT_NONE} switches the mode to {@code CERT_REQUIRED}, as Python 3.7+ does.
   */
  public synchronized void setCheckHostname(boolean on) {
    if (on && verifyMode == VerifyMode.CERT_NONE) {
      verifyMode = VerifyMode.CERT_REQUIRED;
    }
    checkHostname = on;
    built = null;
  }
  /**
   * Python's {@code hostname_checks_common_name} (default true, as in Python 3.11 with OpenSSL
   * 3.0): whether the host-name check falls back to the subject's commonName when the
   * certificate has no DNS subject alternative names. False is OpenSSL's {@code
   * X509_CHECK_FLAG_NEVER_CHECK_SUBJECT}: such a certificate then matches no host name.
   */
  public synchronized boolean hostnameChecksCommonName() {
    return hostnameChecksCommonName;
  }

  /** Sets Python's {@code hostname_checks_common_name}; see {@link #hostnameChecksCommonName}. */
  public synchronized void setHostnameChecksCommonName(boolean fallback) {
    hostnameChecksCommonName = fallback;
    built = null;
  }


  // --- versions and ALPN ---

  /** Python's {@code minimum_version}; default TLS 1.2. */
  public synchronized TlsVersion minimumVersion() {
    return minimumVersion;
  }

  /** Python's {@code maximum_version}; default {@code MAXIMUM_SUPPORTED} (TLS 1.3). */
  public synchronized TlsVersion maximumVersion() {
    return maximumVersion;
  }

  /**
   * Sets Python's {@code minimum_version}.
   *
   * @throws IllegalStateException for a context pinned to one version, as in Python
   */
  public synchronized void setMinimumVersion(TlsVersion v) {
    requireNegotiable();
    minimumVersion = Objects.requireNonNull(v);
    built = null;
  }

  /** Sets Python's {@code maximum_version}; see {@link #setMinimumVersion}. */
  public synchronized void setMaximumVersion(TlsVersion v) {
    requireNegotiable();
    maximumVersion = Objects.requireNonNull(v);
    built = null;
  }

  private void requireNegotiable() {
    if (protocol.pinnedVersion() != null) {
      throw new IllegalStateException("The context's protocol doesn't support modification of "
          + "highest and lowest version. Use PROTOCOL_TLS_CLIENT or PROTOCOL_TLS_SERVER.");
    }
  }

  /** Python's {@code set_alpn_protocols}: ALPN names in preference order, e.g. "h2". */
  public synchronized void setAlpnProtocols(List<String> protocols) {
    for (String p : protocols) {
      if (p.isEmpty() || p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
        throw new IllegalArgumentException("ALPN protocol name must be 1 to 255 bytes: '" + p
            + "'");
      }
    }
    alpn = List.copyOf(protocols);
    built = null;
  }

  // --- options ---

  /**
   * Python's {@code options}. Default: Python 3.11's ({@code OP_ALL | OP_NO_SSLv3 |
   * OP_CIPHER_SERVER_PREFERENCE | OP_ENABLE_MIDDLEBOX_COMPAT | OP_NO_COMPRESSION}, 0x82520050)
   * plus {@code OP_NO_RENEGOTIATION}, {@code OP_NO_TICKET} and {@code OP_LEGACY_SERVER_CONNECT},
   * which BCJSSE always behaves by (see {@link Options}).
   */
  public synchronized Options options() {
    return options;
  }

  /**
   * Sets Python's {@code options}, e.g. {@code ctx.setOptions(ctx.options().with(
   * Options.NO_TLSv1_3))} for {@code ctx.options |= OP_NO_TLSv1_3}. {@code OP_NO_TLSv1_x} take
   * versions out of the minimum..maximum range as OpenSSL does; {@code
   * OP_CIPHER_SERVER_PREFERENCE} chooses whose suite order a server follows. Flags PemTLS cannot
   * honour are refused, never ignored: see {@link Options}.
   *
   * @throws IllegalArgumentException clearing a flag BCJSSE always behaves by, or setting {@code
   *     OP_IGNORE_UNEXPECTED_EOF}; nothing changes then
   */
  public synchronized void setOptions(Options requested) {
    Objects.requireNonNull(requested, "options");
    OptionRules.check(requested);
    options = requested;
    built = null;
  }

  // --- reloading (a PemTLS extension) ---

  /**
   * How often PemTLS checks the files this context loaded for new versions: a <b>PemTLS
   * extension</b>, Python reads its files once. Default: zero, never (as Python).
   *
   * @see #setReloadInterval
   */
  public synchronized Duration reloadInterval() {
    return material.reloadInterval();
  }

  /**
   * Turns on hot reload, a <b>PemTLS extension</b> (Python has no such setting): every {@code
   * interval} a daemon thread checks the metadata of the certfile and keyfile of {@link
   * #loadCertChain} and of the cafiles of {@link #loadVerifyLocations}; when they changed, it
   * loads them completely and checks them (the chain parses, the key matches the certificate, the
   * bundle parses) before swapping them in. Handshakes that start afterwards use the new
   * material, also on sockets, server sockets and {@link #sslContext()} contexts made before the
   * change; open connections keep theirs. A version that fails to load (half written, a
   * certificate whose key has not arrived) keeps the previous one, with one SEVERE log line naming
   * the file. A capath is looked up lazily and is always current. Applies to files loaded before
   * and after this call. With reloading on, an encrypted key's password passed as {@code char[]}
   * is kept in memory to decrypt new versions; a {@link PasswordCallback} is asked again instead.
   * The live certificate is also logged (INFO per change, WARNING within 14 days of expiry,
   * SEVERE once expired) and shown as the JMX bean {@code dev.pemtls:type=Identity}.
   *
   * @param interval how often to check; {@link Duration#ZERO} (the default) turns reloading off
   * @throws IllegalArgumentException for a negative interval
   */
  public synchronized void setReloadInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("reload interval must be zero (off) or positive, not "
          + interval);
    }
    material.reloadInterval(interval);
    built = null;
  }

  // --- handshake timeout ---

  /** The handshake timeout; default 30 seconds. See {@link #setHandshakeTimeout}. */
  public synchronized Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /**
   * How long a whole TLS handshake may take on a socket from {@link #wrapSocket} (both sides)
   * and on the server sockets of {@link #sslContext()}, counted from the handshake's start (from
   * {@code accept()} on server sockets); default 30 seconds, {@link Duration#ZERO} for no limit.
   * A peer that sends nothing, or a byte at a time, then fails with a {@link
   * java.net.SocketTimeoutException} instead of holding the thread. Python has no such setting
   * (its {@code socket.settimeout} bounds each read, as {@code setSoTimeout} does here); a
   * server needs one. The clock stops when {@code startHandshake()} or the first read or write
   * returns: a server socket whose first read runs the handshake gives the client the deadline
   * for the handshake and its first data. The socket's SO_TIMEOUT still applies to every read.
   * Engines ({@code createSSLEngine}) and {@link #wrapBio} objects do no I/O and are not covered.
   *
   * @throws IllegalArgumentException for a negative duration
   */
  public synchronized void setHandshakeTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("handshake timeout must be zero (none) or positive, not "
          + timeout);
    }
    handshakeTimeout = timeout;
    built = null;
  }

  // --- key log ---

  /**
   * Python's {@code keylog_filename}: the file this context's connections write their TLS
   * secrets to, as set; default null (none).
   */
  public synchronized Path keylogFilename() {
    return keyLog == null ? null : keyLog.file();
  }

  /**
   * Sets Python's {@code keylog_filename}: each connection of this context (made after the call,
   * on either side) appends its secrets to {@code file} in NSS's key-log format, which Wireshark
   * reads to decrypt a capture: {@code CLIENT_RANDOM} lines for TLS 1.2, {@code
   * CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}, {@code
   * CLIENT_TRAFFIC_SECRET_0}, {@code SERVER_TRAFFIC_SECRET_0} and {@code EXPORTER_SECRET} for
   * TLS 1.3, the same lines OpenSSL gives Python. As in Python the file is opened for appending
   * now (created when missing, with the header {@value KeyLog#PYTHON_HEADER} when empty); unlike
   * Python, a file PemTLS creates is readable by its owner only. A line that cannot be written
   * fails its handshake. Default: none, and null turns it off again.
   *
   * <p><b>Anyone who can read the file can decrypt every connection it lists</b>: for debugging
   * only (see SECURITY.md). The secrets are in BCJSSE's crypto objects; PemTLS reads them there,
   * no agent is needed.
   *
   * @throws SslError naming the file when it is a directory, its folder does not exist or it
   *     cannot be written (Python: {@code OSError}); the previous setting then stays
   */
  public void setKeylogFilename(Path file) throws SslError {
    KeyLog opened = file == null ? null : KeyLog.open(file, KeyLog.PYTHON_HEADER);
    synchronized (this) {
      keyLog = opened;
      built = null;
    }
  }

  // --- snapshots and sockets ---

  static {
    ContextSettings.install(SslContext::settings);
  }

  /**
   * The immutable snapshot of the current settings. Not API: the provider and the command line
   * read it through {@link ContextSettings}.
   */
  synchronized Settings settings() {
    return new Settings(protocol, verifyMode, checkHostname, material.identity(), material.trust(),
        OptionRules.protocols(TlsVersion.jsseRange(minimumVersion, maximumVersion), options),
        ciphers.jsseSuites(), alpn,
        verifyFlags, ciphers.securityLevel()).change().handshakeTimeout(handshakeTimeout)
        .groups(groups).hostnameChecksCommonName(hostnameChecksCommonName).keyLog(keyLog)
        .moreIdentities(material.moreIdentities())
        .serverNames(sniCallback == null ? null : new SniDispatch(this, sniCallback))
        .cipherServerPreference(options.contains(Options.CIPHER_SERVER_PREFERENCE)).build();
  }


  /**
   * A standard JSSE {@link SSLContext} with every setting of this context applied: its socket
   * factories, server socket factories and engines honour the verify mode, host-name check,
   * ciphers, versions and ALPN. It is a snapshot: later changes to this context make a new one.
   */
  public synchronized SSLContext sslContext() {
    if (built == null) {
      built = ConfiguredSslContext.create(settings());
    }
    return built;
  }

  /**
   * This context's trust decision as a standard trust manager, for JSSE users that take one:
   * OkHttp's {@code sslSocketFactory(factory, trustManager)}, Netty's {@code
   * SslContextBuilder.trustManager(...)}, {@code SSLContext.init}. A Java addition; Python has
   * none.
   *
   * <p>It verifies the peer's chain as this context does: against the CAs loaded with {@link
   * #loadVerifyLocations} or {@link #loadDefaultCerts}, with the {@link #verifyFlags()} (CRLs,
   * strict, partial chains) and the cipher string's security level, failing with OpenSSL's
   * verify codes. As a client with {@link VerifyMode#CERT_NONE} it accepts <b>any</b> server
   * certificate. The server's host name is checked when the socket or engine has an endpoint
   * identification algorithm set, as HttpsURLConnection, OkHttp and Netty's clients set it
   * ({@link #checkHostname()} is applied by this context's own sockets, which set it). Whether a
   * server asks for a client certificate is the socket's setting ({@code setNeedClientAuth}),
   * not the trust manager's; a client certificate that is sent is always verified.
   *
   * <p>A snapshot: later changes to this context need a new trust manager.
   */
  public synchronized X509ExtendedTrustManager trustManager() {
    return (X509ExtendedTrustManager) ConfiguredSslContext.trustManagers(settings())[0];
  }

  /**
   * The identities loaded with {@link #loadCertChain} as a standard key manager, for JSSE users
   * that take one (Netty's {@code SslContextBuilder.keyManager(...)}, {@code SSLContext.init});
   * null when no identity is loaded and no {@link #setSniCallback SNI callback} is set. A Java
   * addition; Python has none. Like OpenSSL, it offers a certificate whenever its key type fits,
   * whatever CA names the peer listed, and runs the SNI callback on the server side. A snapshot.
   */
  public synchronized X509ExtendedKeyManager keyManager() {
    KeyManager[] managers = ConfiguredSslContext.keyManagers(settings());
    return managers.length == 0 ? null : (X509ExtendedKeyManager) managers[0];
  }

  /**
   * Python's {@code wrap_socket(sock, server_side=False, do_handshake_on_connect=True,
   * suppress_ragged_eofs=True, server_hostname=None)}.
   *
   * @see #wrapSocket(Socket, boolean, boolean, boolean, String)
   */
  public SSLSocket wrapSocket(Socket sock, boolean serverSide, String serverHostname)
      throws IOException {
    return wrapSocket(sock, serverSide, true, true, serverHostname);
  }

  /**
   * Python's {@code SSLContext.wrap_socket}: layers TLS over {@code sock} and returns the TLS
   * socket; closing it closes {@code sock}.
   *
   * @param serverSide act as the server
   * @param doHandshakeOnConnect handshake now (or, for a socket not yet connected, on {@code
   *     connect}); false leaves it to {@code startHandshake()} or the first read/write
   * @param suppressRaggedEofs a TCP EOF without close_notify reads as end of stream (true) or
   *     raises {@link SslEofError} ({@code UNEXPECTED_EOF_WHILE_READING}) (false)
   * @param serverHostname client side: the host name to send as SNI and to check the
   *     certificate against; required while {@link #checkHostname()} is on
   * @throws IllegalArgumentException for combinations Python refuses
   * @throws SslError when the handshake fails; {@link SslCertVerificationError} with OpenSSL's
   *     verify code when the peer's certificate does
   */
  public SSLSocket wrapSocket(Socket sock, boolean serverSide, boolean doHandshakeOnConnect,
      boolean suppressRaggedEofs, String serverHostname) throws IOException {
    return SocketWrapping.wrap(this, sock, serverSide, doHandshakeOnConnect, suppressRaggedEofs,
        serverHostname, null);
  }

  /**
   * Python's {@code wrap_socket(..., session=session)}: as {@link #wrapSocket(Socket, boolean,
   * boolean, boolean, String)}, a client offering {@code session} (from {@link
   * SslSocket#session()} of an earlier connection) to resume; {@link SslSocket#sessionReused()}
   * then says whether the server took it. Null offers none: as in Python, a client resumes only
   * the session it is given, never one picked by host and port.
   *
   * <p>Only TLS 1.2 and older sessions resume (BCJSSE 1.84). A session made before this context's
   * settings last changed is not offered (a full handshake applies the new settings), nor one
   * invalidated since (a reload of the trusted CAs or the identity invalidates them all).
   *
   * @throws IllegalArgumentException as Python: "session can only be specified in client mode",
   *     "Session refers to a different SSLContext."; and, as PemTLS refuses it, for a session made
   *     with another {@code serverHostname} (resuming skips the certificate and host checks)
   */
  public SSLSocket wrapSocket(Socket sock, boolean serverSide, boolean doHandshakeOnConnect,
      boolean suppressRaggedEofs, String serverHostname, SslSession session) throws IOException {
    return SocketWrapping.wrap(this, sock, serverSide, doHandshakeOnConnect, suppressRaggedEofs,
        serverHostname, session);
  }

  /**
   * Python's {@code session_stats()}: this context's handshake counts, by Python's keys. {@code
   * connect}, {@code connect_good}, {@code accept}, {@code accept_good}: handshakes begun and
   * completed as client and as server, on {@link #wrapSocket} sockets and {@link #wrapBio}
   * objects (not on {@link #sslContext()}'s); {@code hits}: those that resumed a session, on
   * either side, as OpenSSL counts; {@code misses}: server handshakes where the client offered a
   * session id that was not resumed (OpenSSL also counts a full handshake after an empty ticket
   * extension); {@code number}: the sessions in the server cache of the current settings
   * snapshot (each snapshot has its own caches: after a settings change, a client's session from
   * before is a miss, where OpenSSL's one cache would keep it). Always 0: {@code connect_renegotiate} and {@code accept_renegotiate} (BCJSSE never
   * renegotiates), {@code timeouts} and {@code cache_full} (BCJSSE drops expired and surplus
   * sessions without telling).
   */
  public Map<String, Long> sessionStats() {
    javax.net.ssl.SSLSessionContext server = sslContext().getServerSessionContext();
    long number = server == null ? 0 : java.util.Collections.list(server.getIds()).size();
    return sessionCounters.snapshot(number);
  }

  SessionCounters sessionCounters() {
    return sessionCounters;
  }

  /**
   * Python's {@code wrap_bio(incoming, outgoing, server_side=False, server_hostname=None)}: TLS
   * over memory buffers, for event loops, with this context's settings as {@link #wrapSocket}
   * applies them, and its argument checks too (Python's {@code wrap_bio} skips them: with
   * {@code check_hostname} and no {@code server_hostname} it checks no name). No I/O happens
   * here: the handshake starts with {@link SslObject#doHandshake()}. For Python's {@code session}
   * argument see {@link #wrapBio(MemoryBio, MemoryBio, boolean, String, SslSession)}.
   *
   * @param incoming the BIO the caller writes the peer's bytes into
   * @param outgoing the BIO the object writes the bytes for the peer into
   * @param serverHostname client side: SNI and the name to check; required while {@link
   *     #checkHostname()} is on
   * @throws IllegalArgumentException for combinations Python refuses, or one BIO given twice
   */
  public SslObject wrapBio(MemoryBio incoming, MemoryBio outgoing, boolean serverSide,
      String serverHostname) {
    return SslObject.create(this, incoming, outgoing, serverSide, serverHostname, null);
  }

  /**
   * Python's {@code wrap_bio(..., session=session)}: as {@link #wrapBio(MemoryBio, MemoryBio,
   * boolean, String)}, a client offering {@code session} to resume, with the rules and checks of
   * {@link #wrapSocket(Socket, boolean, boolean, boolean, String, SslSession)}.
   */
  public SslObject wrapBio(MemoryBio incoming, MemoryBio outgoing, boolean serverSide,
      String serverHostname, SslSession session) {
    return SslObject.create(this, incoming, outgoing, serverSide, serverHostname, session);
  }

  @Override
  public synchronized String toString() {
    return "SslContext[" + protocol.pythonName() + ", " + verifyMode + ", check_hostname="
        + checkHostname + ", identity=" + (material.identity() == null ? "none"
            : material.identity().get()) + ", " + material.trust().get() + "]";
  }
}
