package dev.pemtls.cli;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.CipherInfo;
import dev.pemtls.Protocol;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * {@code pemtls demo}: the whole story from throwaway PEM files. By default the transparent
 * provider ({@link ProviderDemo}): an HTTPS server and an unchanged {@code HttpsURLConnection}
 * client in a child JVM configured only through {@code -Djava.security.properties}. With {@code
 * -api}: mutual TLS between a {@code wrapSocket} server and client, the spec's API.
 */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "throwaway PEM CA/server/client; HTTPS via the PemTLS provider in a child JVM "
        + "(-api: mutual TLS with wrapSocket)";
  }

  private static final OptionTable OPTIONS = new OptionTable("demo")
      .flag("-api", "mutual TLS between a wrapSocket server and client instead of the provider "
          + "demo");

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception {
    if (!o.has("-api")) {
      return ProviderDemo.run(out, err);
    }
    Path dir = Files.createTempDirectory("pemtls-demo-");
    DemoPki.DemoFiles files = DemoPki.create(dir, "EC");
    out.println("PemTLS demo: throwaway CA, server and client PEM files in " + dir);

    SslContext server = new SslContext(Protocol.TLS_SERVER);
    server.loadCertChain(files.serverCert(), files.serverKey());
    server.loadVerifyLocations(files.caFile(), null, null);
    server.setVerifyMode(VerifyMode.CERT_REQUIRED);

    SslContext client = new SslContext(Protocol.TLS_CLIENT); // CERT_REQUIRED + check_hostname
    client.loadCertChain(files.clientCert(), files.clientKey());
    client.loadVerifyLocations(files.caFile(), null, null);

    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      out.println("server: listening on 127.0.0.1:" + listener.getLocalPort()
          + " (PROTOCOL_TLS_SERVER, CERT_REQUIRED)");
      CompletableFuture<String> serverView = CompletableFuture.supplyAsync(() -> {
        try (Socket raw = listener.accept();
            SSLSocket tls = server.wrapSocket(raw, true, null)) {
          int request = tls.getInputStream().read();
          tls.getOutputStream().write(request);
          tls.getOutputStream().flush();
          return view("server sees the client", tls);
        } catch (Exception e) {
          throw new IllegalStateException("server: " + e.getMessage(), e);
        }
      });
      String clientView;
      try (Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort());
          SSLSocket tls = client.wrapSocket(raw, false, "localhost")) {
        tls.getOutputStream().write('!');
        tls.getOutputStream().flush();
        if (tls.getInputStream().read() != '!') {
          err.println("demo: the echo did not come back");
          return 1;
        }
        clientView = view("client sees the server (PROTOCOL_TLS_CLIENT, check_hostname)", tls);
      }
      out.print(serverView.get(20, TimeUnit.SECONDS));
      out.print(clientView);
    }
    out.println("demo: OK");
    return 0;
  }

  private static String view(String title, SSLSocket tls) throws Exception {
    CipherInfo c = Ssl.cipher(tls);
    Map<String, Object> cert = Ssl.getpeercert(tls);
    return title + ":\n"
        + "  version()     = " + Ssl.version(tls) + "\n"
        + "  cipher()      = " + Json.write(List.of(c.name(), c.protocol(), c.secretBits()))
        + "\n"
        + "  getpeercert() = " + Json.write(cert) + "\n";
  }
}
