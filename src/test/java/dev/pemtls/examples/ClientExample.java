package dev.pemtls.examples;

import dev.pemtls.Ssl;
import dev.pemtls.SslSocket;
import dev.pemtls.VerifyMode;
import dev.pemtls.WrapSocketArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;

/**
 * The spec's client example in Java: wrap a socket requiring a certificate from the server,
 * connect, print the server's certificate, send a request and read a chunk of the answer.
 *
 * <pre>
 * java dev.pemtls.examples.ClientExample www.python.org 443 /etc/ssl/certs/ca-certificates.crt
 * </pre>
 */
public final class ClientExample {
  private ClientExample() {}

  public static void main(String[] args) throws IOException {
    System.out.println(run(args[0], Integer.parseInt(args[1]), Path.of(args[2]), System.out));
  }

  /** Runs the example; prints the certificate to {@code out} and returns the chunk read. */
  public static String run(String host, int port, Path caCerts, PrintStream out)
      throws IOException {
    Socket s = new Socket();
    // require a certificate from the server
    SSLSocket sslSock = Ssl.wrapSocket(s, WrapSocketArgs.defaults()
        .caCerts(caCerts).certReqs(VerifyMode.CERT_REQUIRED));
    sslSock.connect(new InetSocketAddress(host, port)); // the handshake happens here
    SslSocket ssl = SslSocket.of(sslSock);
    out.println(ssl.getpeercert());
    // note that closing the SSL socket will also close the underlying socket
    ssl.write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    byte[] data = ssl.read();
    ssl.close();
    return new String(data, StandardCharsets.ISO_8859_1);
  }
}
