package dev.pemtls.providertests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Jetty recipe inside a child JVM with PemTLS installed: a Jetty 12 server speaking h2 and
 * http/1.1 over ALPN, and the Jetty and java.net.http clients, none with a keystore.
 *
 * <ul>
 *   <li>{@code serve}: prints "READY port", answers "client=DN version=HTTP/2.0 suite=S" until
 *       stdin closes;
 *   <li>{@code jetty:URL}: Jetty's HttpClient; prints "jetty URL OK body" or "jetty URL ERR e";
 *   <li>{@code http2:URL}: java.net.http.HttpClient asking for HTTP/2; prints "http2 URL OK
 *       version=HTTP_2 body" or "http2 URL ERR e".
 * </ul>
 */
public final class JettyMain {
  private JettyMain() {}

  public static void main(String[] args) throws Exception {
    for (String op : args) {
      String[] p = op.split(":", 2);
      switch (p[0]) {
        case "serve" -> serve();
        case "jetty" -> ChildOps.report(op, () -> jettyGet(p[1]));
        case "http2" -> ChildOps.report(op, () -> http2Get(p[1]));
        default -> throw new IllegalArgumentException(op);
      }
    }
  }

  // The recipe: no keystore, no truststore. SSLContext "TLS" from PemTLS, initialised with
  // Jetty's null managers, uses the config's certificate, CAs, verify mode and suites.
  private static void serve() throws Exception {
    Server server = new Server();
    SslContextFactory.Server tls = new SslContextFactory.Server();
    HttpConfiguration http = new HttpConfiguration();
    http.addCustomizer(new SecureRequestCustomizer());
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(HttpVersion.HTTP_1_1.asString());
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2,
        new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        EndPoint.SslSessionData tlsData =
            (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        X509Certificate[] peer = tlsData.peerCertificates();
        String client = peer == null ? "none"
            : peer[0].getSubjectX500Principal().getName().replace(' ', '_');
        String body = "client=" + client + " version="
            + request.getConnectionMetaData().getHttpVersion().asString() + " suite="
            + tlsData.cipherSuite();
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
        return true;
      }
    });
    server.start();
    System.out.println("READY " + connector.getLocalPort());
    System.out.flush();
    System.in.readAllBytes();
    server.stop();
  }

  private static String jettyGet(String url) throws Exception {
    org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
    client.start();
    try {
      ContentResponse r = client.GET(url);
      return r.getContentAsString();
    } finally {
      client.stop();
    }
  }

  private static String http2Get(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    return "version=" + r.version() + " " + r.body();
  }
}
