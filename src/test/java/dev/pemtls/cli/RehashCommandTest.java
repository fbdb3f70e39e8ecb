package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.testing.OpenSslBinary;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.internal.trust.SubjectHash;
import dev.pemtls.internal.trust.TestCrls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pemtls rehash} and {@code subject-hash} against {@code openssl rehash / x509}. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class RehashCommandTest {
  @TempDir Path tmp;

  /** A directory with what real ones hold: collisions, duplicates, CRLs, stale links, junk. */
  private Path generated() throws IOException {
    Path d = Files.createDirectory(tmp.resolve("gen"));
    Issued ca1 = new Spec("Rehash CA One").ca().issue();
    Issued ca2 = new Spec("Rehash CA Two").ca().issue();
    Issued ca3 = new Spec("Rehash CA Three").ca().issue();
    Issued twinA = new Spec("Same Subject CA").ca().issue();
    Issued twinB = new Spec("Same Subject CA").ca().issue();
    write(d, "ca1.pem", DemoPki.pem(ca1.certificate()));
    write(d, "ca1-copy.crt", DemoPki.pem(ca1.certificate())); // duplicate by fingerprint
    write(d, "ca2.pem", DemoPki.pem(ca2.certificate()));
    write(d, "ca3.cer", DemoPki.pem(ca3.certificate()));
    write(d, "TWIN-A.PEM", DemoPki.pem(twinA.certificate()));
    write(d, "twin-b.pem", DemoPki.pem(twinB.certificate()));
    write(d, "bundle.pem", DemoPki.pem(ca1.certificate(), ca2.certificate()));
    write(d, "notes.txt", "not a certificate\n");
    write(d, "empty.pem", "");
    write(d, "key.pem", DemoPki.pem(ca1.keys().getPrivate()));
    write(d, "ca1.crl", TestCrls.pem(TestCrls.current(ca1, BigInteger.TEN)));
    write(d, "ca1-later.crl", TestCrls.pem(TestCrls.current(ca1, BigInteger.TWO)));
    Files.createDirectory(d.resolve("subdir.pem"));
    String h1 = SubjectHash.of(ca1.certificate());
    String h2 = SubjectHash.of(ca2.certificate());
    Files.createSymbolicLink(d.resolve(h1 + ".0"), Path.of("ca1.pem")); // right: kept
    Files.createSymbolicLink(d.resolve(h2 + ".5"), Path.of("ca2.pem")); // wrong number
    Files.createSymbolicLink(d.resolve("deadbeef.0"), Path.of("removed.pem")); // stale
    Files.createSymbolicLink(d.resolve("deadbeef.r1"), Path.of("removed.crl")); // stale CRL
    Files.createSymbolicLink(d.resolve("link-to-ca3.pem"), Path.of("ca3.cer")); // duplicate
    Files.createSymbolicLink(d.resolve("dangling.pem"), Path.of("nowhere.pem"));
    return d;
  }

  private static void write(Path d, String name, String text) throws IOException {
    Files.writeString(d.resolve(name), text);
  }

  /** Each entry: "link -> target" or "file". */
  private static Map<String, String> listing(Path d) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.toList()) {
        m.put(p.getFileName().toString(), Files.isSymbolicLink(p)
            ? "-> " + Files.readSymbolicLink(p) : Files.isDirectory(p) ? "dir" : "file");
      }
    }
    return m;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectory(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(p.getFileName().toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(target);
        } else {
          Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private record Run(int status, String out, String err) {}

  private static Run pemtls(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private void assertSameLinksAsOpenssl(Path source) throws IOException {
    Path ours = tmp.resolve("ours");
    Path theirs = tmp.resolve("theirs");
    copy(source, ours);
    copy(source, theirs);
    OpenSslBinary.Result r = OpenSslBinary.run("rehash", theirs.toString());
    Run run = pemtls("rehash", ours.toString());
    assertEquals(listing(theirs), listing(ours), run.err());
    assertEquals(r.exit(), run.status(), "exit status (error count): " + run.err());
  }

  @Test
  void rehash_generatedDirectory_makesOpensslsLinks() throws Exception {
    OpenSslBinary.assume30();
    assertSameLinksAsOpenssl(generated());
  }

  @Test
  void rehash_copyOfSystemCerts_makesOpensslsLinks() throws Exception {
    OpenSslBinary.assume30();
    Path certs = Path.of("/etc/ssl/certs");
    Assumptions.assumeTrue(Files.isDirectory(certs), "no /etc/ssl/certs here");
    assertSameLinksAsOpenssl(certs);
  }

  @Test
  void rehash_twice_changesNothing() throws Exception {
    Path d = generated();
    pemtls("rehash", d.toString());
    Map<String, String> first = listing(d);
    pemtls("rehash", d.toString());
    assertEquals(first, listing(d));
  }

  @Test
  void subjectHash_filesInArgumentOrder_matchOpensslX509() throws Exception {
    OpenSslBinary.assume30();
    Path d = generated();
    List<String> args = new ArrayList<>(List.of("subject-hash"));
    StringBuilder expected = new StringBuilder();
    StringBuilder expectedOld = new StringBuilder();
    for (String f : List.of("twin-b.pem", "ca2.pem", "ca1.pem", "TWIN-A.PEM")) {
      String p = d.resolve(f).toString();
      args.add(p);
      expected.append(OpenSslBinary.run("x509", "-noout", "-subject_hash", "-in", p).out());
      expectedOld.append(OpenSslBinary.run("x509", "-noout", "-subject_hash_old", "-in", p)
          .out());
    }
    assertEquals(expected.toString(), pemtls(args.toArray(String[]::new)).out());
    args.add(1, "-old");
    assertEquals(expectedOld.toString(), pemtls(args.toArray(String[]::new)).out());
  }

  @Test
  void subjectHash_fileWithoutCertificate_failsNamingIt() throws Exception {
    Path f = Files.writeString(tmp.resolve("nothing.pem"), "hello\n");
    Run r = pemtls("subject-hash", f.toString());
    assertEquals(1, r.status());
    assertEquals(true, r.err().contains("nothing.pem"), r.err());
  }
}
