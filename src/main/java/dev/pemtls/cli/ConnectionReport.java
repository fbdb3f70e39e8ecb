package dev.pemtls.cli;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.CipherInfo;
import dev.pemtls.Ssl;
import dev.pemtls.SslError;
import dev.pemtls.VerifyFlags;
import dev.pemtls.internal.ciphers.CipherSuite;
import dev.pemtls.internal.ciphers.CipherTable;
import dev.pemtls.internal.jsse.PemSslSocket;
import dev.pemtls.internal.trust.ChainVerifier;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerificationFailure;
import dev.pemtls.internal.trust.VerifyCode;
import dev.pemtls.internal.x509.CertificateDict;
import dev.pemtls.internal.x509.OneLineNames;
import java.io.PrintStream;
import java.time.Clock;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/** What {@code s_client} and {@code s_server} print about an established connection. */
final class ConnectionReport {
  private ConnectionReport() {}

  /** OpenSSL's verify result for the peer's chain against {@code trust}, as s_client reports. */
  static VerifyCode verify(SSLSocket tls, TrustStore trust, boolean peerIsServer, String host) {
    return verify(tls, trust, VerifyFlags.X509_TRUSTED_FIRST, peerIsServer, host);
  }

  /** As above, with the context's verify flags (CRL checks: -crl_check, -crl_check_all). */
  static VerifyCode verify(SSLSocket tls, TrustStore trust, VerifyFlags flags,
      boolean peerIsServer, String host) {
    X509Certificate[] chain = peerChain(tls);
    if (chain.length == 0) {
      return VerifyCode.OK;
    }
    try {
      new ChainVerifier(trust, flags, Clock.systemUTC()).verify(chain, peerIsServer, host);
      return VerifyCode.OK;
    } catch (VerificationFailure f) {
      return f.code();
    }
  }

  static void print(PrintStream out, SSLSocket tls, VerifyCode verified) throws SslError {
    print(out, tls, verified, false);
  }

  /**
   * As {@link #print(PrintStream, SSLSocket, VerifyCode)}; with {@code showCerts} (openssl's
   * {@code -showcerts}) first the peer's chain as it was sent: for each certificate its depth,
   * subject and issuer in openssl's one-line form, and the certificate in PEM (openssl also
   * prints each key's type and the validity, which PemTLS leaves out).
   */
  static void print(PrintStream out, SSLSocket tls, VerifyCode verified, boolean showCerts)
      throws SslError {
    print(out, tls, verified, showCerts, false);
  }

  /** As above; {@code reused} prints openssl's "Reused, ..." for a resumed session. */
  static void print(PrintStream out, SSLSocket tls, VerifyCode verified, boolean showCerts,
      boolean reused) throws SslError {
    X509Certificate[] chain = peerChain(tls);
    if (showCerts && chain.length > 0) {
      out.println("---");
      out.println("Certificate chain");
      for (int i = 0; i < chain.length; i++) {
        out.println(" " + i + " s:" + OneLineNames.print(
            chain[i].getSubjectX500Principal().getEncoded()));
        out.println("   i:" + OneLineNames.print(
            chain[i].getIssuerX500Principal().getEncoded()));
        try {
          out.print(Ssl.derCertToPemCert(chain[i].getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
          throw new IllegalStateException("a received certificate has no encoding", e);
        }
      }
    }
    out.println("---");
    if (chain.length == 0) {
      out.println("No peer certificate");
    } else {
      out.println("Peer certificate: " + Json.write(CertificateDict.decode(chain[0])));
      out.println("Peer chain depth: " + chain.length);
    }
    CipherInfo c = Ssl.cipher(tls);
    out.println("cipher: " + Json.write(List.of(c.name(), c.protocol(), c.secretBits())));
    out.println((reused ? "Reused, " : "New, ") + Ssl.version(tls) + ", Cipher is " + c.name());
    String alpn = tls.getApplicationProtocol();
    out.println(alpn == null || alpn.isEmpty() ? "No ALPN negotiated"
        : "ALPN protocol: " + alpn);
    out.println("Verify return code: " + verified.code() + " (" + verified.message() + ")");
    out.println("---");
    out.flush();
  }

  /**
   * openssl's {@code -brief} summary, which it writes to standard error: the protocol, the suite
   * (OpenSSL's name in TLS 1.2, as openssl prints it), the peer's subject in openssl's one-line
   * form, and the verification result. openssl's "Hash used", "Signature type" and "Server Temp
   * Key" lines are left out: JSSE does not say which signature and group the handshake used.
   */
  static void brief(PrintStream err, SSLSocket tls, VerifyCode verified) throws SslError {
    established(err, tls);
    X509Certificate[] chain = peerChain(tls);
    if (chain.length > 0) {
      err.println("Peer certificate: "
          + OneLineNames.print(chain[0].getSubjectX500Principal().getEncoded()));
    }
    err.println(verified == VerifyCode.OK ? "Verification: OK"
        : "Verification error: " + verified.message());
    err.flush();
  }

  /**
   * openssl s_server's {@code -brief} summary, on standard error: the protocol, the client's
   * offered suites (OpenSSL's names; SCSVs by name, unknown codes as 0xHHHH), the suite, the
   * client's signature algorithms, its certificate (a PemTLS server only accepts a verified
   * one) and its groups ({@link ClientHelloSummary}). openssl's "Hash used" and "Signature type"
   * lines for the client's signature are left out: JSSE does not say which one it used.
   */
  static void serverBrief(PrintStream err, SSLSocket tls) throws SslError {
    err.println("Protocol version: " + Ssl.version(tls));
    List<Integer> offered = tls instanceof PemSslSocket p ? p.clientOfferedSuites() : null;
    if (offered != null) {
      StringBuilder names = new StringBuilder();
      for (int id : offered) {
        names.append(names.length() == 0 ? "" : ":").append(suiteName(id));
      }
      err.println("Client cipher list: " + names);
    }
    err.println("Ciphersuite: " + Ssl.cipher(tls).name());
    byte[] hello = tls instanceof PemSslSocket p ? p.clientHello() : null;
    String sigalgs = ClientHelloSummary.signatureAlgorithms(hello);
    if (sigalgs != null) {
      err.println(sigalgs);
    }
    X509Certificate[] chain = peerChain(tls);
    if (chain.length > 0) {
      err.println("Peer certificate: "
          + OneLineNames.print(chain[0].getSubjectX500Principal().getEncoded()));
      err.println("Verification: OK");
    } else {
      err.println("No peer certificate");
    }
    String groups = ClientHelloSummary.supportedGroups(hello);
    if (groups != null) {
      err.println(groups);
    }
    err.flush();
  }

  /** OpenSSL's name of a suite code as SSL_CIPHER_find knows it, else {@code 0xHHHH}. */
  private static String suiteName(int id) {
    return switch (id) {
      case 0x00ff -> "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
      case 0x5600 -> "TLS_FALLBACK_SCSV";
      default -> CipherTable.get().byId(id).map(CipherSuite::name)
          .orElse(String.format("0x%04X", id));
    };
  }

  /** The first lines of openssl's summaries: the connection, its protocol and suite. */
  static void established(PrintStream out, SSLSocket tls) throws SslError {
    out.println("CONNECTION ESTABLISHED");
    out.println("Protocol version: " + Ssl.version(tls));
    out.println("Ciphersuite: " + Ssl.cipher(tls).name());
  }

  static X509Certificate[] peerChain(SSLSocket tls) {
    try {
      Certificate[] certs = tls.getSession().getPeerCertificates();
      return Arrays.stream(certs).filter(X509Certificate.class::isInstance)
          .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    } catch (SSLPeerUnverifiedException e) {
      return new X509Certificate[0];
    }
  }
}
