package dev.pemtls;

import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;

/**
 * Run by {@link KeyLogTest} in a child JVM with {@code SSLKEYLOGFILE} set: one handshake on
 * {@code createDefaultContext}, one {@code getServerCertificate}, against the port given.
 */
final class KeyLogEnvironmentChild {
  private KeyLogEnvironmentChild() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    SslContext ctx = SslContext.createDefaultContext(Purpose.SERVER_AUTH, Path.of(args[1]),
        null, null);
    System.out.println("keylog_filename " + ctx.keylogFilename());
    try (SSLSocket tls = ctx.wrapSocket(new Socket("127.0.0.1", port), false, "localhost")) {
      tls.startHandshake();
    }
    System.out.println("certificate " + Ssl.getServerCertificate("127.0.0.1", port).length());
  }
}
