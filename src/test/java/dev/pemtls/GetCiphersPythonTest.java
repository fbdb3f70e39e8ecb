package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pemtls.internal.x509.Json;
import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code getCiphers()} against CPython's {@code SSLContext.get_ciphers()} for the same cipher
 * strings: every suite PemTLS lists is in Python's list, in the same relative order, with an
 * identical dictionary.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class GetCiphersPythonTest {
  private static final List<String> STRINGS = List.of(
      SslContext.PYTHON_DEFAULT_CIPHERS,
      "HIGH:!aNULL:!MD5",
      "DEFAULT",
      "ALL:@SECLEVEL=0",
      "ECDHE+AESGCM:DHE+AESGCM:ECDHE+CHACHA20",
      "AES128-SHA:CAMELLIA256-SHA:ECDHE-ECDSA-AES128-CCM8:@SECLEVEL=0");

  private static final String SCRIPT = String.join("\n",
      "import json, ssl, sys",
      "for s in sys.argv[1:]:",
      "    c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
      "    c.set_ciphers(s)",
      "    print(json.dumps(c.get_ciphers()))");

  @Test
  void getCiphers_equalsPythonsEntries_inPythonsOrder() throws Exception {
    List<String> python = python();
    for (int i = 0; i < STRINGS.size(); i++) {
      SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
      ctx.setCiphers(STRINGS.get(i));
      List<Map<String, Object>> ours = ctx.getCiphers();
      assertFalse(ours.isEmpty());
      // Python's list as JSON objects, one per line of our own rendering
      List<String> expected = new ArrayList<>();
      String all = python.get(i);
      for (Map<String, Object> d : ours) {
        String rendered = Json.write(d);
        int at = all.indexOf(rendered);
        assertFalse(at < 0, "cipher string " + STRINGS.get(i) + ": Python has no entry equal to "
            + rendered + "\nPython: " + all);
        expected.add(all.substring(at, at + rendered.length()));
        all = all.substring(at + rendered.length()); // keeps the relative order strict
      }
      assertEquals(expected.size(), ours.size());
    }
  }

  private static List<String> python() throws IOException, InterruptedException {
    Peer.require("python3", "the get_ciphers comparison");
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    cmd.addAll(STRINGS);
    Peer p = Peer.command(cmd).separateStderr().run();
    assertEquals(0, p.exitValue(), p.toString());
    return p.lines();
  }
}
