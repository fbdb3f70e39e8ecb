package dev.pemtls.cli;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code s_client -starttls PROTO}: the plaintext exchange before the TLS handshake, as openssl
 * 3.0's s_client speaks it (observed against a fake server: the same bytes in the same order).
 *
 * <ul>
 *   <li>smtp, lmtp: read the greeting (lines until one without '-' after the code), send {@code
 *       EHLO NAME} ({@code LHLO} for lmtp; NAME from {@code -name}, default mail.example.com),
 *       read the reply the same way, looking for STARTTLS, send {@code STARTTLS}, read the reply;
 *   <li>imap: read the greeting line, send {@code . CAPABILITY}, read until a line starting with
 *       '.', looking for STARTTLS, send {@code . STARTTLS}, read the reply;
 *   <li>pop3: read the greeting, send {@code STLS}, read the reply;
 *   <li>ftp: read the greeting (lines until one without '-' after the code), send {@code AUTH
 *       TLS}, read the reply;
 *   <li>postgres: send the 8-byte SSLRequest (length 8, code 80877103) and expect the single
 *       byte 'S'.
 * </ul>
 *
 * <p>As openssl, a server that does not announce STARTTLS gets "Didn't find STARTTLS in server
 * response, trying anyway..." on standard error, and the replies' codes are not judged: a
 * refusal shows as the failed handshake. Reading is byte by byte off the plain socket, so no
 * byte of the TLS handshake is consumed here.
 */
final class StartTls {
  static final List<String> PROTOCOLS = List.of("smtp", "lmtp", "imap", "pop3", "ftp",
      "postgres");
  private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 4, (byte) 210, 22, 47};

  private final InputStream in;
  private final OutputStream to;
  private final PrintStream err;

  private StartTls(Socket raw, PrintStream err) throws IOException {
    this.in = raw.getInputStream();
    this.to = raw.getOutputStream();
    this.err = err;
  }

  /** Checks the protocol name early, before any connection: a usage error names the known ones. */
  static String protocol(String name) {
    if (name != null && !PROTOCOLS.contains(name)) {
      throw new UsageError("-starttls " + name + ": unsupported protocol; PemTLS knows "
          + String.join(", ", PROTOCOLS) + " (openssl's xmpp, xmpp-server, telnet, irc, mysql, "
          + "nntp, sieve and ldap are not supported)");
    }
    return name;
  }

  /** Runs {@code protocol}'s preamble on {@code raw}; the socket is then ready for TLS. */
  static void negotiate(String protocol, Socket raw, String name, PrintStream err)
      throws IOException {
    StartTls s = new StartTls(raw, err);
    switch (protocol) {
      case "smtp", "lmtp" -> s.smtp(protocol.equals("lmtp") ? "LHLO " : "EHLO ",
          name == null ? "mail.example.com" : name);
      case "imap" -> s.imap();
      case "pop3" -> s.simple("STLS");
      case "ftp" -> s.ftp();
      case "postgres" -> s.postgres();
      default -> throw new IllegalStateException("unchecked -starttls " + protocol);
    }
  }

  private void smtp(String hello, String name) throws IOException {
    readReply();
    send(hello + name);
    announce(readReply().contains("STARTTLS"));
    send("STARTTLS");
    readLine();
  }

  private void imap() throws IOException {
    readLine();
    send(". CAPABILITY");
    boolean found = false;
    String line;
    do {
      line = readLine();
      found |= line.contains("STARTTLS");
    } while (line.length() > 3 && line.charAt(0) != '.');
    announce(found);
    send(". STARTTLS");
    readLine();
  }

  private void ftp() throws IOException {
    readReply();
    send("AUTH TLS");
    readLine();
  }

  private void simple(String command) throws IOException {
    readLine();
    send(command);
    readLine();
  }

  private void postgres() throws IOException {
    to.write(SSL_REQUEST);
    to.flush();
    int answer = in.read();
    if (answer != 'S') {
      throw Reason.SSL_SSL_ERROR.error("-starttls postgres: the server answered "
          + "the SSLRequest with " + (answer < 0 ? "end of stream" : "'" + (char) answer + "'")
          + ", not 'S': it does not accept TLS");
    }
  }

  private void announce(boolean found) {
    if (!found) {
      err.println("Didn't find STARTTLS in server response, trying anyway...");
      err.flush();
    }
  }

  /** A multi-line reply (SMTP, FTP): lines until one whose fourth character is not '-'. */
  private String readReply() throws IOException {
    StringBuilder all = new StringBuilder();
    String line;
    do {
      line = readLine();
      all.append(line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    return all.toString();
  }

  private void send(String command) throws IOException {
    to.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    to.flush();
  }

  /** One line, its line feed included; at end of stream the connection cannot go on. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n' || line.size() > 16 * 1024) {
        return line.toString(StandardCharsets.ISO_8859_1);
      }
    }
    throw eof();
  }

  private static SslError eof() {
    return Reason.SSL_SSL_ERROR.error("-starttls: the server closed the "
        + "connection before TLS began");
  }
}
