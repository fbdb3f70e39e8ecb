package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pemtls.ClientHelloBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The client's offer as openssl s_server prints it, from hand-made ClientHellos; the names for
 * real clients are compared with openssl's own in {@code SServerOptionsTest}.
 */
class ClientHelloSummaryTest {
  @Test
  void knownSchemesAndGroups_printInOpensslsNames() throws Exception {
    byte[] hello = ClientHelloBuilder.modern().message();
    assertEquals("Signature Algorithms: ECDSA+SHA256:RSA-PSS+SHA256:RSA+SHA256:ECDSA+SHA384:"
        + "RSA-PSS+SHA384", ClientHelloSummary.signatureAlgorithms(hello));
    assertEquals("Supported groups: x25519:secp256r1", ClientHelloSummary.supportedGroups(hello));
  }

  @Test
  void unknownCodes_printAsOpensslPrintsThem() throws Exception {
    byte[] hello = ClientHelloBuilder.modern().message();
    patch(hello, new byte[] {4, 3, 8, 4, 4, 1}, new byte[] {4, 3, 8, 4, 8, 0x1a});
    patch(hello, new byte[] {0, 0x1d, 0, 0x17}, new byte[] {0, 0x1d, 0x0a, 0x0a});
    assertEquals("Signature Algorithms: ECDSA+SHA256:RSA-PSS+SHA256:0x1A+0x08:ECDSA+SHA384:"
        + "RSA-PSS+SHA384", ClientHelloSummary.signatureAlgorithms(hello));
    assertEquals("Supported groups: x25519:0x0A0A", ClientHelloSummary.supportedGroups(hello));
  }

  @Test
  void noHelloOrACutOne_printsNothing() throws Exception {
    assertNull(ClientHelloSummary.signatureAlgorithms(null));
    byte[] hello = ClientHelloBuilder.modern().message();
    assertNull(ClientHelloSummary.supportedGroups(Arrays.copyOf(hello, 60)));
  }

  private static void patch(byte[] in, byte[] find, byte[] replacement) {
    for (int i = 0; i + find.length <= in.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(in, i, i + find.length), find)) {
        System.arraycopy(replacement, 0, in, i, replacement.length);
        return;
      }
    }
    throw new AssertionError("not in the ClientHello: " + Arrays.toString(find));
  }
}
