package dev.pemtls.providertests;

import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;

/**
 * The Jetty recipe's one piece of glue, for users to copy: Jetty picks an ALPN processor by the
 * engine's class (SunJSSE's for jetty-alpn-java-server, {@code org.bouncycastle.jsse.provider.*}
 * for jetty-alpn-bouncycastle-server), and PemTLS's engines are neither. This processor applies
 * to PemTLS's engines and uses the standard Java 9 ALPN API, as Jetty's own do. Registered in
 * {@code META-INF/services/org.eclipse.jetty.io.ssl.ALPNProcessor$Server}.
 */
public final class PemTlsAlpnProcessor implements ALPNProcessor.Server {
  @Override
  public boolean appliesTo(SSLEngine engine) {
    return engine.getClass().getName().startsWith("dev.pemtls.");
  }

  @Override
  public void configure(SSLEngine engine, Connection connection) {
    ALPNServerConnection alpn = (ALPNServerConnection) connection;
    engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
      try {
        alpn.select(offered);
        return alpn.getProtocol();
      } catch (RuntimeException noneAcceptable) {
        return null;
      }
    });
    ((SslConnection.SslEndPoint) alpn.getEndPoint()).getSslConnection()
        .addHandshakeListener(new SslHandshakeListener() {
          @Override
          public void handshakeSucceeded(Event event) {
            if (alpn.getProtocol() == null) {
              alpn.unsupported(); // no ALPN offered: Jetty's default protocol
            }
          }
        });
  }
}
