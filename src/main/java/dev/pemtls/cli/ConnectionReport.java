package dev.pemtls.cli;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.CipherInfo;
import dev.pemtls.Ssl;
import dev.pemtls.SslError;
import dev.pemtls.internal.trust.ChainVerifier;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerificationFailure;
import dev.pemtls.internal.trust.VerifyCode;
import dev.pemtls.internal.x509.CertificateDict;
import java.io.PrintStream;
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
    X509Certificate[] chain = peerChain(tls);
    if (chain.length == 0) {
      return VerifyCode.OK;
    }
    try {
      new ChainVerifier(trust).verify(chain, peerIsServer, host);
      return VerifyCode.OK;
    } catch (VerificationFailure f) {
      return f.code();
    }
  }

  static void print(PrintStream out, SSLSocket tls, VerifyCode verified) throws SslError {
    X509Certificate[] chain = peerChain(tls);
    out.println("---");
    if (chain.length == 0) {
      out.println("No peer certificate");
    } else {
      out.println("Peer certificate: " + Json.write(CertificateDict.decode(chain[0])));
      out.println("Peer chain depth: " + chain.length);
    }
    CipherInfo c = Ssl.cipher(tls);
    out.println("cipher: " + Json.write(List.of(c.name(), c.protocol(), c.secretBits())));
    out.println("New, " + Ssl.version(tls) + ", Cipher is " + c.name());
    String alpn = tls.getApplicationProtocol();
    out.println(alpn == null || alpn.isEmpty() ? "No ALPN negotiated"
        : "ALPN protocol: " + alpn);
    out.println("Verify return code: " + verified.code() + " (" + verified.message() + ")");
    out.println("---");
    out.flush();
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
