package dev.pemtls.examples;

import dev.pemtls.Ssl;
import dev.pemtls.SslSocket;
import dev.pemtls.WrapSocketArgs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.function.BiPredicate;

/**
 * The spec's server example in Java: bind, listen, accept, wrap each connection on the server
 * side with a certificate and key, read until the client is done, close.
 *
 * <pre>
 * java dev.pemtls.examples.ServerExample 10023 cert.pem key.pem
 * </pre>
 */
public final class ServerExample {
  private ServerExample() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket bindsocket = new ServerSocket()) {
      bindsocket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(),
          Integer.parseInt(args[0])), 5);
      while (true) {
        serveOne(bindsocket, Path.of(args[1]), Path.of(args[2]), (conn, data) -> {
          System.out.write(data, 0, data.length);
          System.out.flush();
          return true;
        });
      }
    }
  }

  /**
   * Accepts one client and hands it what it sends, chunk by chunk, until it is done or {@code
   * doSomething} returns false.
   */
  public static void serveOne(ServerSocket bindsocket, Path certfile, Path keyfile,
      BiPredicate<SslSocket, byte[]> doSomething) throws IOException {
    Socket newsocket = bindsocket.accept();
    SslSocket connstream = SslSocket.of(Ssl.wrapSocket(newsocket, WrapSocketArgs.defaults()
        .serverSide(true).certfile(certfile).keyfile(keyfile)));
    try {
      dealWithClient(connstream, doSomething);
    } finally {
      connstream.close();
    }
  }

  private static void dealWithClient(SslSocket connstream,
      BiPredicate<SslSocket, byte[]> doSomething) throws IOException {
    byte[] data = connstream.read();
    // empty data means the client is finished with us
    while (data.length > 0) {
      if (!doSomething.test(connstream, data)) {
        // we'll assume doSomething returns false when we're finished with the client
        break;
      }
      data = connstream.read();
    }
  }
}
