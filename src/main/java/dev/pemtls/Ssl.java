package dev.pemtls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLSocket;

/**
 * Python's {@code ssl} module functions, and the per-connection queries {@code getpeercert()},
 * {@code cipher()} and {@code version()} for any {@link SSLSocket} made by PemTLS (see {@link
 * SslSocket} for the socket's other methods).
 *
 * <p>Like {@code SSLSocket.getSession()}, each query completes the handshake first if it has not
 * happened yet.
 */
public final class Ssl {
  private Ssl() {}

  /** PemTLS's version, from the build, e.g. "0.1.0". */
  public static final String PEMTLS_VERSION = Versions.pemtls();

  /** The BouncyCastle release PemTLS runs on, e.g. "1.84". */
  public static final String BOUNCYCASTLE_VERSION = Versions.bouncyCastle();

  /**
   * In the place of Python's {@code ssl.OPENSSL_VERSION}: what implements TLS here, e.g. {@code
   * "PemTLS 0.1.0 (BouncyCastle 1.84, Bouncy Castle JSSE Provider Version 1.0.23)"}.
   */
  public static final String OPENSSL_VERSION = "PemTLS " + PEMTLS_VERSION + " (BouncyCastle "
      + BOUNCYCASTLE_VERSION + ", " + Versions.bcjsse() + ")";

  // --- module functions ---

  /**
   * Python's module-level {@code ssl.wrap_socket(sock)} with all defaults: a client with {@code
   * PROTOCOL_TLS} and {@code CERT_NONE}, which accepts any server certificate.
   *
   * @deprecated <b>insecure</b>: it verifies nothing, and Python 3.12 removed it. Use {@code
   *     SslContext.createDefaultContext(Purpose.SERVER_AUTH).wrapSocket(sock, false, host)}, which
   *     verifies the server's certificate and host name.
   */
  @Deprecated
  public static SSLSocket wrapSocket(Socket sock) throws IOException {
    return wrapSocket(sock, WrapSocketArgs.defaults());
  }

  /**
   * Python 3.6's module-level {@code ssl.wrap_socket(sock, keyfile, certfile, server_side,
   * cert_reqs, ssl_version, ca_certs, do_handshake_on_connect, suppress_ragged_eofs, ciphers)}:
   * a one-off {@link SslContext}({@code ssl_version}) with {@code verify_mode = cert_reqs},
   * {@code ca_certs} loaded, the chain from {@code certfile} (key in {@code keyfile} or in
   * {@code certfile}), and {@code ciphers}; then {@link SslContext#wrapSocket}.
   *
   * <p>As in Python, {@code cert_reqs} other than {@code CERT_NONE} without {@code ca_certs} is
   * not refused here: nothing is trusted, so the handshake fails with {@link
   * SslCertVerificationError} (verify code 20 or 19) when the peer's certificate is checked.
   *
   * @throws IllegalArgumentException "certfile must be specified for server-side operations",
   *     "certfile must be specified" (a keyfile without certfile), and the checks of {@link
   *     SslContext#wrapSocket}
   * @throws IllegalStateException {@code CERT_NONE} with {@code PROTOCOL_TLS_CLIENT}, whose
   *     host-name check needs verification
   * @throws SslError a file that cannot be loaded, a cipher string that selects nothing, a
   *     failed handshake
   */
  public static SSLSocket wrapSocket(Socket sock, WrapSocketArgs args) throws IOException {
    if (args.serverSide() && args.certfile() == null) {
      throw new IllegalArgumentException("certfile must be specified for server-side "
          + "operations");
    }
    if (args.keyfile() != null && args.certfile() == null) {
      throw new IllegalArgumentException("certfile must be specified");
    }
    SslContext context = new SslContext(args.sslVersion());
    context.setVerifyMode(args.certReqs());
    if (args.caCerts() != null) {
      context.loadVerifyLocations(args.caCerts(), null, null);
    }
    if (args.certfile() != null) {
      context.loadCertChain(args.certfile(), args.keyfile());
    }
    if (args.ciphers() != null && !args.ciphers().isEmpty()) {
      context.setCiphers(args.ciphers());
    }
    return context.wrapSocket(sock, args.serverSide(), args.doHandshakeOnConnect(),
        args.suppressRaggedEofs(), null);
  }

  /**
   * Python's {@code get_server_certificate((host, port))}: the server's certificate as PEM,
   * unverified, with the defaults of Python 3.10+ ({@code PROTOCOL_TLS_CLIENT}, no CA, SNI).
   */
  public static String getServerCertificate(String host, int port) throws IOException {
    return ServerCertificate.fetch(host, port, Protocol.TLS_CLIENT, null, 0);
  }

  /**
   * Python's {@code get_server_certificate((host, port), ssl_version, ca_certs, timeout)}:
   * connects, handshakes with {@code host} as SNI and no host-name check, and returns the
   * server's certificate as PEM ({@link #derCertToPemCert}). A non-empty {@code SSLKEYLOGFILE}
   * logs the connection's secrets there, as Python's {@code _create_stdlib_context} does.
   *
   * @param caCerts null: any certificate is accepted ({@code CERT_NONE}); else the chain must
   *     verify against these CAs ({@code CERT_REQUIRED})
   * @param timeoutMillis connect and read timeout; 0 waits forever (Python's default)
   * @throws SslCertVerificationError when {@code caCerts} is given and the chain does not verify
   */
  public static String getServerCertificate(String host, int port, Protocol sslVersion,
      Path caCerts, int timeoutMillis) throws IOException {
    return ServerCertificate.fetch(host, port, sslVersion, caCerts, timeoutMillis);
  }

  /**
   * Python's {@code DER_cert_to_PEM_cert}: {@code -----BEGIN CERTIFICATE-----}, the Base64 in
   * 64-character lines, {@code -----END CERTIFICATE-----}, each line ending in {@code \n}. The
   * bytes are not checked to be a certificate.
   */
  public static String derCertToPemCert(byte[] derCertBytes) {
    return PemCerts.derToPem(Objects.requireNonNull(derCertBytes, "derCertBytes"));
  }

  /**
   * Python's {@code PEM_cert_to_DER_cert}: the Base64 between the header and footer, decoded as
   * leniently as Python's {@code base64.decodebytes} (characters outside the alphabet skipped).
   *
   * @throws IllegalArgumentException with Python's message: "Invalid PEM encoding; must start
   *     with -----BEGIN CERTIFICATE-----" (it must be the very first text), "... must end with
   *     -----END CERTIFICATE-----", "Incorrect padding", a non-ASCII character
   */
  public static byte[] pemCertToDerCert(String pemCertString) {
    return PemCerts.pemToDer(Objects.requireNonNull(pemCertString, "pemCertString"));
  }

  /**
   * Python's {@code cert_time_to_seconds}: a {@code notBefore}/{@code notAfter} text such as
   * {@code "May  9 00:00:00 2007 GMT"} as seconds since the epoch. Parsing follows Python's
   * {@code strptime("%b %d %H:%M:%S %Y GMT")}: any case, any white space between fields, seconds
   * up to 61, and days up to 31 in every month (Feb 31 is March 2 or 3, as in Python).
   *
   * @throws IllegalArgumentException with Python's message, e.g. {@code time data 'Foo  9
   *     00:00:00 2007 GMT' does not match format "%b %d %H:%M:%S %Y GMT"}
   */
  public static long certTimeToSeconds(String certTime) {
    return CertTime.toSeconds(Objects.requireNonNull(certTime, "certTime"));
  }

  /**
   * Python 3.7's {@code match_hostname(cert, hostname)} on a {@link #getpeercert} dictionary:
   * RFC 6125 matching. Wildcards only as the whole left-most label ({@code *.example.com}, which
   * matches one label); IP addresses only against "IP Address" entries; the subject's commonName
   * only when subjectAltName has no DNS or IP entry.
   *
   * @throws CertificateError on no match ("hostname 'a' doesn't match 'b'", "... doesn't match
   *     either of ...", "no appropriate commonName or subjectAltName fields were found") or a
   *     wildcard pattern it does not support
   * @throws IllegalArgumentException for an empty or null dictionary (an unverified peer)
   */
  public static void matchHostname(Map<String, ?> cert, String hostname)
      throws CertificateError {
    PythonMatchHostname.match(cert, Objects.requireNonNull(hostname, "hostname"));
  }

  /**
   * Python's {@code get_default_verify_paths()}: where OpenSSL looks for CAs by default, after
   * {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR}.
   */
  public static DefaultVerifyPaths getDefaultVerifyPaths() {
    return DefaultVerifyPaths.of(System.getenv());
  }

  // --- per-connection queries ---

  /**
   * Python's {@code getpeercert()}: the peer certificate as Python's dictionary (subject, issuer,
   * version, serialNumber, notBefore, notAfter, subjectAltName, OCSP, caIssuers,
   * crlDistributionPoints; tuples as lists).
   *
   * @return null when the peer sent no certificate; an empty map when it sent one that was not
   *     verified (verify mode {@code CERT_NONE}), as in Python
   */
  public static Map<String, Object> getpeercert(SSLSocket socket) throws SslError {
    return ConnectionQueries.getpeercert(socket.getSession());
  }

  /**
   * Python's {@code getpeercert(binary_form=True)}: the peer certificate's DER encoding, whether
   * or not it was verified; null when the peer sent none.
   */
  public static byte[] getpeercertDer(SSLSocket socket) throws SslError {
    return ConnectionQueries.getpeercertDer(socket.getSession());
  }

  /**
   * Python's {@code cipher()}: (OpenSSL name, defining protocol version, secret bits), or null
   * when no cipher was negotiated.
   */
  public static CipherInfo cipher(SSLSocket socket) {
    return ConnectionQueries.cipher(socket.getSession());
  }

  /** Python's {@code version()}: the negotiated protocol, e.g. "TLSv1.3", or null. */
  public static String version(SSLSocket socket) {
    return ConnectionQueries.version(socket.getSession());
  }
}
