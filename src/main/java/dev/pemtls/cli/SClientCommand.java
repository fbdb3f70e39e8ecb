package dev.pemtls.cli;

import dev.pemtls.internal.jsse.ContextSettings;
import dev.pemtls.internal.jsse.OpenSslSigalgs;
import dev.pemtls.internal.jsse.Settings;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslSession;
import dev.pemtls.SslSocket;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.trust.X509CheckHost;
import dev.pemtls.internal.trust.VerifyCode;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * {@code pemtls s_client}: openssl's s_client on PemTLS. Connects, prints the peer certificate
 * as Python's getpeercert() dictionary, the cipher tuple and the verification result, then copies
 * standard input to the connection and the connection to standard output.
 *
 * <p>As in openssl, a failed verification is reported ("Verify return code: 20 (...)") but does
 * not stop the connection unless {@code -verify_return_error} is given; then the context runs with
 * {@code CERT_REQUIRED} (and the host check of {@code -verify_hostname}) and the handshake fails.
 *
 * <p>{@code -starttls} speaks a plaintext upgrade first ({@link StartTls}); {@code -reconnect}
 * connects five more times, each offering the previous connection's session as openssl's does,
 * and reports each "Reused" when the server resumed it; {@code -sigalgs} narrows the offered
 * signature schemes ({@link dev.pemtls.internal.jsse.OpenSslSigalgs}).
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
      .flag("-ign_eof", "keep the connection open after the end of standard input")
      .value("-starttls", "PROTO", "speak PROTO's plaintext upgrade first: smtp, lmtp, imap, "
          + "pop3, ftp or postgres")
      .value("-name", "HOST", "the host name for -starttls smtp's EHLO and lmtp's LHLO "
          + "(default mail.example.com)")
      .flag("-reconnect", "after the first connection, reconnect 5 times with the same "
          + "session cache and say whether each resumed (TLS 1.2; BCJSSE does not resume 1.3)")
      .value("-sigalgs", "LIST", "signature algorithms to offer, OpenSSL's names "
          + "(ECDSA+SHA256:RSA-PSS+SHA256:ed25519)"));

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

    String starttls = StartTls.protocol(o.get("-starttls"));
    if (o.has("-name") && starttls == null) {
      throw new UsageError("-name is the host name for -starttls smtp or lmtp; give -starttls");
    }
    SslContext ctx = ContextOptions.build(o, Protocol.TLS_CLIENT);
    ctx.setCheckHostname(enforce && checkHost != null);
    if (!enforce) {
      ctx.setVerifyMode(VerifyMode.CERT_NONE); // verify below, report, carry on: openssl's way
    }
    Settings settings = ContextSettings.of(ctx);
    List<String> sigalgs = o.get("-sigalgs") == null ? null
        : OpenSslSigalgs.parse(o.get("-sigalgs"), settings.securityLevel());
    String serverHostname = enforce && checkHost != null ? checkHost : sni;
    SslSession previous = null; // -reconnect offers the last connection's session, as openssl
    for (int reconnects = o.has("-reconnect") ? 5 : 0; ; reconnects--) {
      try (Socket raw = new Socket()) {
        raw.connect(new InetSocketAddress(host, port), 10_000);
        if (!quiet) {
          out.println("CONNECTED(" + raw.getInetAddress().getHostAddress() + ":" + port + ")");
        }
        if (starttls != null) {
          StartTls.negotiate(starttls, raw, o.get("-name"), err);
        }
        try (SSLSocket tls = ctx.wrapSocket(raw, false, false, true, serverHostname, previous)) {
          if (sigalgs != null) {
            OpenSslSigalgs.offer(tls, sigalgs);
          }
          tls.startHandshake();
          VerifyCode verified = ConnectionReport.verify(tls, settings.trust(),
              settings.verifyFlags(), true, checkHost);
          SslSocket wrapped = SslSocket.of(tls);
          boolean reused = wrapped.sessionReused();
          previous = wrapped.session();
          if (brief) {
            ConnectionReport.brief(err, tls, verified);
          } else if (!quiet) {
            ConnectionReport.print(out, tls, verified, o.has("-showcerts"), reused);
          }
          if (reconnects > 0) {
            out.println("drop connection and then reconnect");
            continue; // openssl: no data phase until the last connection
          }
          SClientRelay.run(tls, o.has("-crlf") ? new CrlfInput(in) : in, out,
              o.has("-ign_eof") || o.has("-quiet"));
        }
      }
      break;
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
