package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.OpenSsl;
import dev.pemtls.testing.OpenSslBinary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** {@code pemtls x509} prints byte for byte what {@code openssl x509} prints for the same file. */
@Tag("peer") // needs the openssl 3.0 binary
class X509CommandTest {
  @TempDir static Path dir;
  private static String tricky;
  private static String plain;

  @BeforeAll
  static void certificates() throws Exception {
    OpenSslBinary.assume30();
    OpenSsl openssl = new OpenSsl(dir);
    openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", "k.key");
    // A multi-valued RDN, UTF-8, the characters that make OpenSSL quote or escape, IP and email
    // names, and a serial whose DER has a leading zero octet (0xAB is 00 AB).
    openssl.run("req", "-x509", "-key", "k.key", "-out", "tricky.pem", "-days", "2", "-utf8",
        "-multivalue-rdn", "-subj", "/C=DE/O=a,b+OU=x\"y/CN= \u00e9<z>;#\\\\ /CN=#zz/CN=a#b c"
            + "/emailAddress=a@b/DC=com/UID=u",
        "-addext", "subjectAltName=critical,DNS:a.example,IP:10.0.0.1,IP:2001:db8::1,"
            + "email:x@y.example,URI:http://u.example/,DNS:\u00e9.example",
        "-set_serial", "0x00ab");
    openssl.run("req", "-x509", "-key", "k.key", "-out", "plain.pem", "-days", "2",
        "-subj", "/CN=plain", "-set_serial", "0x0abc");
    tricky = dir.resolve("tricky.pem").toString();
    plain = dir.resolve("plain.pem").toString();
  }

  private static Executable same(String... args) {
    return () -> {
      List<String> all = new ArrayList<>(List.of("x509"));
      all.addAll(List.of(args));
      OpenSslRun expected = OpenSslRun.of(all.toArray(new String[0]));
      CliRun actual = CliRun.of(all.toArray(new String[0]));
      String what = String.join(" ", all);
      assertEquals(0, expected.status(), what + ": openssl failed: " + expected.err());
      assertEquals(expected.out(), actual.out(), what);
      assertEquals(expected.status(), actual.status(), what + ": " + actual.err());
    };
  }

  @Test
  void eachOptionAlone_matchesOpenssl() {
    List<Executable> checks = new ArrayList<>();
    for (String file : List.of(tricky, plain)) {
      for (List<String> option : List.of(List.of("-subject"), List.of("-issuer"),
          List.of("-serial"), List.of("-dates"), List.of("-fingerprint"),
          List.of("-fingerprint", "-sha256"), List.of("-fingerprint", "-sha1"),
          List.of("-ext", "subjectAltName"))) {
        List<String> args = new ArrayList<>(List.of("-in", file, "-noout"));
        args.addAll(option);
        checks.add(same(args.toArray(new String[0])));
      }
    }
    assertAll(checks);
  }

  @Test
  void optionsTogether_printInOrderOfLastOccurrence_matchesOpenssl() {
    assertAll(
        same("-in", tricky, "-noout", "-subject", "-issuer", "-serial", "-dates", "-fingerprint",
            "-ext", "subjectAltName"),
        same("-in", tricky, "-noout", "-ext", "subjectAltName", "-fingerprint", "-sha256",
            "-dates", "-serial", "-issuer", "-subject"),
        same("-noout", "-subject", "-serial", "-subject", "-in", tricky),
        same("-in", tricky, "-noout", "-dates", "-serial", "-dates"),
        same("-in", plain, "-noout", "-sha256", "-fingerprint", "-sha1", "-fingerprint"));
  }

  @Test
  void withoutNoout_alsoPrintsThePem_matchesOpenssl() throws Exception {
    assertAll(same("-in", tricky), same("-in", plain, "-subject", "-serial"));
    assertTrue(CliRun.of("x509", "-in", plain).out()
        .startsWith("-----BEGIN CERTIFICATE-----\n"));
  }

  @Test
  void extWithoutSubjectAltName_saysSoOnStderrAndSucceeds_asOpenssl() throws Exception {
    OpenSslRun expected = OpenSslRun.of("x509", "-in", plain, "-noout", "-ext",
        "subjectAltName");
    CliRun actual = CliRun.of("x509", "-in", plain, "-noout", "-ext", "subjectAltName");
    assertEquals("No extensions in certificate\n", expected.err());
    assertEquals(expected.err(), actual.err());
    assertEquals("", actual.out());
    assertEquals(0, actual.status());
  }

  @Test
  void ext_writesTheNamesOctets_evenWhereStdoutIsAscii() throws Exception {
    // Under LANG=C the JVM's System.out encodes as ASCII; openssl writes the DNS name's octets.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"x509", "-in", tricky, "-noout", "-ext",
        "subjectAltName"}, new PrintStream(bytes, true,
        StandardCharsets.US_ASCII), System.err);
    assertEquals(0, status);
    String expected = OpenSslRun.of("x509", "-in", tricky, "-noout", "-ext", "subjectAltName")
        .out();
    assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
    assertTrue(expected.contains("DNS:\u00e9.example"), expected);
  }

  @Test
  void text_printsPemtlsSummaryWithOpensslFieldText() {
    CliRun r = CliRun.of("x509", "-in", tricky, "-noout", "-text");
    assertEquals(0, r.status(), r.err());
    String subject = CliRun.of("x509", "-in", tricky, "-noout", "-subject").out().strip()
        .substring("subject=".length());
    assertTrue(r.out().startsWith("Certificate:\n    Version: 3\n    Serial Number: AB\n"),
        r.out());
    assertTrue(r.out().contains("\n    Subject: " + subject + "\n"), r.out());
    assertTrue(r.out().contains("\n    X509v3 Subject Alternative Name: critical\n"
        + "        DNS:a.example, IP Address:10.0.0.1, "), r.out());
  }

  @Test
  void withoutIn_readsStandardInput_textAroundThePemSkipped() throws Exception {
    String pem = Files.readString(Path.of(tricky));
    CliRun r = CliRun.withInput("CONNECTED(00000003)\n" + pem + "---\n", "x509", "-noout",
        "-subject", "-dates");
    assertEquals(0, r.status(), r.err());
    assertEquals(OpenSslRun.of("x509", "-in", tricky, "-noout", "-subject", "-dates").out(),
        r.out());
  }

  @Test
  void emptyStandardInput_exitsOne() {
    CliRun r = CliRun.of("x509", "-noout", "-subject");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("Unable to load certificate: "), r.err());
  }

  @Test
  void missingFile_exitsOneNamingIt() {
    CliRun r = CliRun.of("x509", "-in", dir.resolve("absent.pem").toString(), "-noout",
        "-subject");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Unable to load certificate: ") && r.err().contains(
        "absent.pem"), r.err());
  }

  @Test
  void extOtherThanSubjectAltName_isUsageErrorNamingTheSupportedOne() throws Exception {
    CliRun r = CliRun.of("x509", "-in", plain, "-ext", "keyUsage");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("-ext keyUsage is not supported; use -ext subjectAltName"),
        r.err());
  }
}
