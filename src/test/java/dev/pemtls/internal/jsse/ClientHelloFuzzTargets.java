package dev.pemtls.internal.jsse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pemtls.ClientHelloBuilder;
import dev.pemtls.fuzz.Mutations;
import java.util.List;

/**
 * Jazzer fuzz target for the ClientHello pre-parser, which reads an unauthenticated peer's bytes
 * on every server socket: it must never throw, and a message it accepts has its suites.
 */
class ClientHelloFuzzTargets {
  private static final List<byte[]> TEMPLATES = templates();

  @FuzzTest(maxDuration = "2h")
  void clientHellos(byte[] data) {
    ClientHelloParser.Verdict v = ClientHelloParser.check(Mutations.apply(TEMPLATES, data));
    if (v.ok() != (v.suites() != null) || v.ok() != (v.problem() == null)) {
      throw new AssertionError("inconsistent verdict " + v);
    }
  }

  private static List<byte[]> templates() {
    try {
      ClientHelloBuilder padded = ClientHelloBuilder.modern();
      padded.extension(21, new byte[300]);
      padded.extension(16, new byte[] {0, 3, 2, 'h', '2'});
      padded.extension(11, new byte[] {1, 0});
      padded.extension(45, new byte[] {1, 1});
      return List.of(ClientHelloBuilder.modern().message(), padded.message());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
