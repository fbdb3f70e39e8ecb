package dev.pemtls.internal.jsse;

import dev.pemtls.Protocol;
import dev.pemtls.VerifyFlags;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.ciphers.KeyExchangeGroups;
import dev.pemtls.internal.crypto.KeyLog;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.ServerNameSelector;
import dev.pemtls.internal.reload.Live;
import dev.pemtls.internal.trust.TrustStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One immutable snapshot of every TLS setting, the meeting point of both entry points: the
 * spec's {@code SslContext} and (later) the provider's config file. Everything after it, the
 * BCJSSE context, sockets, engines, is built from a {@code Settings} alone, so a setting cannot
 * exist in one entry point and not in the other, and changing a context never races a handshake.
 *
 * @param protocol the context's protocol constant
 * @param verifyMode Python's verify_mode as the client side applies it: {@code CERT_NONE} accepts
 *     any server certificate, the others verify it
 * @param serverVerifyMode the verify mode as the server side applies it: whether sockets and
 *     engines in server mode ask for no client certificate ({@code CERT_NONE}), ask for one
 *     ({@code CERT_OPTIONAL}) or require one ({@code CERT_REQUIRED}). Python and OpenSSL have one
 *     verify_mode for both sides, and {@code SslContext} keeps the two equal; the provider sets
 *     them apart (an unset {@code verify_mode} means client CERT_REQUIRED, server CERT_NONE).
 * @param checkHostname Python's check_hostname
 * @param liveIdentity the certificate chain and key of {@code load_cert_chain}, null when none
 *     was loaded; the key stays inside it and the key manager built from it. A reference, not a
 *     value: with reloading on, a watcher replaces what it holds, and every handshake (also of
 *     sockets and contexts made before the change) reads it once, at its start
 * @param liveTrust the trusted certificates, a reference like {@code liveIdentity}
 * @param protocols the enabled JSSE protocol names, newest first
 * @param cipherSuites the enabled JSSE suite names in preference order (TLS 1.3 first), or null
 *     for BCJSSE's defaults
 * @param applicationProtocols ALPN protocol names in preference order; empty for none
 * @param verifyFlags Python's verify_flags (CRL checks, strict, partial chains)
 * @param securityLevel OpenSSL's security level (0 to 5) from the cipher string's {@code
 *     @SECLEVEL}: the minimum key sizes and signature digests of the peer's chain
 * @param handshakeTimeout how long a handshake on a socket may take in all; zero for no limit
 * @param groups the key-exchange groups ({@code set_ecdh_curve}, the {@code groups} key) by
 *     their TLS names ({@code x25519}, {@code secp256r1}), in preference order, or null for
 *     OpenSSL 3.0's default list; either is filtered by the security level ({@link
 *     KeyExchangeGroups})
 * @param hostnameChecksCommonName Python's {@code hostname_checks_common_name}: whether the host
 *     check falls back to the subject's commonName for a certificate without DNS SANs
 * @param keyLog Python's {@code keylog_filename}: where every connection's TLS secrets are
 *     written, or null (the default) for nowhere
 * @param moreIdentities identities of other key types loaded beside {@code liveIdentity} (OpenSSL
 *     keeps one per key type: {@code load_cert_chain} with an RSA and then an ECDSA key keeps
 *     both), most recently loaded first; empty for one. References like {@code liveIdentity}
 * @param serverNames the server side's choice of identity by SNI (Python's {@code
 *     sni_callback}), or null for none
 * @param cipherServerPreference OpenSSL's {@code OP_CIPHER_SERVER_PREFERENCE}: a server picks
 *     by its own suite order (true, Python's default) or by the client's
 */
public record Settings(
    Protocol protocol,
    VerifyMode verifyMode,
    VerifyMode serverVerifyMode,
    boolean checkHostname,
    Live<Identity> liveIdentity,
    Live<TrustStore> liveTrust,
    List<String> protocols,
    List<String> cipherSuites,
    List<String> applicationProtocols,
    VerifyFlags verifyFlags,
    int securityLevel,
    Duration handshakeTimeout,
    List<String> groups,
    boolean hostnameChecksCommonName,
    KeyLog keyLog,
    List<Live<Identity>> moreIdentities,
    ServerNameSelector serverNames,
    boolean cipherServerPreference) {

  /** The handshake timeout unless set otherwise: long for any real peer, short for a stall. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

  public Settings {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(verifyMode, "verifyMode");
    Objects.requireNonNull(serverVerifyMode, "serverVerifyMode");
    Objects.requireNonNull(liveTrust, "liveTrust");
    protocols = List.copyOf(protocols);
    cipherSuites = cipherSuites == null ? null : List.copyOf(cipherSuites);
    applicationProtocols = List.copyOf(applicationProtocols);
    groups = groups == null ? null : List.copyOf(groups);
    moreIdentities = moreIdentities == null ? List.of() : List.copyOf(moreIdentities);
    if (liveIdentity == null && !moreIdentities.isEmpty()) {
      throw new IllegalArgumentException("more identities need liveIdentity, the current one");
    }
    Objects.requireNonNull(verifyFlags, "verifyFlags");
    if (securityLevel < 0 || securityLevel > 5) {
      throw new IllegalArgumentException("security level must be 0 to 5, not " + securityLevel);
    }
    if (checkHostname && verifyMode == VerifyMode.CERT_NONE) {
      throw new IllegalArgumentException("check_hostname needs verify_mode other than CERT_NONE");
    }
    if (handshakeTimeout == null || handshakeTimeout.isNegative()) {
      throw new IllegalArgumentException("handshake timeout must be zero (none) or positive, not "
          + handshakeTimeout);
    }
  }

  /** Settings with one verify mode for both sides, as Python's {@code SSLContext} has. */
  public Settings(Protocol protocol, VerifyMode verifyMode, boolean checkHostname,
      Live<Identity> identity, Live<TrustStore> trust,
      List<String> protocols, List<String> cipherSuites, List<String> applicationProtocols,
      VerifyFlags verifyFlags, int securityLevel) {
    this(protocol, verifyMode, verifyMode, checkHostname, identity, trust, protocols,
        cipherSuites, applicationProtocols, verifyFlags, securityLevel,
        DEFAULT_HANDSHAKE_TIMEOUT, null, true, null, List.of(), null, true);
  }

  /** These settings with the server side's verify mode replaced. */
  public Settings withServerVerifyMode(VerifyMode mode) {
    return change().serverVerifyMode(mode).build();
  }

  /** These settings with the handshake timeout replaced (zero: none). */
  public Settings withHandshakeTimeout(Duration timeout) {
    return change().handshakeTimeout(timeout).build();
  }

  /** These settings with the trusted certificates, directories and CRLs replaced. */
  public Settings withTrust(Live<TrustStore> replacement) {
    return change().liveTrust(replacement).build();
  }

  /** These settings with the enabled protocols replaced (JSSE names, newest first). */
  public Settings withProtocols(List<String> enabled) {
    return change().protocols(enabled).build();
  }

  /** These settings with the key-exchange groups replaced (OpenSSL names; null: default). */
  public Settings withGroups(List<String> replacement) {
    return change().groups(replacement).build();
  }

  /** These settings with Python's {@code hostname_checks_common_name} replaced. */
  public Settings withHostnameChecksCommonName(boolean fallback) {
    return change().hostnameChecksCommonName(fallback).build();
  }

  /**
   * A copy of these settings to change and build again. The one place, beside the record's
   * header, that lists every component: a new setting is added here and nowhere else.
   */
  public Change change() {
    return new Change(this);
  }

  /** A mutable copy of one {@code Settings}; {@link #build} checks it as the record does. */
  public static final class Change {
    private Protocol protocol;
    private VerifyMode verifyMode;
    private VerifyMode serverVerifyMode;
    private boolean checkHostname;
    private Live<Identity> liveIdentity;
    private Live<TrustStore> liveTrust;
    private List<String> protocols;
    private List<String> cipherSuites;
    private List<String> applicationProtocols;
    private VerifyFlags verifyFlags;
    private int securityLevel;
    private Duration handshakeTimeout;
    private List<String> groups;
    private boolean hostnameChecksCommonName;
    private KeyLog keyLog;
    private List<Live<Identity>> moreIdentities;
    private ServerNameSelector serverNames;
    private boolean cipherServerPreference;

    private Change(Settings s) {
      protocol = s.protocol;
      verifyMode = s.verifyMode;
      serverVerifyMode = s.serverVerifyMode;
      checkHostname = s.checkHostname;
      liveIdentity = s.liveIdentity;
      liveTrust = s.liveTrust;
      protocols = s.protocols;
      cipherSuites = s.cipherSuites;
      applicationProtocols = s.applicationProtocols;
      verifyFlags = s.verifyFlags;
      securityLevel = s.securityLevel;
      handshakeTimeout = s.handshakeTimeout;
      groups = s.groups;
      hostnameChecksCommonName = s.hostnameChecksCommonName;
      keyLog = s.keyLog;
      moreIdentities = s.moreIdentities;
      serverNames = s.serverNames;
      cipherServerPreference = s.cipherServerPreference;
    }

    public Change serverVerifyMode(VerifyMode mode) {
      serverVerifyMode = mode;
      return this;
    }

    public Change liveTrust(Live<TrustStore> trust) {
      liveTrust = trust;
      return this;
    }

    public Change protocols(List<String> enabled) {
      protocols = enabled;
      return this;
    }

    public Change handshakeTimeout(Duration timeout) {
      handshakeTimeout = timeout;
      return this;
    }

    public Change groups(List<String> replacement) {
      groups = replacement;
      return this;
    }

    public Change hostnameChecksCommonName(boolean fallback) {
      hostnameChecksCommonName = fallback;
      return this;
    }

    public Change keyLog(KeyLog log) {
      keyLog = log;
      return this;
    }

    public Change moreIdentities(List<Live<Identity>> identities) {
      moreIdentities = identities;
      return this;
    }

    public Change serverNames(ServerNameSelector selector) {
      serverNames = selector;
      return this;
    }

    public Change cipherServerPreference(boolean serverOrder) {
      cipherServerPreference = serverOrder;
      return this;
    }

    public Settings build() {
      return new Settings(protocol, verifyMode, serverVerifyMode, checkHostname, liveIdentity,
          liveTrust, protocols, cipherSuites, applicationProtocols, verifyFlags, securityLevel,
          handshakeTimeout, groups, hostnameChecksCommonName, keyLog, moreIdentities,
          serverNames, cipherServerPreference);
    }
  }

  /** Whether an identity (certificate chain and key) is loaded. */
  public boolean hasIdentity() {
    return liveIdentity != null;
  }

  /** Every identity: {@code liveIdentity} (the current one) first, then the others. */
  public List<Live<Identity>> identities() {
    List<Live<Identity>> all = new java.util.ArrayList<>();
    if (liveIdentity != null) {
      all.add(liveIdentity);
    }
    all.addAll(moreIdentities);
    return all;
  }

  /** The identity live now, or null when none is loaded. */
  public Identity identity() {
    return liveIdentity == null ? null : liveIdentity.get();
  }

  /** The trust store live now. */
  public TrustStore trust() {
    return liveTrust.get();
  }

  /** The live identity's certificates, leaf first; empty when none is loaded. */
  public List<X509Certificate> chain() {
    Identity identity = identity();
    return identity == null ? List.of() : identity.chain();
  }

  /** Never shows the key; only what identifies the settings. */
  @Override
  public String toString() {
    return "Settings[protocol=" + protocol + ", verifyMode=" + verifyMode
        + (serverVerifyMode == verifyMode ? "" : ", serverVerifyMode=" + serverVerifyMode)
        + ", checkHostname="
        + checkHostname + ", identity="
        + (liveIdentity == null ? "none" : identity().leaf().getSubjectX500Principal().getName())
        + ", trust=" + trust() + ", protocols=" + protocols + ", cipherSuites="
        + (cipherSuites == null ? "default" : cipherSuites.size() + " suites")
        + ", alpn=" + applicationProtocols + ", verifyFlags=" + verifyFlags
        + ", securityLevel=" + securityLevel + ", handshakeTimeout=" + handshakeTimeout
        + ", groups=" + (groups == null ? "default" : groups)
        + (keyLog == null ? "" : ", keylog=" + keyLog.file())
        + (moreIdentities.isEmpty() ? "" : ", moreIdentities=" + moreIdentities.size())
        + (serverNames == null ? "" : ", sni") + "]";
  }
}
