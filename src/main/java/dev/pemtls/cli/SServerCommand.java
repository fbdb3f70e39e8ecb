package dev.pemtls.cli;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.Protocol;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.trust.VerifyCode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * {@code pemtls s_server}: openssl's s_server on PemTLS, one connection at a time. Prints {@code
 * ACCEPT host:port} once listening, then for each connection the protocol, the cipher tuple and
 * the client certificate as Python's getpeercert() dictionary.
 *
 * <p>Modes: by default the client's data is copied to standard output; {@code -rev} answers each
 * line reversed, as openssl's {@code -rev}; {@code -www} answers one HTTP request with a status
 * page (for curl); {@code -WWW} and {@code -HTTP} serve files of the current directory as
 * openssl's do ({@link HttpFiles}). {@code -verify N} asks for a client certificate
 * (CERT_OPTIONAL), {@code -Verify N} demands one (CERT_REQUIRED). Unlike openssl's default, an
 * invalid client certificate fails the handshake, as it does in Python and in every PemTLS server:
 * openssl's {@code -verify_return_error} is accepted and is what always happens. {@code -brief}
 * prints openssl's server summary to standard error ({@link ConnectionReport#serverBrief}).
 */
final class SServerCommand implements Command {
  private static final OptionTable OPTIONS = ServerNameOptions.addTo(ContextOptions.addTo(
      new OptionTable("s_server")
      .value("-accept", "[HOST:]PORT", "the address to listen on (default 4433, all addresses; "
          + "0 picks a free port)")
      .value("-verify", "DEPTH", "ask for a client certificate (CERT_OPTIONAL); DEPTH as "
          + "openssl's, not limited")
      .value("-Verify", "DEPTH", "demand a client certificate (CERT_REQUIRED); DEPTH as "
          + "openssl's, not limited")
      .value("-port", "PORT", "the port to listen on, all addresses (as -accept PORT)")
      .value("-naccept", "N", "stop after N connections (default: serve until killed)")
      .flag("-quiet", "print no connection details")
      .flag("-rev", "answer each line reversed")
      .flag("-www", "answer one HTTP request with a status page")
      .flag("-WWW", "answer GET /FILE with FILE (relative to the current directory) as "
          + "openssl's, with a 200 ok text/plain (text/html for .html) header")
      .flag("-HTTP", "as -WWW, but FILE holds the whole response, headers included")
      .flag("-verify_return_error", "abort the handshake when the client certificate fails "
          + "verification (PemTLS always does; openssl's default carries on)")
      .flag("-brief", "print only a short summary of each connection, to standard error")));

  @Override
  public String name() {
    return "s_server";
  }

  @Override
  public String summary() {
    return "TLS server like openssl s_server: -accept port -cert -key -CAfile -Verify -cipher ...";
  }

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception {
    for (String[] pair : new String[][] {{"-rev", "-www"}, {"-rev", "-WWW"}, {"-rev", "-HTTP"},
        {"-www", "-WWW"}, {"-www", "-HTTP"}, {"-WWW", "-HTTP"}}) {
      o.exclusive(pair[0], pair[1]);
    }
    if (o.get("-cert") == null) {
      throw new UsageError("s_server needs -cert (and -key unless the key is in "
          + "the same file)");
    }
    o.exclusive("-verify", "-Verify");
    o.exclusive("-accept", "-port");
    String accept = o.get("-accept", o.get("-port", "4433"));
    int colon = accept.lastIndexOf(':');
    int port = SClientCommand.port(accept.substring(colon + 1));
    if (port < 0) {
      throw new UsageError("-accept needs [HOST:]PORT (a port from 0 to 65535), not '" + accept
          + "'");
    }
    InetAddress bind = colon > 0 ? InetAddress.getByName(accept.substring(0, colon)) : null;
    int remaining = o.intValue("-naccept", -1);
    SslContext ctx = ContextOptions.build(o, Protocol.TLS_SERVER);
    ServerNameOptions.apply(o, ctx, out);
    if (o.has("-Verify")) {
      ctx.setVerifyMode(VerifyMode.CERT_REQUIRED);
    } else if (o.has("-verify")) {
      ctx.setVerifyMode(VerifyMode.CERT_OPTIONAL);
    }
    try (ServerSocket listener = new ServerSocket()) {
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(bind, port), 16);
      out.println("ACCEPT " + (bind == null ? "*" : bind.getHostAddress()) + ":"
          + listener.getLocalPort());
      out.flush();
      while (remaining != 0) {
        try (Socket raw = listener.accept()) {
          serve(ctx, raw, o, out, err);
        } catch (IOException e) {
          err.println("ERROR " + e.getMessage());
          err.flush();
        }
        if (remaining > 0) {
          remaining--;
        }
      }
    }
    return 0;
  }

  private static void serve(SslContext ctx, Socket raw, Options o, PrintStream out,
      PrintStream err) throws IOException {
    try (SSLSocket tls = ctx.wrapSocket(raw, true, null)) {
      if (o.has("-brief")) {
        ConnectionReport.serverBrief(err, tls);
      } else if (!o.has("-quiet")) {
        ConnectionReport.established(out, tls);
        ConnectionReport.print(out, tls, Ssl.getpeercert(tls) == null
            || !Ssl.getpeercert(tls).isEmpty() ? VerifyCode.OK : VerifyCode.UNSPECIFIED);
      }
      if (o.has("-www")) {
        www(tls);
      } else if (o.has("-WWW") || o.has("-HTTP")) {
        HttpFiles.serve(tls.getInputStream(), tls.getOutputStream(), o.has("-HTTP"),
            () -> statusPage(tls), quiet(o) ? null : err);
      } else if (o.has("-rev")) {
        reverse(tls);
      } else {
        tls.getInputStream().transferTo(out);
        out.flush();
      }
      if (!quiet(o)) {
        out.println("CONNECTION CLOSED");
        out.flush();
      }
    }
  }

  /** openssl: -brief is quiet as well. */
  private static boolean quiet(Options o) {
    return o.has("-quiet") || o.has("-brief");
  }

  private static void reverse(SSLSocket tls) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
        StandardCharsets.UTF_8));
    OutputStream to = tls.getOutputStream();
    String line;
    while ((line = in.readLine()) != null) {
      to.write((new StringBuilder(line).reverse() + "\n").getBytes(StandardCharsets.UTF_8));
      to.flush();
    }
  }

  /** One HTTP/1.0 exchange: the request is read up to the blank line, then a status page. */
  private static void www(SSLSocket tls) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
        StandardCharsets.ISO_8859_1));
    String line;
    while ((line = in.readLine()) != null && !line.isEmpty()) {
      // skip request headers
    }
    statusPage(tls);
  }

  /** The -www status page (and -WWW's GET /stats), as one HTTP/1.0 response. */
  private static void statusPage(SSLSocket tls) throws IOException {
    String body = "PemTLS s_server\nProtocol: " + Ssl.version(tls) + "\nCipher: "
        + Json.write(List.of(Ssl.cipher(tls).name(), Ssl.cipher(tls).protocol(),
            Ssl.cipher(tls).secretBits())) + "\nClient certificate: "
        + Json.write(Ssl.getpeercert(tls)) + "\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    OutputStream to = tls.getOutputStream();
    to.write(("HTTP/1.0 200 ok\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    to.write(bytes);
    to.flush();
  }
}
