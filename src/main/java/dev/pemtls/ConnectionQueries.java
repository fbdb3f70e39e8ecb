package dev.pemtls;

import dev.pemtls.internal.Reason;
import dev.pemtls.internal.ciphers.CipherDict;
import dev.pemtls.internal.ciphers.CipherSuite;
import dev.pemtls.internal.ciphers.CipherTable;
import dev.pemtls.internal.trust.PemTrustManager;
import dev.pemtls.internal.x509.CertificateDict;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.jsse.BCSSLConnection;

/**
 * Python's connection-describing methods ({@code getpeercert}, {@code cipher}, {@code version},
 * {@code shared_ciphers}, {@code selected_alpn_protocol}, {@code get_channel_binding}) on what a
 * socket and an engine both have: a session, the suites the client offered, BCJSSE's connection.
 * One implementation for {@link Ssl}, {@link SslSocket} and {@link SslObject}.
 */
final class ConnectionQueries {
  private ConnectionQueries() {}

  /** See {@link Ssl#getpeercert(javax.net.ssl.SSLSocket)}. */
  static Map<String, Object> getpeercert(SSLSession session) throws SslError {
    X509Certificate peer = peerCertificate(session);
    if (peer == null) {
      return null;
    }
    if (!Boolean.TRUE.equals(session.getValue(PemTrustManager.VERIFIED))) {
      return Map.of();
    }
    return CertificateDict.decode(peer);
  }

  /** See {@link Ssl#getpeercertDer(javax.net.ssl.SSLSocket)}. */
  static byte[] getpeercertDer(SSLSession session) throws SslError {
    X509Certificate peer = peerCertificate(session);
    if (peer == null) {
      return null;
    }
    try {
      return peer.getEncoded();
    } catch (CertificateEncodingException e) {
      throw Reason.X509_ASN1_LIB.error("peer certificate cannot be encoded: " + e, e);
    }
  }

  /** See {@link Ssl#cipher(javax.net.ssl.SSLSocket)}. */
  static CipherInfo cipher(SSLSession session) {
    CipherSuite suite = CipherTable.get().byIanaName(session.getCipherSuite()).orElse(null);
    if (suite == null) {
      return null; // SSL_NULL_WITH_NULL_NULL: no handshake completed
    }
    return cipherInfo(suite);
  }

  static CipherInfo cipherInfo(CipherSuite suite) {
    return new CipherInfo(suite.name(), CipherDict.protocol(suite), suite.strengthBits());
  }

  /** See {@link Ssl#version(javax.net.ssl.SSLSocket)}. */
  static String version(SSLSession session) {
    String p = session.getProtocol();
    return p == null || p.equals("NONE") ? null : p;
  }

  /**
   * Python's {@code shared_ciphers()}: the {@code enabled} suites (this side's order) that the
   * client {@code offered} (IANA codes); null when the offer is unknown (client side, or before
   * the ClientHello).
   */
  static List<CipherInfo> sharedCiphers(List<Integer> offered, String[] enabled) {
    if (offered == null) {
      return null;
    }
    Set<Integer> theirs = new HashSet<>(offered);
    List<CipherInfo> out = new ArrayList<>();
    for (String name : enabled) {
      CipherSuite suite = CipherTable.get().byIanaName(name).orElse(null);
      if (suite != null && theirs.contains(suite.id() & 0xffff)) {
        out.add(cipherInfo(suite));
      }
    }
    return out;
  }

  /** Python's {@code selected_alpn_protocol()}: JSSE's "" (none agreed) as null. */
  static String selectedAlpnProtocol(String jsse) {
    return jsse == null || jsse.isEmpty() ? null : jsse;
  }

  /**
   * Python's {@code get_channel_binding(cb_type)}: RFC 5929 {@code tls-unique} of a TLS 1.2
   * connection; null without a connection (before the handshake, after unwrap) and for TLS 1.3,
   * where tls-unique is not defined (RFC 9266).
   *
   * @throws IllegalArgumentException for any type other than {@code "tls-unique"}, as Python
   */
  static byte[] channelBinding(String cbType, BCSSLConnection connection) {
    Objects.requireNonNull(cbType, "cbType");
    if (!cbType.equals("tls-unique")) {
      throw new IllegalArgumentException(cbType + " channel binding type not implemented");
    }
    if (connection == null || "TLSv1.3".equals(connection.getSession().getProtocol())) {
      return null;
    }
    return connection.getChannelBinding("tls-unique");
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
