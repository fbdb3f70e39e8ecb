package dev.pemtls;

import dev.pemtls.ciphers.CipherSuite;
import dev.pemtls.ciphers.CipherTable;
import dev.pemtls.trust.PemTrustManager;
import dev.pemtls.x509.CertificateDict;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The spec's per-connection queries for any {@link SSLSocket} made by PemTLS: Python's {@code
 * SSLSocket.getpeercert()}, {@code cipher()} and {@code version()}.
 *
 * <p>Like {@code SSLSocket.getSession()}, each completes the handshake first if it has not
 * happened yet.
 */
public final class Ssl {
  private Ssl() {}

  /**
   * Python's {@code getpeercert()}: the peer certificate as Python's dictionary (subject, issuer,
   * version, serialNumber, notBefore, notAfter, subjectAltName, OCSP, caIssuers,
   * crlDistributionPoints; tuples as lists).
   *
   * @return null when the peer sent no certificate; an empty map when it sent one that was not
   *     verified (verify mode {@code CERT_NONE}), as in Python
   */
  public static Map<String, Object> getpeercert(SSLSocket socket) throws SslError {
    X509Certificate peer = peerCertificate(socket.getSession());
    if (peer == null) {
      return null;
    }
    if (!Boolean.TRUE.equals(socket.getSession().getValue(PemTrustManager.VERIFIED))) {
      return Map.of();
    }
    return CertificateDict.decode(peer);
  }

  /**
   * Python's {@code getpeercert(binary_form=True)}: the peer certificate's DER encoding, whether
   * or not it was verified; null when the peer sent none.
   */
  public static byte[] getpeercertDer(SSLSocket socket) throws SslError {
    X509Certificate peer = peerCertificate(socket.getSession());
    if (peer == null) {
      return null;
    }
    try {
      return peer.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new SslError("X509", "ASN1_LIB", "peer certificate cannot be encoded: " + e, e);
    }
  }

  /**
   * Python's {@code cipher()}: (OpenSSL name, defining protocol version, secret bits), or null
   * when no cipher was negotiated.
   */
  public static CipherInfo cipher(SSLSocket socket) {
    String jsse = socket.getSession().getCipherSuite();
    CipherSuite suite = CipherTable.get().byIanaName(jsse).orElse(null);
    if (suite == null) {
      return null; // SSL_NULL_WITH_NULL_NULL: no handshake completed
    }
    // SSL_CIPHER_get_version's "backwards-compatibility crutch": TLS 1.0 suites say "TLSv1.0".
    String version = suite.versionText().equals("TLSv1") ? "TLSv1.0" : suite.versionText();
    return new CipherInfo(suite.name(), version, suite.strengthBits());
  }

  /** Python's {@code version()}: the negotiated protocol, e.g. "TLSv1.3", or null. */
  public static String version(SSLSocket socket) {
    String p = socket.getSession().getProtocol();
    return p == null || p.equals("NONE") ? null : p;
  }

  private static X509Certificate peerCertificate(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate
          ? (X509Certificate) chain[0] : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }
}
