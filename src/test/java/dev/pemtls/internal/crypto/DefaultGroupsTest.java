package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.testing.ClientHellos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The groups a PemTLS client offers are OpenSSL 3.0's (X25519, X448, the NIST curves, the FFDHE
 * groups, in its order), without the post-quantum hybrid X25519MLKEM768 that BCJSSE would add
 * when BouncyCastle is on the class path. GroupsPythonTest compares them with Python's.
 */
class DefaultGroupsTest {
  @Test
  void clientHello_offersNoPostQuantumGroup() throws Exception {
    List<Integer> groups = ClientHellos.u16List(10,
        ClientHellos.pemtls(new SslContext(Protocol.TLS_CLIENT)));
    // OpenSSL 3.0's list and order: x25519, secp256r1, x448, secp521r1, secp384r1, ffdhe2048-8192
    assertEquals(List.of(29, 23, 30, 25, 24, 256, 257, 258, 259, 260), groups);
  }
}
