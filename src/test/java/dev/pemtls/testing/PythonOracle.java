package dev.pemtls.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs CPython once over many certificate files: {@code json.dumps(ssl._ssl._test_decode_cert(p))}
 * per file, or {@code ERROR <ExceptionType>} where Python raises. Tests that need it are skipped
 * when {@code python3} is not on the PATH (failed under {@code PEMTLS_REQUIRE_PEERS=true}).
 */
public final class PythonOracle {
  private static final String SCRIPT = String.join("\n",
      "import json, ssl, sys",
      "for p in sys.argv[1:]:",
      "    try:",
      "        print(json.dumps(ssl._ssl._test_decode_cert(p)))",
      "    except Exception as e:",
      "        print('ERROR ' + type(e).__name__)");

  private PythonOracle() {}

  /** One output line per file, in order. */
  public static List<String> decode(List<Path> files) throws IOException, InterruptedException {
    Peer.require("python3", "the CPython oracle comparison");
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Peer p = Peer.command(cmd).separateStderr().run();
    if (p.exitValue() != 0) {
      throw new IOException("python3 failed with status " + p.exitValue() + ": " + p.stderr());
    }
    List<String> lines = p.lines();
    if (lines.size() != files.size()) {
      throw new IOException("python3 printed " + lines.size() + " lines for " + files.size());
    }
    return lines;
  }
}
