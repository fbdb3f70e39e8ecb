package dev.pemtls.cli;

import dev.pemtls.internal.jsse.ContextSettings;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.trust.X509CheckHost;
import dev.pemtls.internal.trust.VerifyCode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;

/**
 * {@code pemtls s_client}: openssl's s_client on PemTLS. Connects, prints the peer certificate
 * as Python's getpeercert() dictionary, the cipher tuple and the verification result, then copies
 * standard input to the connection and the connection to standard output.
 *
 * <p>As in openssl, a failed verification is reported ("Verify return code: 20 (...)") but does
 * not stop the connection unless {@code -verify_return_error} is given; then the context runs with
 * {@code CERT_REQUIRED} (and the host check of {@code -verify_hostname}) and the handshake fails.
 */
final class SClientCommand implements Command {
  private static final Set<String> WITH_VALUE = union(ContextOptions.WITH_VALUE,
      Set.of("-connect", "-servername", "-verify", "-verify_hostname"));
  private static final Set<String> FLAGS = union(ContextOptions.FLAGS,
      Set.of("-quiet", "-ign_eof", "-verify_return_error", "-noservername"));

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  @Override
  public String name() {
    return "s_client";
  }

  @Override
  public String summary() {
    return "TLS client like openssl s_client: -connect host:port -CAfile -cert -key -cipher ...";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options o = Options.parse(args, WITH_VALUE, FLAGS);
    String connect = o.get("-connect", "localhost:4433");
    int colon = connect.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("-connect needs host:port, not '" + connect + "'");
    }
    String host = connect.substring(0, colon).replaceAll("^\\[|\\]$", "");
    int port = Integer.parseInt(connect.substring(colon + 1));
    boolean enforce = o.has("-verify_return_error");
    String checkHost = o.get("-verify_hostname");
    String sni = o.has("-noservername") ? null
        : o.get("-servername", X509CheckHost.isIpLiteral(host) ? null : host);
    boolean quiet = o.has("-quiet");

    SslContext ctx = ContextOptions.build(o, Protocol.TLS_CLIENT);
    ctx.setCheckHostname(enforce && checkHost != null);
    if (!enforce) {
      ctx.setVerifyMode(VerifyMode.CERT_NONE); // verify below, report, carry on: openssl's way
    }
    Socket raw = new Socket();
    raw.connect(new InetSocketAddress(host, port), 10_000);
    if (!quiet) {
      out.println("CONNECTED(" + raw.getInetAddress().getHostAddress() + ":" + port + ")");
    }
    String serverHostname = enforce && checkHost != null ? checkHost : sni;
    try (SSLSocket tls = ctx.wrapSocket(raw, false, true, true, serverHostname)) {
      VerifyCode verified = ConnectionReport.verify(tls, ContextSettings.of(ctx).trust(), true, checkHost);
      if (!quiet) {
        ConnectionReport.print(out, tls, verified);
      }
      relay(tls, System.in, out, o.has("-ign_eof") || quiet);
    }
    if (!quiet) {
      err.println("DONE");
    }
    return 0;
  }

  /** Standard input to the peer (on its own thread), the peer to standard output. */
  private static void relay(SSLSocket tls, InputStream stdin, PrintStream out, boolean ignoreEof)
      throws Exception {
    OutputStream toPeer = tls.getOutputStream();
    Thread writer = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = stdin.read(buf)) >= 0) {
          toPeer.write(buf, 0, n);
          toPeer.flush();
        }
        if (!ignoreEof) {
          tls.close(); // openssl: EOF on input ends the session with close_notify
        }
      } catch (Exception e) {
        // the connection ended first; the reader reports it
      }
    }, "s_client-stdin");
    writer.setDaemon(true);
    writer.start();
    byte[] buf = new byte[8192];
    InputStream fromPeer = tls.getInputStream();
    try {
      int n;
      while ((n = fromPeer.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (java.net.SocketException e) {
      if (!tls.isClosed()) {
        throw e;
      }
    }
  }
}
