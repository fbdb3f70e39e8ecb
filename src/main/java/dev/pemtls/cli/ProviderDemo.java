package dev.pemtls.cli;

import dev.pemtls.internal.x509.Json;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.DemoFiles;
import dev.pemtls.internal.config.SecurityFile;
import dev.pemtls.internal.x509.CertificateDict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * The provider demo: throwaway CA, server and client PEM files; an HTTPS server in this JVM that
 * requires a client certificate; and a plain {@code HttpsURLConnection} client in a child JVM
 * whose only PemTLS setup is {@code -Djava.security.properties} naming the provider and a
 * config file. The child prints the provider that answered, the negotiated suite, and both
 * peers' certificates as Python's {@code getpeercert()} dictionaries.
 */
final class ProviderDemo {
  private ProviderDemo() {}

  /** Runs the demo; returns the exit status (the child's). */
  public static int run(PrintStream out, PrintStream err) throws Exception {
    Path dir = Files.createTempDirectory("pemtls-demo");
    DemoFiles pki = DemoPki.create(dir, "EC");
    out.println("1. Throwaway PKI in " + dir + ": ca.pem, server.pem/.key, client.pem/.key");

    SslContext serverCtx = new SslContext(Protocol.TLS_SERVER);
    serverCtx.loadCertChain(pki.serverCert(), pki.serverKey());
    serverCtx.loadVerifyLocations(pki.caFile(), null, null);
    serverCtx.setVerifyMode(VerifyMode.CERT_REQUIRED);
    HttpsServer server = HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
    server.setHttpsConfigurator(new HttpsConfigurator(serverCtx.sslContext()));
    server.createContext("/", ProviderDemo::answer);
    server.start();
    String url = "https://localhost:" + server.getAddress().getPort() + "/";
    out.println("2. HTTPS server at " + url + " (PemTLS SslContext, CERT_REQUIRED)");

    Path conf = DemoPki.write(dir.resolve("pemtls.conf"), String.join("\n",
        "certfile=client.pem", "keyfile=client.key", "cafile=ca.pem", ""));
    Path security = DemoPki.write(dir.resolve("pemtls.security"), SecurityFile.text(conf));
    out.println("3. " + conf + ":");
    Files.readAllLines(conf).forEach(l -> out.println("     " + l));
    out.println("   " + security + " starts:");
    Files.readAllLines(security).stream().limit(4).forEach(l -> out.println("     " + l));
    out.println("4. Child JVM: java -Djava.security.properties=" + security
        + " ... a plain HttpsURLConnection GET " + url);
    try {
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Djava.security.properties=" + security,
          "-cp", System.getProperty("java.class.path"),
          ProviderDemo.class.getName(), url).redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          out.println("   | " + line);
        }
      }
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        err.println("pemtls demo: the child JVM did not finish");
        return 1;
      }
      out.println("5. Done. The throwaway files stay in " + dir + " (delete with rm -r).");
      return child.exitValue();
    } finally {
      server.stop(0);
    }
  }

  /** The server's answer: what it saw of the client, as JSON. */
  private static void answer(com.sun.net.httpserver.HttpExchange ex) throws IOException {
    SSLSession session = ((HttpsExchange) ex).getSSLSession();
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("cipher", session.getCipherSuite());
    seen.put("version", session.getProtocol());
    seen.put("client_getpeercert", dict((X509Certificate) session.getPeerCertificates()[0]));
    byte[] body = Json.write(seen).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(body);
    }
  }

  private static Object dict(X509Certificate cert) throws IOException {
    return CertificateDict.decode(cert);
  }

  /**
   * The child: ordinary JSSE code with no PemTLS in it, except to print the certificate as
   * Python would.
   */
  public static void main(String[] args) throws Exception {
    HttpsURLConnection c = (HttpsURLConnection) new URL(args[0]).openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(10_000);
    String body;
    String suite;
    X509Certificate serverCert;
    try (InputStream in = c.getInputStream()) {
      suite = c.getCipherSuite(); // only while the connection is open
      serverCert = (X509Certificate) c.getServerCertificates()[0];
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    System.out.println("provider that answered: " + SSLContext.getDefault().getProvider()
        .getName() + " (" + SSLContext.getDefault().getProvider().getInfo() + ")");
    System.out.println("negotiated suite: " + suite);
    System.out.println("server certificate (getpeercert): " + Json.write(dict(serverCert)));
    System.out.println("server saw: " + body);
    List<String> ok = List.of("PemTLS");
    System.exit(ok.contains(SSLContext.getDefault().getProvider().getName()) ? 0 : 1);
  }
}
