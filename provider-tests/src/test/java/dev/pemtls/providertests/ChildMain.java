package dev.pemtls.providertests;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.ProviderException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * What runs inside a child JVM: ordinary JSSE user code that never mentions PemTLS. Each
 * argument is one operation; each prints one line the test checks.
 *
 * <ul>
 *   <li>{@code info}: "provider=NAME suites=A,B,..." from SSLContext.getDefault();
 *   <li>{@code get:API:URL}: fetches URL with API (url = HttpsURLConnection, httpclient =
 *       java.net.http, okhttp, apache = Apache HttpClient 5, socket = raw SSLSocketFactory);
 *       prints "API URL OK body" or "API URL ERR exception";
 *   <li>{@code line:PORT}: SSLSocketFactory.getDefault() to localhost:PORT, sends a line, prints
 *       "line OK protocol suite reply";
 *   <li>{@code serve}: an HttpsServer on SSLContext.getDefault() (SSLEngine) and a raw
 *       SSLServerSocketFactory.getDefault() server; prints "READY httpsPort rawPort" and serves
 *       until stdin closes;
 *   <li>{@code failclosed:URL}: the checks for a broken config (see FailClosedIT);
 *   <li>{@code factories}: who answers SunJSSE's factory names, each initialised with a
 *       KeyStore as keytool-era code does; prints "factories NAME=PROVIDER ..." or NAME=ERR.
 *   <li>{@code default}: "default provider=NAME" from SSLContext.getDefault() alone;
 *   <li>{@code bcjca}: "bcjca built=BOOL": whether PemTLS has built BouncyCastle's JCA provider
 *       in this JVM (read reflectively: the one line here that knows PemTLS's internals).
 * </ul>
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    for (String op : args) {
      if (op.equals("info")) {
        SSLContext d = SSLContext.getDefault();
        System.out.println("info provider=" + d.getProvider().getName() + " suites="
            + String.join(",", ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .getDefaultCipherSuites()) + " java=" + Runtime.version().feature());
      } else if (op.equals("default")) {
        System.out.println("default provider=" + SSLContext.getDefault().getProvider().getName());
      } else if (op.startsWith("get:")) {
        String[] p = op.split(":", 3);
        String result;
        try {
          result = "OK " + get(p[1], p[2]);
        } catch (Exception e) {
          result = "ERR " + chain(e);
        }
        System.out.println(p[1] + " " + p[2] + " " + result.replace('\n', ' '));
      } else if (op.startsWith("line:")) {
        line(Integer.parseInt(op.substring(5)));
      } else if (op.equals("serve")) {
        serve();
      } else if (op.equals("bcjca")) {
        System.out.println("bcjca built=" + Class.forName(
            "dev.pemtls.internal.crypto.BcProvider").getMethod("created").invoke(null));
      } else if (op.equals("factories")) {
        factories();
      } else if (op.startsWith("failclosed:")) {
        failClosed(op.substring(11));
      } else {
        throw new IllegalArgumentException(op);
      }
      System.out.flush();
    }
  }

  private static String get(String api, String url) throws Exception {
    switch (api) {
      case "url": {
        HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(10_000);
        try (InputStream in = c.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8) + " clientSuite="
              + c.getCipherSuite();
        }
      }
      case "httpclient": {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
      }
      case "okhttp": {
        OkHttpClient client = new OkHttpClient();
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
          return r.body().string();
        }
      }
      case "apache": {
        try (CloseableHttpClient client = HttpClients.createDefault()) {
          return client.execute(new HttpGet(url), r -> EntityUtils.toString(r.getEntity()));
        }
      }
      case "socket": {
        URI u = URI.create(url);
        try (Socket s = SSLSocketFactory.getDefault().createSocket(u.getHost(), u.getPort())) {
          s.setSoTimeout(10_000);
          s.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + u.getHost() + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          // Read by Content-Length: HTTP/1.0 servers may close without close_notify.
          InputStream in = s.getInputStream();
          int length = 0;
          for (String h = headerLine(in); !h.isEmpty(); h = headerLine(in)) {
            if (h.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(h.substring(15).strip());
            }
          }
          return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
      }
      default:
        throw new IllegalArgumentException(api);
    }
  }

  private static String headerLine(InputStream in) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /** The exception and its causes, so the test sees PemTLS's verify message. */
  static String chain(Throwable e) {
    StringBuilder b = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append(" <- ").append(c);
    }
    return b.toString();
  }

  private static void line(int port) throws Exception {
    try (SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket("localhost",
        port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
      String reply = new BufferedReader(new InputStreamReader(s.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      SSLSession session = s.getSession();
      System.out.println("line OK " + session.getProtocol() + " " + session.getCipherSuite()
          + " " + reply);
    } catch (Exception e) {
      System.out.println("line ERR " + chain(e));
    }
  }

  /** "client=CN suite=S protocol=P via=KIND": what a server saw of a connection. */
  static String describe(SSLSession session, String via) {
    String client;
    try {
      client = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal()
          .getName();
    } catch (SSLPeerUnverifiedException e) {
      client = "none";
    }
    return "client=" + client.replace(' ', '_') + " suite=" + session.getCipherSuite()
        + " protocol=" + session.getProtocol() + " via=" + via;
  }

  private static void serve() throws Exception {
    HttpsServer https = HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
    https.setHttpsConfigurator(new HttpsConfigurator(SSLContext.getDefault()));
    https.createContext("/", ex -> {
      byte[] body = describe(((HttpsExchange) ex).getSSLSession(), "HttpsServer")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    https.start();
    SSLServerSocket raw = (SSLServerSocket) SSLServerSocketFactory.getDefault()
        .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (true) {
        try (SSLSocket s = (SSLSocket) raw.accept()) {
          s.setSoTimeout(10_000);
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
              StandardCharsets.US_ASCII));
          for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
            // skip the request
          }
          String body = describe(s.getSession(), "SSLServerSocket");
          s.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Length: " + body.length()
              + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
          if (raw.isClosed()) {
            return;
          }
          System.out.println("raw-server ERR " + e);
        }
      }
    });
    t.setDaemon(true);
    t.start();
    System.out.println("READY " + https.getAddress().getPort() + " " + raw.getLocalPort());
    System.out.flush();
    System.in.readAllBytes(); // until the test closes our stdin
    https.stop(0);
    raw.close();
  }

  private static void factories() throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    StringBuilder out = new StringBuilder("factories");
    for (String alg : new String[] {"SunX509", "NewSunX509", "PKIX"}) {
      try {
        javax.net.ssl.KeyManagerFactory f = javax.net.ssl.KeyManagerFactory.getInstance(alg);
        f.init(ks, new char[0]);
        out.append(" KeyManagerFactory.").append(alg).append('=')
            .append(f.getProvider().getName()).append('/').append(f.getKeyManagers().length);
      } catch (Exception e) {
        out.append(" KeyManagerFactory.").append(alg).append("=ERR:").append(e);
      }
    }
    for (String alg : new String[] {"SunX509", "PKIX", "SunPKIX", "X509", "X.509"}) {
      try {
        javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance(alg);
        f.init((java.security.KeyStore) null);
        out.append(" TrustManagerFactory.").append(alg).append('=')
            .append(f.getProvider().getName()).append('/').append(f.getTrustManagers().length);
      } catch (Exception e) {
        out.append(" TrustManagerFactory.").append(alg).append("=ERR:").append(e);
      }
    }
    System.out.println(out.toString().replace('\n', ' '));
  }

  /** A broken config: every TLS entry point throws ProviderException, and none is SunJSSE. */
  private static void failClosed(String url) {
    try {
      ((HttpsURLConnection) new URL(url).openConnection()).getInputStream().close();
      System.out.println("first OK (should have failed)");
    } catch (Throwable e) {
      System.out.println("first " + e.getClass().getName() + ": " + e.getMessage());
    }
    int providerExceptions = 0;
    int sunJsse = 0;
    for (int i = 0; i < 40; i++) { // the JDK gives up on a failing provider after 30 tries
      try {
        if (SSLContext.getInstance("TLS").getProvider().getName().equals("SunJSSE")) {
          sunJsse++;
        }
      } catch (ProviderException e) {
        providerExceptions++;
      } catch (Exception e) {
        System.out.println("unexpected " + e);
      }
      try {
        java.security.MessageDigest.getInstance("SHA-256"); // other crypto keeps working
      } catch (Exception e) {
        // counted below through the ProviderException count only for TLS
      }
    }
    String last;
    try {
      last = SSLSocketFactory.getDefault().getClass().getName();
    } catch (Throwable e) {
      last = e.getClass().getName();
    }
    System.out.println("loop providerExceptions=" + providerExceptions + " sunjsse=" + sunJsse
        + " socketFactory=" + last);
  }
}
