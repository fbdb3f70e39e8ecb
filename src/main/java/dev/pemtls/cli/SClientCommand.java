package dev.pemtls.cli;

import dev.pemtls.internal.jsse.ContextSettings;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.trust.X509CheckHost;
import dev.pemtls.internal.trust.VerifyCode;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
  private static final OptionTable OPTIONS = ContextOptions.addTo(new OptionTable("s_client")
      .value("-connect", "HOST:PORT", "the server to connect to (default localhost:4433)")
      .value("-host", "HOST", "the server's host, instead of -connect's")
      .value("-port", "PORT", "the server's port, instead of -connect's")
      .flag("-crlf", "send each line feed read from standard input as CR LF")
      .value("-servername", "NAME", "the SNI name to send (default: the -connect host unless it "
          + "is an IP address)")
      .flag("-noservername", "send no SNI")
      .value("-verify_hostname", "HOST", "check that the certificate is valid for HOST")
      .value("-verify_ip", "IP", "check that the certificate is valid for the IP address IP")
      .flag("-verify_return_error", "stop the handshake when verification fails (default: "
          + "report the result and carry on)")
      .value("-verify", "DEPTH", "accepted as openssl's; PemTLS always verifies and reports, "
          + "with no depth limit")
      .flag("-showcerts", "print the server's chain as sent, in PEM (without openssl's a:/v: "
          + "lines)")
      .flag("-brief", "print only a short summary of the connection, to standard error")
      .flag("-quiet", "print no session details; implies -ign_eof")
      .flag("-ign_eof", "keep the connection open after the end of standard input"));

  @Override
  public String name() {
    return "s_client";
  }

  @Override
  public String summary() {
    return "TLS client like openssl s_client: -connect host:port -CAfile -cert -key -cipher ...";
  }

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception {
    o.exclusive("-servername", "-noservername");
    o.exclusive("-connect", "-host");
    o.exclusive("-connect", "-port");
    String connect = o.get("-connect", o.get("-host", "localhost") + ":"
        + o.get("-port", "4433"));
    int colon = connect.lastIndexOf(':');
    int port = colon <= 0 ? -1 : port(connect.substring(colon + 1));
    if (port < 0) {
      throw new UsageError("-connect needs HOST:PORT (a port from 0 to 65535), not '"
          + connect + "'");
    }
    String host = connect.substring(0, colon).replaceAll("^\\[|\\]$", "");
    boolean enforce = o.has("-verify_return_error");
    o.exclusive("-verify_hostname", "-verify_ip");
    String checkHost = o.get("-verify_hostname", o.get("-verify_ip"));
    if (o.get("-verify_ip") != null && !X509CheckHost.isIpLiteral(checkHost)) {
      throw new UsageError("-verify_ip needs an IPv4 or IPv6 address, not '" + checkHost + "'");
    }
    String sni = o.has("-noservername") ? null
        : o.get("-servername", X509CheckHost.isIpLiteral(host) ? null : host);
    boolean brief = o.has("-brief");
    boolean quiet = o.has("-quiet") || brief; // openssl: -brief is quiet, without -ign_eof

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
      if (brief) {
        ConnectionReport.brief(err, tls, verified);
      } else if (!quiet) {
        ConnectionReport.print(out, tls, verified, o.has("-showcerts"));
      }
      SClientRelay.run(tls, o.has("-crlf") ? new CrlfInput(in) : in, out,
          o.has("-ign_eof") || o.has("-quiet"));
    }
    if (!o.has("-quiet")) {
      err.println("DONE");
    }
    return 0;
  }

  /** The port number in {@code text}, or -1 when it is not one. */
  static int port(String text) {
    try {
      int p = Integer.parseInt(text);
      return p >= 0 && p <= 65535 ? p : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
