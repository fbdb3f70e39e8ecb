package dev.pemtls.internal.x509;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs CPython once over many certificate files: {@code json.dumps(ssl._ssl._test_decode_cert(p))}
 * per file, or {@code ERROR <ExceptionType>} where Python raises. Tests that need it are skipped
 * (not failed) when {@code python3} is not on the PATH.
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
    dev.pemtls.Peers.require("python3", "the CPython oracle comparison");
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("python3 failed with status " + p.exitValue());
    }
    List<String> lines = out.lines().toList();
    if (lines.size() != files.size()) {
      throw new IOException("python3 printed " + lines.size() + " lines for " + files.size());
    }
    return lines;
  }
}
