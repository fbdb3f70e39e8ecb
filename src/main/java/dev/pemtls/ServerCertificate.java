package dev.pemtls;

import dev.pemtls.internal.Reason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;

/** Python 3.10+'s {@code ssl.get_server_certificate}. */
final class ServerCertificate {
  private ServerCertificate() {}

  static String fetch(String host, int port, Protocol sslVersion, Path caCerts,
      int timeoutMillis) throws IOException {
    // _create_stdlib_context(ssl_version, cert_reqs=..., cafile=ca_certs): no host-name check.
    SslContext context = new SslContext(sslVersion);
    context.setCheckHostname(false);
    context.setVerifyMode(caCerts != null ? VerifyMode.CERT_REQUIRED : VerifyMode.CERT_NONE);
    if (caCerts != null) {
      context.loadVerifyLocations(caCerts, null, null);
    }
    SslContext.keylogFromEnvironment(context, System.getenv()); // as _create_stdlib_context
    try (Socket sock = new Socket()) {
      sock.connect(new InetSocketAddress(host, port), timeoutMillis);
      sock.setSoTimeout(timeoutMillis);
      try (SSLSocket tls = context.wrapSocket(sock, false, host)) {
        byte[] der = Ssl.getpeercertDer(tls);
        if (der == null) {
          throw Reason.SSL_NO_CERTIFICATE.error("the server at " + host + ":" + port
              + " sent no certificate");
        }
        return PemCerts.derToPem(der);
      }
    }
  }
}
