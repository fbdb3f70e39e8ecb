package dev.pemtls.internal.jsse;

import dev.pemtls.VerifyMode;
import java.util.List;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * Applies one {@link Settings} to every socket, server socket and engine a context makes, and
 * keeps them there: after each setting an application changes, {@link #enforce} raises the
 * result back to the settings' floor (see {@link Floor}).
 */
final class SocketConfigurer {
  /** Matches every host name: the SNI choice itself is the key manager's. */
  private static final SNIMatcher ANY_HOST_NAME =
      new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
    @Override
    public boolean matches(SNIServerName name) {
      return true;
    }
  };

  private final Settings settings;
  private final Floor floor;

  SocketConfigurer(Settings settings) {
    this.settings = settings;
    this.floor = new Floor(settings);
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
    // OP_CIPHER_SERVER_PREFERENCE, which Python sets by default: the server's order wins.
    p.setUseCipherSuitesOrder(settings.cipherServerPreference());
    if (!settings.applicationProtocols().isEmpty()) {
      p.setApplicationProtocols(settings.applicationProtocols().toArray(new String[0]));
    }
    if (settings.checkHostname()) {
      p.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (settings.serverNames() != null) {
      // Accepting every host name makes BCJSSE record the name with the session, so a TLS 1.2
      // session is never resumed for another name (RFC 6066), which would skip the SNI choice
      // and present the first name's certificate.
      p.setSNIMatchers(List.of(ANY_HOST_NAME));
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

  <T extends SSLSocket> T configure(T socket) {
    SSLParameters p = parameters(socket.getSSLParameters());
    floor.raise(p, socket.getUseClientMode());
    socket.setSSLParameters(p);
    floor.raiseBcParameters(socket);
    return socket;
  }

  /** An engine's mode is often chosen after it is made: see {@link #enforce(SSLEngine)}. */
  SSLEngine configure(SSLEngine engine) {
    SSLParameters p = parameters(engine.getSSLParameters());
    floor.raise(p, engine.getUseClientMode());
    engine.setSSLParameters(p);
    floor.raiseBcParameters(engine);
    return engine;
  }

  /**
   * Raises parameters an application set on a server socket (which keeps them for the sockets it
   * accepts) back to the settings' floor, in place.
   */
  void raise(SSLParameters p, boolean clientMode) {
    floor.raise(p, clientMode);
  }

  /** Raises what the application set on {@code socket} back to the settings' floor. */
  void enforce(SSLSocket socket) {
    SSLParameters p = socket.getSSLParameters();
    if (floor.raise(p, socket.getUseClientMode())) {
      socket.setSSLParameters(p);
    }
    floor.raiseBcParameters(socket);
  }

  /**
   * After an engine's mode was set: a client engine gets the configured host-name check back
   * (the floor takes it off engines in server mode), then the floor applies.
   */
  void modeChanged(SSLEngine engine) {
    if (engine.getUseClientMode() && settings.checkHostname()) {
      SSLParameters p = engine.getSSLParameters();
      String alg = p.getEndpointIdentificationAlgorithm();
      if (alg == null || alg.isEmpty()) {
        p.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(p);
      }
    }
    enforce(engine);
  }

  /** Raises what the application set on {@code engine} back to the settings' floor. */
  void enforce(SSLEngine engine) {
    SSLParameters p = engine.getSSLParameters();
    if (floor.raise(p, engine.getUseClientMode())) {
      engine.setSSLParameters(p);
    }
    floor.raiseBcParameters(engine);
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
