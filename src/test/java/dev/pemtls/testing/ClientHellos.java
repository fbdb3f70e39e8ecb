package dev.pemtls.testing;

import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;

/**
 * What a client puts in its ClientHello, read off the wire: a raw listener on loopback takes the
 * first record of one connection and closes it, so the client's handshake then fails.
 */
public final class ClientHellos {
  private ClientHellos() {}

  /** A client that connects to {@code port} on loopback and tries a handshake. */
  public interface Client {
    void connect(int port) throws Exception;
  }

  /** A PemTLS client of {@code ctx} (host "localhost"), whose handshake the listener ends. */
  public static Client pemtls(SslContext ctx) {
    return port -> {
      try (SSLSocket tls = ctx.wrapSocket(new Socket(InetAddress.getLoopbackAddress(), port),
          false, "localhost")) {
        throw new AssertionError("the raw listener closes after the ClientHello: " + tls);
      } catch (SslError expected) {
        // the ClientHello was all the listener wanted
      }
    };
  }

  /**
   * CPython's client: {@code c = ssl.create_default_context()}, then the Python statements
   * {@code setup} (such as {@code c.set_ecdh_curve('secp384r1')}), then a handshake with host
   * "localhost", whose failure is expected.
   */
  public static Client python(String... setup) {
    return port -> {
      List<String> script = new ArrayList<>(List.of("import socket, ssl, sys",
          "c = ssl.create_default_context()"));
      script.addAll(List.of(setup));
      script.addAll(List.of("try:",
          "    c.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),",
          "                  server_hostname='localhost')",
          "except (ssl.SSLError, OSError):",
          "    pass"));
      Peer.command(List.of("python3", "-c", String.join("\n", script), Integer.toString(port)))
          .separateStderr().run().close();
    };
  }

  /**
   * The contents of extension {@code type} in the ClientHello {@code client} sends, as a list of
   * 16-bit values after the 2-byte list length (supported_groups, signature_algorithms).
   */
  public static List<Integer> u16List(int type, Client client) throws Exception {
    ByteBuffer e = ByteBuffer.wrap(extension(type, client));
    List<Integer> values = new ArrayList<>();
    int n = (e.getShort() & 0xffff) / 2;
    for (int i = 0; i < n; i++) {
      values.add(e.getShort() & 0xffff);
    }
    return values;
  }

  /** The contents of extension {@code type} in the ClientHello {@code client} sends. */
  public static byte[] extension(int type, Client client) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> seen = CompletableFuture.supplyAsync(() -> {
        try (Socket raw = listener.accept()) {
          return extension(raw, type);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      client.connect(listener.getLocalPort());
      return seen.get();
    }
  }

  private static byte[] extension(Socket raw, int type) throws IOException {
    DataInputStream in = new DataInputStream(raw.getInputStream());
    byte[] header = new byte[5];
    in.readFully(header);
    byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
    in.readFully(body);
    ByteBuffer b = ByteBuffer.wrap(body);
    b.position(4 + 2 + 32); // handshake header, client_version, random
    b.position(b.position() + 1 + (b.get(b.position()) & 0xff)); // session id
    b.position(b.position() + 2 + (b.getShort(b.position()) & 0xffff)); // cipher suites
    b.position(b.position() + 1 + (b.get(b.position()) & 0xff)); // compression methods
    int end = b.position() + 2 + (b.getShort() & 0xffff);
    while (b.position() < end) {
      int t = b.getShort() & 0xffff;
      byte[] contents = new byte[b.getShort() & 0xffff];
      b.get(contents);
      if (t == type) {
        return contents;
      }
    }
    throw new AssertionError("the ClientHello has no extension " + type);
  }
}
