package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.trust.TestCrls;
import dev.pemtls.testing.OpenSsl;
import dev.pemtls.testing.OpenSslBinary;
import dev.pemtls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pemtls verify} answers as {@code openssl verify} does on the same files: the same
 * standard output, standard error and exit status, with PemTLS's own verifier.
 */
@Tag("peer") // needs the openssl 3.0 binary
class VerifyCommandTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static String root;
  private static String intermediate;
  private static String server;
  private static String client;
  private static String expired;
  private static String otherRoot;
  private static String intermediateAndRoot;
  private static String ncRoot;
  private static String ncIntermediate;
  private static String ncViolating;
  private static String ncInside;

  @BeforeAll
  static void corpus() throws Exception {
    OpenSslBinary.assume30();
    pki = TestPki.withIntermediate(dir, "EC");
    root = pki.caFile.toString();
    intermediate = pki.intermediateFile.toString();
    server = pki.serverLeaf.toString();
    client = write("client-leaf.pem", pki.client);
    Instant now = Instant.now();
    expired = write("expired.pem", pki.spec("expired.example").issuer(pki.intermediate)
        .dns("expired.example").validity(now.minus(Duration.ofDays(3)),
            now.minus(Duration.ofDays(2)))
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue());
    otherRoot = write("other-root.pem", pki.spec("Other Root").ca().issue());
    intermediateAndRoot = DemoPki.write(pki.dir.resolve("intermediate-and-root.pem"),
        DemoPki.pem(pki.intermediate.certificate(), pki.root.certificate())).toString();
    nameConstrained();
  }

  /** openssl makes these: DemoPki has no name constraints. */
  private static void nameConstrained() throws Exception {
    Path nc = Files.createDirectories(dir.resolve("nc"));
    OpenSsl openssl = new OpenSsl(nc);
    for (String k : List.of("root", "int", "leaf")) {
      openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
          "-out", k + ".key");
    }
    openssl.run("req", "-x509", "-key", "root.key", "-subj", "/CN=NC Root", "-days", "3",
        "-out", "root.pem", "-addext", "basicConstraints=critical,CA:true",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    Files.writeString(nc.resolve("ca.ext"), "basicConstraints=critical,CA:true\n"
        + "keyUsage=critical,keyCertSign,cRLSign\n"
        + "nameConstraints=critical,permitted;DNS:good.example\n");
    Files.writeString(nc.resolve("bad.ext"), "subjectAltName=DNS:bad.example\n");
    Files.writeString(nc.resolve("good.ext"), "subjectAltName=DNS:www.good.example\n");
    openssl.run("req", "-new", "-key", "int.key", "-subj", "/CN=NC Intermediate",
        "-out", "int.csr");
    openssl.run("x509", "-req", "-in", "int.csr", "-CA", "root.pem", "-CAkey", "root.key",
        "-set_serial", "2", "-days", "2", "-extfile", "ca.ext", "-out", "int.pem");
    openssl.run("req", "-new", "-key", "leaf.key", "-subj", "/CN=leaf", "-out", "leaf.csr");
    for (String kind : List.of("bad", "good")) {
      openssl.run("x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key",
          "-set_serial", kind.equals("bad") ? "3" : "4", "-days", "1", "-extfile",
          kind + ".ext", "-out", kind + ".pem");
    }
    ncRoot = nc.resolve("root.pem").toString();
    ncIntermediate = nc.resolve("int.pem").toString();
    ncViolating = nc.resolve("bad.pem").toString();
    ncInside = nc.resolve("good.pem").toString();
  }

  private static String write(String name, Issued leaf) throws Exception {
    return DemoPki.write(pki.dir.resolve(name), DemoPki.pem(leaf.certificate())).toString();
  }

  /** Runs openssl verify and pemtls verify on {@code args}; asserts openssl's {@code status}. */
  private static Executable same(int status, String... args) {
    return () -> {
      List<String> all = new ArrayList<>(List.of("verify"));
      all.addAll(List.of(args));
      OpenSslRun expected = OpenSslRun.of(all.toArray(new String[0]));
      CliRun actual = CliRun.of(all.toArray(new String[0]));
      String what = String.join(" ", all);
      assertEquals(status, expected.status(), what + ": openssl said " + expected.out()
          + expected.err());
      assertEquals(expected.out(), actual.out(), what);
      assertEquals(expected.err(), actual.err(), what);
      assertEquals(expected.status(), actual.status(), what);
    };
  }

  @Test
  void validChain_withIntermediateUntrusted_isOk() {
    assertAll(same(0, "-CAfile", root, "-untrusted", intermediate, server),
        same(0, "-CAfile", root, "-untrusted", intermediate, "-purpose", "sslserver", server),
        same(0, "-CAfile", root, root));
  }

  @Test
  void hashedCaDirectory_isSearched() throws Exception {
    Path capath = Files.createDirectories(dir.resolve("capath"));
    Files.copy(Path.of(root), capath.resolve("root.pem"));
    new OpenSsl(capath).run("rehash", ".");
    assertAll(same(0, "-CApath", capath.toString(), "-untrusted", intermediate, server),
        same(2, "-CApath", capath.toString(), server));
  }

  @Test
  void missingIntermediate_isError20() {
    assertAll(same(2, "-CAfile", root, server));
  }

  @Test
  void expiredLeaf_isError10() {
    assertAll(same(2, "-CAfile", root, "-untrusted", intermediate, expired));
  }

  @Test
  void clientCertificateCheckedAsServer_isError26() {
    assertAll(same(2, "-CAfile", root, "-untrusted", intermediate, "-purpose", "sslserver",
            client),
        same(0, "-CAfile", root, "-untrusted", intermediate, "-purpose", "sslclient", client));
  }

  @Test
  void untrustedRoot_isError19or18() {
    assertAll(same(2, "-CAfile", otherRoot, "-untrusted", intermediateAndRoot, server),
        same(2, "-CAfile", otherRoot, root));
  }

  @Test
  void intermediateAsAnchor_needsPartialChain() {
    assertAll(same(0, "-CAfile", intermediate, "-partial_chain", server),
        same(2, "-CAfile", intermediate, server));
  }

  @Test
  void nameConstrainedIntermediate_violatingLeaf_isError47() {
    assertAll(same(2, "-CAfile", ncRoot, "-untrusted", ncIntermediate, ncViolating),
        same(0, "-CAfile", ncRoot, "-untrusted", ncIntermediate, ncInside));
  }

  @Test
  void hostAndIp_mismatch_isError62or64() {
    assertAll(
        same(2, "-CAfile", root, "-untrusted", intermediate, "-verify_hostname",
            "other.example", server),
        same(0, "-CAfile", root, "-untrusted", intermediate, "-verify_hostname", "localhost",
            server),
        same(2, "-CAfile", root, "-untrusted", intermediate, "-verify_ip", "127.0.0.2", server),
        same(0, "-CAfile", root, "-untrusted", intermediate, "-verify_ip", "127.0.0.1", server));
  }

  @Test
  void x509Strict_onDemoPkiChain_matchesOpenssl() {
    assertAll(same(0, "-CAfile", root, "-untrusted", intermediate, "-x509_strict", server));
  }

  @Test
  void crlCheckWithoutCrl_isError3() {
    assertAll(same(2, "-CAfile", root, "-untrusted", intermediate, "-crl_check", server));
  }

  @Test
  void crlCheck_revokedLeafIsError23_crlCheckAllWithoutRootCrlIsError3() throws Exception {
    String revoking = DemoPki.write(pki.dir.resolve("revoking.crl.pem"), TestCrls.pem(
        TestCrls.current(pki.intermediate, pki.server.certificate().getSerialNumber())))
        .toString();
    String clean = DemoPki.write(pki.dir.resolve("clean.crl.pem"),
        TestCrls.pem(TestCrls.current(pki.intermediate))).toString();
    assertAll(
        same(2, "-CAfile", root, "-untrusted", intermediate, "-crl_check", "-CRLfile",
            revoking, server),
        same(0, "-CAfile", root, "-untrusted", intermediate, "-crl_check", "-CRLfile", clean,
            server),
        same(2, "-CAfile", root, "-untrusted", intermediate, "-crl_check_all", "-CRLfile",
            clean, server));
  }

  @Test
  void severalCertificates_eachReported_exit2WhenOneFails() {
    assertAll(same(2, "-CAfile", root, "-untrusted", intermediate, server, expired, client));
  }

  @Test
  void unreadableCertificate_exit2_othersStillVerified() {
    String absent = dir.resolve("absent.pem").toString();
    CliRun r = CliRun.of("verify", "-CAfile", root, "-untrusted", intermediate, absent, server);
    assertEquals(2, r.status());
    assertEquals(server + ": OK\n", r.out());
    assertTrue(r.err().startsWith("Unable to load certificate file " + absent), r.err());
  }

  @Test
  void badPurpose_isUsageErrorNamingTheChoices() {
    CliRun r = CliRun.of("verify", "-CAfile", root, "-purpose", "sslsrv", server);
    assertEquals(1, r.status());
    assertTrue(r.err().contains("invalid purpose sslsrv; use sslserver or sslclient"), r.err());
  }

  @Test
  void unreadableCafile_exit1NamingIt() {
    String absent = dir.resolve("no-ca.pem").toString();
    CliRun r = CliRun.of("verify", "-CAfile", absent, server);
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("Error loading file: ") && r.err().contains(absent), r.err());
  }
}
