package dev.pemtls.internal.trust;

import dev.pemtls.VerifyFlags;
import dev.pemtls.VerifyMode;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Applies a verify mode and a {@link TrustStore} inside the JSSE handshake.
 *
 * <p>On the client side, {@link VerifyMode#CERT_NONE} accepts any server certificate without
 * looking at it; the other modes verify it with {@link ChainVerifier}, and check the host name
 * when the socket's endpoint identification algorithm is set (PemTLS sets it for {@code
 * check_hostname}; {@code HttpsURLConnection} sets "HTTPS" itself). On the server side a client
 * certificate, when one was sent, is always verified. Failures are {@link VerificationFailure}s
 * with OpenSSL's verify codes.
 *
 * <p>Each verified handshake session is marked with {@link #VERIFIED}, which is how {@code
 * getpeercert()} knows whether to show the peer certificate (Python shows an empty dict for an
 * unverified one).
 */
public final class PemTrustManager extends X509ExtendedTrustManager {
  /** Session value name set to {@code Boolean.TRUE} once the peer's chain was verified. */
  public static final String VERIFIED = "dev.pemtls.verified";

  private static final Logger LOG = Logger.getLogger(PemTrustManager.class.getName());
  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

  private final VerifyMode clientSideMode;
  private final Supplier<TrustStore> stores;
  private final VerifyFlags flags;
  private final int securityLevel;
  private final boolean commonNameFallback;

  /**
   * @param store the trusted certificates
   * @param clientSideMode the verify mode applied when this side is the client
   */
  public PemTrustManager(TrustStore store, VerifyMode clientSideMode) {
    this(store, clientSideMode, VerifyFlags.X509_TRUSTED_FIRST, 0);
  }

  /**
   * @param store the trusted certificates, CRLs and CA directories
   * @param clientSideMode the verify mode applied when this side is the client
   * @param flags Python's verify_flags (CRL checks, strict, partial chains)
   * @param securityLevel OpenSSL's security level for the peer's keys and signatures (0 to 5)
   */
  public PemTrustManager(TrustStore store, VerifyMode clientSideMode, VerifyFlags flags,
      int securityLevel) {
    this(() -> store, clientSideMode, flags, securityLevel);
  }

  /**
   * A trust manager on a store that may be replaced (hot reload): each verification reads
   * {@code stores} once and verifies against that store alone.
   *
   * @param stores the trusted certificates, CRLs and CA directories now
   * @param clientSideMode the verify mode applied when this side is the client
   * @param flags Python's verify_flags (CRL checks, strict, partial chains)
   * @param securityLevel OpenSSL's security level for the peer's keys and signatures (0 to 5)
   */
  public PemTrustManager(Supplier<TrustStore> stores, VerifyMode clientSideMode,
      VerifyFlags flags, int securityLevel) {
    this(stores, clientSideMode, flags, securityLevel, true);
  }

  /**
   * As {@link #PemTrustManager(Supplier, VerifyMode, VerifyFlags, int)}, with Python's {@code
   * hostname_checks_common_name} ({@code commonNameFallback}).
   */
  public PemTrustManager(Supplier<TrustStore> stores, VerifyMode clientSideMode,
      VerifyFlags flags, int securityLevel, boolean commonNameFallback) {
    this.clientSideMode = clientSideMode;
    this.stores = stores;
    this.flags = flags;
    this.securityLevel = securityLevel;
    this.commonNameFallback = commonNameFallback;
  }

  /** A verifier on the store current now; cheap, it holds references only. */
  private ChainVerifier verifier() {
    return new ChainVerifier(stores.get(), flags, java.time.Clock.systemUTC())
        .withSecurityLevel(securityLevel).withHostnameChecksCommonName(commonNameFallback);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    SSLSocket ssl = socket instanceof SSLSocket ? (SSLSocket) socket : null;
    checkServer(chain, ssl == null ? null : ssl.getSSLParameters(),
        ssl == null ? null : ssl.getHandshakeSession());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServer(chain, engine == null ? null : engine.getSSLParameters(),
        engine == null ? null : engine.getHandshakeSession());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    checkServer(chain, null, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClient(chain, socket instanceof SSLSocket
        ? ((SSLSocket) socket).getHandshakeSession() : null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClient(chain, engine == null ? null : engine.getHandshakeSession());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    checkClient(chain, null);
  }

  /** None: like an OpenSSL server, PemTLS sends no CA names in its certificate request. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS;
  }

  private void checkServer(X509Certificate[] chain, SSLParameters params, SSLSession session)
      throws CertificateException {
    if (clientSideMode == VerifyMode.CERT_NONE) {
      return; // CERT_NONE: deliberately unverified, and not marked as verified
    }
    String host = null;
    String alg = params == null ? null : params.getEndpointIdentificationAlgorithm();
    if (alg != null && !alg.isEmpty()) {
      host = expectedHost(session);
      if (host == null) {
        throw new VerificationFailure(VerifyCode.HOSTNAME_MISMATCH, 0,
            "host name checking is on but the connection has no host name");
      }
    }
    verified(verifier().verify(chain, true, host), session);
  }

  private void checkClient(X509Certificate[] chain, SSLSession session)
      throws CertificateException {
    verified(verifier().verify(chain, false, null), session);
  }

  private static void verified(List<X509Certificate> path, SSLSession session) {
    if (session != null) {
      session.putValue(VERIFIED, Boolean.TRUE);
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("verified " + path.get(0).getSubjectX500Principal() + " to "
          + path.get(path.size() - 1).getSubjectX500Principal());
    }
  }

  /** The server name the client asked for (SNI), else the host it connected to. */
  private static String expectedHost(SSLSession session) {
    if (session instanceof ExtendedSSLSession) {
      for (SNIServerName name : ((ExtendedSSLSession) session).getRequestedServerNames()) {
        if (name instanceof SNIHostName) {
          return ((SNIHostName) name).getAsciiName();
        }
      }
    }
    return session == null ? null : session.getPeerHost();
  }
}
