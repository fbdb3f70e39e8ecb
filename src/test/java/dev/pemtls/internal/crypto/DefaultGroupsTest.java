package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.testing.ClientHellos;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
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
    List<Integer> groups = ClientHellos.u16List(10, port -> {
      SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
      try (SSLSocket tls = ctx.wrapSocket(new Socket(InetAddress.getLoopbackAddress(), port),
          false, "localhost")) {
        throw new AssertionError("the raw server closes after the ClientHello: " + tls);
      } catch (SslError expected) {
        // handshake_failure: the ClientHello was all the server wanted
      }
    });
    assertEquals(List.of(29, 30, 23, 24, 25, 256, 257, 258), groups);
  }
}
