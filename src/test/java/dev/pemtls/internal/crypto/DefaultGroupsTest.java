package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The groups a PemTLS client offers are OpenSSL 3.0's kind (X25519, X448, the NIST curves, the
 * FFDHE groups), without the post-quantum hybrid X25519MLKEM768 that BCJSSE would add when
 * BouncyCastle is on the class path.
 */
class DefaultGroupsTest {
  @Test
  void clientHello_offersNoPostQuantumGroup() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<Integer>> groups = CompletableFuture.supplyAsync(() -> {
        try (Socket raw = listener.accept()) {
          return supportedGroups(raw);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
      try (SSLSocket tls = ctx.wrapSocket(new Socket(InetAddress.getLoopbackAddress(),
          listener.getLocalPort()), false, "localhost")) {
        throw new AssertionError("the raw server closes after the ClientHello: " + tls);
      } catch (SslError expected) {
        // handshake_failure: the ClientHello was all the server wanted
      }
      assertEquals(List.of(29, 30, 23, 24, 25, 256, 257, 258), groups.get());
    }
  }

  /** Reads one ClientHello record and returns its supported_groups (extension 10). */
  private static List<Integer> supportedGroups(Socket raw) throws Exception {
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
    List<Integer> groups = new ArrayList<>();
    while (b.position() < end) {
      int type = b.getShort() & 0xffff;
      int length = b.getShort() & 0xffff;
      if (type == 10) {
        int n = (b.getShort() & 0xffff) / 2;
        for (int i = 0; i < n; i++) {
          groups.add(b.getShort() & 0xffff);
        }
        return groups;
      }
      b.position(b.position() + length);
    }
    return groups;
  }
}
