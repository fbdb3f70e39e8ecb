package dev.pemtls.internal.jsse;

import dev.pemtls.VerifyMode;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Applies one {@link Settings} to every socket, server socket and engine a context makes. */
final class SocketConfigurer {
  private final Settings settings;

  SocketConfigurer(Settings settings) {
    this.settings = settings;
  }

  /**
   * The parameters for either side. Both the server-side client-auth request and the client-side
   * host check are set: each is ignored on the other side, and engines often choose their mode
   * only after they are created.
   */
  SSLParameters parameters(SSLParameters base) {
    SSLParameters p = base;
    p.setProtocols(settings.protocols().toArray(new String[0]));
    if (settings.cipherSuites() != null) {
      p.setCipherSuites(settings.cipherSuites().toArray(new String[0]));
    }
    // OpenSSL under Python sets SSL_OP_CIPHER_SERVER_PREFERENCE: the server's order wins.
    p.setUseCipherSuitesOrder(true);
    if (!settings.applicationProtocols().isEmpty()) {
      p.setApplicationProtocols(settings.applicationProtocols().toArray(new String[0]));
    }
    if (settings.checkHostname()) {
      p.setEndpointIdentificationAlgorithm("HTTPS");
    }
    VerifyMode mode = settings.serverVerifyMode();
    if (mode == VerifyMode.CERT_REQUIRED) {
      p.setNeedClientAuth(true);
    } else if (mode == VerifyMode.CERT_OPTIONAL) {
      p.setWantClientAuth(true);
    } else {
      p.setNeedClientAuth(false);
      p.setWantClientAuth(false);
    }
    return p;
  }

  /**
   * For a client socket made unconnected ({@code createSocket()}), whose host is not known yet:
   * everything but the host-name check, which needs the host. BCJSSE learns no host from a later
   * {@code connect(InetSocketAddress)}, so with the check on, such a socket would fail every
   * handshake, and it would send no SNI. Left unset, callers that know the host set both, as the
   * JDK's HttpsURLConnection does ("HTTPS" and the server name) when no one set them before it.
   */
  <T extends SSLSocket> T configureUnconnected(T socket) {
    SSLParameters p = parameters(socket.getSSLParameters());
    p.setEndpointIdentificationAlgorithm(null);
    socket.setSSLParameters(p);
    return socket;
  }

  <T extends SSLSocket> T configure(T socket) {
    socket.setSSLParameters(parameters(socket.getSSLParameters()));
    return socket;
  }

  SSLEngine configure(SSLEngine engine) {
    engine.setSSLParameters(parameters(engine.getSSLParameters()));
    return engine;
  }

  /** Settings' handshake timeout; zero for none. */
  java.time.Duration handshakeTimeout() {
    return settings.handshakeTimeout();
  }

  /** The configured suites, or {@code fallback} (BCJSSE's defaults) when none are configured. */
  String[] cipherSuites(String[] fallback) {
    return settings.cipherSuites() != null
        ? settings.cipherSuites().toArray(new String[0]) : fallback;
  }
}
