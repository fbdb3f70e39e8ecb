package dev.pemtls.internal.trust.limbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.trust.limbo.LimboHarness.Result;
import dev.pemtls.internal.trust.limbo.LimboHarness.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * x509-limbo: PemTLS's agreement with the expected results, beside OpenSSL 3.0.19's 145/208.
 * Disagreements PemTLS cannot fix yet do not fail the build; a drop below the floor does.
 * Details: src/test/resources/limbo-results.md; per-case results in target/limbo-*.tsv.
 */
class LimboHarnessTest {
  /** Agreement reached so far; raise it when PemTLS gets better, never lower it. */
  static final int FLOOR = 155;

  static final Path LIMBO = Path.of("../shared/limbo/limbo.json");

  @TempDir Path work;

  @Test
  void limbo_cafileAndCapath_agreeAtLeastTheFloorAndWithEachOther() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(LIMBO), "x509-limbo data not found at "
        + LIMBO.toAbsolutePath() + "; skipping the harness");
    Logger.getLogger("dev.pemtls.internal.trust").setLevel(Level.SEVERE); // rehash junk is expected here
    List<Result> cafile = LimboHarness.run(LIMBO, Trust.CAFILE, work.resolve("f"));
    List<Result> capath = LimboHarness.run(LIMBO, Trust.CAPATH, work.resolve("d"));
    long agreeFile = cafile.stream().filter(Result::agrees).count();
    long agreePath = capath.stream().filter(Result::agrees).count();
    write("limbo-cafile.tsv", cafile);
    write("limbo-capath.tsv", capath);
    System.out.println("x509-limbo: cafile " + agreeFile + "/" + cafile.size() + ", capath "
        + agreePath + "/" + capath.size() + " (OpenSSL 3.0.19: 145/208)");
    Map<String, String> fileActual = cafile.stream().collect(
        Collectors.toMap(Result::id, Result::actual));
    for (Result r : capath) {
      assertEquals(fileActual.get(r.id()), r.actual(), "cafile and capath differ on " + r.id());
    }
    assertTrue(agreeFile >= FLOOR, "limbo agreement fell to " + agreeFile + " < " + FLOOR);
  }

  private static void write(String name, List<Result> results) throws Exception {
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return;
    }
    StringBuilder sb = new StringBuilder("id\texpected\tactual\tcontext\n");
    for (Result r : results) {
      sb.append(r.id()).append('\t').append(r.expected()).append('\t').append(r.actual())
          .append('\t').append(r.context() == null ? "" : r.context()).append('\n');
    }
    Files.writeString(target.resolve(name), sb);
  }
}
