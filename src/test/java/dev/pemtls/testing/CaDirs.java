package dev.pemtls.testing;

import dev.pemtls.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Hashed CA directories for tests, made as an operator makes them: {@code pemtls rehash DIR}. */
public final class CaDirs {
  private CaDirs() {}

  /**
   * Runs {@code pemtls rehash dir}.
   *
   * @throws AssertionError with the command's output when it reports errors
   */
  public static void rehash(Path dir) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int status = Main.run(new String[] {"rehash", dir.toString()}, out, out);
    if (status != 0) {
      throw new AssertionError("pemtls rehash " + dir + " exited " + status + ": "
          + buf.toString(StandardCharsets.UTF_8));
    }
  }
}
