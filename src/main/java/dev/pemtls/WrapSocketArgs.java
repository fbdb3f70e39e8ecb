package dev.pemtls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The keyword arguments of Python's module-level {@code ssl.wrap_socket}, for {@link
 * Ssl#wrapSocket(java.net.Socket, WrapSocketArgs)}. Immutable: each {@code name(value)} method
 * returns a copy with that argument set, so a call reads like Python's:
 *
 * <pre>{@code
 * Ssl.wrapSocket(sock, WrapSocketArgs.defaults()
 *     .certReqs(VerifyMode.CERT_REQUIRED).caCerts(Path.of("ca.pem")));
 * }</pre>
 *
 * @param keyfile the private key file; default null: the key is in {@code certfile}
 * @param certfile the certificate chain file (PEM); default null. Required on the server side
 * @param serverSide act as the server; default false
 * @param certReqs Python's {@code cert_reqs}; default {@code CERT_NONE}, which on a client
 *     accepts any server certificate: <b>insecure</b>
 * @param sslVersion Python's {@code ssl_version}; default {@code PROTOCOL_TLS}
 * @param caCerts the CA bundle to verify the peer with; default null (nothing trusted)
 * @param doHandshakeOnConnect default true
 * @param suppressRaggedEofs default true
 * @param ciphers an OpenSSL cipher string; default null: the context's default
 */
public record WrapSocketArgs(Path keyfile, Path certfile, boolean serverSide,
    VerifyMode certReqs, Protocol sslVersion, Path caCerts, boolean doHandshakeOnConnect,
    boolean suppressRaggedEofs, String ciphers) {

  public WrapSocketArgs {
    Objects.requireNonNull(certReqs, "certReqs");
    Objects.requireNonNull(sslVersion, "sslVersion");
  }

  /** Python's defaults: {@code wrap_socket(sock)}. */
  public static WrapSocketArgs defaults() {
    return new WrapSocketArgs(null, null, false, VerifyMode.CERT_NONE, Protocol.TLS, null, true,
        true, null);
  }

  public WrapSocketArgs keyfile(Path keyfile) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs certfile(Path certfile) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs serverSide(boolean serverSide) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs certReqs(VerifyMode certReqs) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs sslVersion(Protocol sslVersion) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs caCerts(Path caCerts) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs doHandshakeOnConnect(boolean doHandshakeOnConnect) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs suppressRaggedEofs(boolean suppressRaggedEofs) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }

  public WrapSocketArgs ciphers(String ciphers) {
    return new WrapSocketArgs(keyfile, certfile, serverSide, certReqs, sslVersion, caCerts,
        doHandshakeOnConnect, suppressRaggedEofs, ciphers);
  }
}
