package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.PythonOracle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pemtls decode-cert} prints Python's dictionary per file and reports bad files. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class DecodeCertCommandTest {
  @TempDir static Path dir;
  private static Path pemA;
  private static Path bundle;
  private static Path der;

  @BeforeAll
  static void files() throws Exception {
    List<Path> system;
    try (Stream<Path> s = Files.list(Path.of("/etc/ssl/certs"))) {
      system = s.filter(p -> p.toString().endsWith(".pem")).sorted().limit(2).toList();
    }
    pemA = system.get(0);
    // A bundle with a key-like block first and two certificates: the first certificate counts.
    bundle = dir.resolve("bundle.pem");
    Files.writeString(bundle, "junk\n-----BEGIN CRL-----\nAAAA\n-----END CRL-----\n"
        + Files.readString(system.get(1)) + Files.readString(pemA));
    String body = Files.readString(pemA).replaceAll("-----[A-Z ]+-----|\\s", "");
    der = dir.resolve("cert.der");
    Files.write(der, Base64.getDecoder().decode(body));
  }

  private record Result(int status, List<String> out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void decodeCert_pemBundleAndDerFiles_printPythonsDictionaries() throws Exception {
    Result r = run("decode-cert", pemA.toString(), bundle.toString(), der.toString());
    assertEquals(0, r.status(), r.err());
    List<String> expected = new ArrayList<>(PythonOracle.decode(List.of(pemA, bundle)));
    expected.add(expected.get(0)); // Python reads PEM only; the DER file holds pemA's certificate
    assertEquals(expected, r.out());
  }

  @Test
  void decodeCert_missingAndCertificatelessFiles_exitOneNamingThem() throws Exception {
    Path missing = dir.resolve("missing.pem");
    Path empty = dir.resolve("notes.txt");
    Files.writeString(empty, "no certificate here\n");
    Result r = run("decode-cert", missing.toString(), pemA.toString(), empty.toString());
    assertEquals(1, r.status());
    assertEquals(1, r.out().size(), "the good file is still printed");
    assertTrue(r.err().contains(missing.toString()), r.err());
    assertTrue(r.err().contains(empty.toString()), r.err());
  }

  @Test
  void help_listsDecodeCertSummary() {
    Result r = run("help");
    assertTrue(r.out().stream().anyMatch(l -> l.contains("decode-cert")
        && l.contains("Python's getpeercert() dictionary (JSON)")), r.out().toString());
  }
}
