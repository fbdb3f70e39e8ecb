package dev.pemtls;

import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Runs one CPython process over a batch of inputs and returns one {@link Outcome} per input.
 * The script reads its JSON input from stdin and prints, per case, {@code OK <base64>} or
 * {@code ERR <exception type> <base64 message>}. Skips the calling test when python3 is absent.
 */
final class PythonBatch {
  /** What Python returned (text, UTF-8) or raised for one input. */
  record Outcome(String value, String errorType, String errorMessage) {
    boolean failed() {
      return errorType != null;
    }

    byte[] bytes() {
      return value.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** Python helpers the scripts share: out(value) prints one case, err(e) one failure. */
  static final String PRELUDE = String.join("\n",
      "import base64, json, os, ssl, sys, warnings",
      "warnings.simplefilter('ignore')",
      "def out(v):",
      "    if isinstance(v, str): v = v.encode('utf-8')",
      "    elif isinstance(v, (bytes, bytearray)): v = bytes(v).decode('latin-1').encode('utf-8')",
      "    else: v = repr(v).encode('utf-8')",
      "    print('OK ' + base64.b64encode(v).decode())",
      "def err(e):",
      "    print('ERR ' + type(e).__name__ + ' ' + base64.b64encode(str(e).encode('utf-8')).decode())",
      "data = json.load(sys.stdin)",
      "");

  private PythonBatch() {}

  static List<Outcome> run(String script, String jsonInput, int expected) throws Exception {
    Peer.require("python3", "the CPython comparison");
    Peer p = Peer.command(List.of("python3", "-c", PRELUDE + script)).separateStderr().start();
    p.send(jsonInput);
    p.closeInput();
    if (p.waitFor() != 0) {
      throw new IOException("python3 failed with status " + p.exitValue() + ": " + p.stderr());
    }
    String text = p.text();
    List<Outcome> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("OK ")) {
        out.add(new Outcome(decode(line.substring(3)), null, null));
      } else if (line.startsWith("ERR ")) {
        String[] parts = line.split(" ", 3);
        out.add(new Outcome(null, parts[1], decode(parts.length > 2 ? parts[2] : "")));
      }
    }
    if (out.size() != expected) {
      throw new IOException("python3 printed " + out.size() + " results for " + expected
          + " inputs");
    }
    return out;
  }

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }
}
