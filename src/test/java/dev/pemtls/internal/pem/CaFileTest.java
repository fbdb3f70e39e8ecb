package dev.pemtls.internal.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslError;
import dev.pemtls.testing.OpenSsl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** load_verify_locations(cafile=...) and cadata, as OpenSSL's X509_load_cert_crl_file reads. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CaFileTest {
  @TempDir static Path dir;
  @TempDir Path tmp;

  static String caCrt;
  static String ca2Crt;
  static String caKey;
  static String crl;
  static String trusted;

  @BeforeAll
  static void generate() throws Exception {
    OpenSsl.assumeAvailable();
    OpenSsl ssl = new OpenSsl(dir);
    ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        "ca.key");
    ssl.selfSigned("ca.key", "ca one", "ca.crt");
    ssl.run("genpkey", "-algorithm", "ED25519", "-out", "ca2.key");
    ssl.selfSigned("ca2.key", "ca two", "ca2.crt");
    // A minimal `openssl ca` setup, only to issue an (empty) CRL.
    Files.writeString(dir.resolve("ca.cnf"), "[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\n"
        + "crlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 1\n");
    Files.writeString(dir.resolve("index.txt"), "");
    Files.writeString(dir.resolve("crlnumber"), "01\n");
    ssl.run("ca", "-gencrl", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.crt",
        "-out", "ca.crl");
    ssl.run("x509", "-in", "ca.crt", "-addtrust", "serverAuth", "-trustout", "-out",
        "trusted.pem");
    caCrt = read("ca.crt");
    ca2Crt = read("ca2.crt");
    caKey = read("ca.key");
    crl = read("ca.crl");
    trusted = read("trusted.pem");
  }

  private static String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
  }

  private Path write(String content) throws IOException {
    return Files.writeString(tmp.resolve("ca.pem"), content, StandardCharsets.ISO_8859_1);
  }

  private static SslError assertSslError(String library, String reason, Executable call) {
    SslError e = assertThrows(SslError.class, call);
    assertEquals(library + ": " + reason, e.library() + ": " + e.reason(), e.getMessage());
    return e;
  }

  private static List<String> subjects(List<X509Certificate> certs) {
    return certs.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  @Test
  void readCaFile_textKeyAndCrlBetweenCertificates_returnsCertificatesAndCrl() throws Exception {
    Path file = write("# Corporate roots\nSubject: CN=ca one\n" + caCrt
        + "\nsome commentary: not base64\n" + caKey + crl + "junk line\n" + ca2Crt + "trailer");
    CaFileContents contents = PemFiles.readCaFile(file);
    assertEquals(List.of("CN=ca one", "CN=ca two"), subjects(contents.certificates()));
    assertEquals(1, contents.crls().size());
    assertEquals("CN=ca one", contents.crls().get(0).getIssuerX500Principal().getName());
  }

  @Test
  void readCaFile_trustedAndOldStyleLabels_areCertificates() throws Exception {
    String old = ca2Crt.replace("BEGIN CERTIFICATE", "BEGIN X509 CERTIFICATE")
        .replace("END CERTIFICATE", "END X509 CERTIFICATE");
    Path file = write(trusted + old);
    CaFileContents contents = PemFiles.readCaFile(file);
    assertTrue(trusted.contains("BEGIN TRUSTED CERTIFICATE"), trusted);
    assertEquals(List.of("CN=ca one", "CN=ca two"), subjects(contents.certificates()));
    assertArrayEquals(der(caCrt), contents.certificates().get(0).getEncoded());
  }

  @Test
  void readCaFile_crlOnly_isAccepted() throws Exception {
    CaFileContents contents = PemFiles.readCaFile(write(crl));
    assertEquals(0, contents.certificates().size());
    assertEquals(1, contents.crls().size());
  }

  @Test
  void readCaFile_noCertificateOrCrl_raisesLikeOpenSsl() throws Exception {
    Path file = write("just text\n" + caKey);
    SslError e = assertSslError("X509", "NO_CERTIFICATE_OR_CRL_FOUND",
        () -> PemFiles.readCaFile(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void readCaFile_emptyFile_raisesNoCertificateOrCrlFound() throws Exception {
    Path file = write("");
    assertSslError("X509", "NO_CERTIFICATE_OR_CRL_FOUND", () -> PemFiles.readCaFile(file));
  }

  @Test
  void readCaFile_malformedSecondCertificate_failsWholeFileNamingBlock() throws Exception {
    String bad = "-----BEGIN CERTIFICATE-----\n"
        + Base64.getEncoder().encodeToString("definitely not DER".getBytes(StandardCharsets.US_ASCII))
        + "\n-----END CERTIFICATE-----\n";
    Path file = write(caCrt + bad + ca2Crt);
    SslError e = assertSslError("PEM", "ASN1_LIB", () -> PemFiles.readCaFile(file));
    assertTrue(e.getMessage().contains("block #2") && e.getMessage().contains(file.toString()),
        e.getMessage());
  }

  @Test
  void readCaFile_missingFile_raisesFileNotFound() {
    Path missing = tmp.resolve("missing.pem");
    SslError e = assertSslError("SYS", "FILE_NOT_FOUND", () -> PemFiles.readCaFile(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void parseCaData_twoConcatenatedDerCertificates_returnsBoth() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(der(caCrt));
    out.write(der(ca2Crt));
    CaFileContents contents = PemFiles.parseCaData(out.toByteArray());
    assertEquals(List.of("CN=ca one", "CN=ca two"), subjects(contents.certificates()));
  }

  @Test
  void parseCaData_derWithTrailingGarbage_raises() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(der(caCrt));
    out.write('A');
    SslError e = assertThrows(SslError.class, () -> PemFiles.parseCaData(out.toByteArray()));
    assertEquals("ASN1", e.library());
  }

  @Test
  void parseCaData_brokenBytes_raisesNotEnoughDataLikePython() {
    SslError e = assertSslError("ASN1", "NOT_ENOUGH_DATA",
        () -> PemFiles.parseCaData("broken".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(e.getMessage().contains("not enough data: cadata does not contain a certificate"));
  }

  @Test
  void parseCaData_brokenString_raisesNoStartLineLikePython() {
    SslError e = assertSslError("PEM", "NO_START_LINE", () -> PemFiles.parseCaData("broken"));
    assertTrue(e.getMessage().contains("no start line: cadata does not contain a certificate"));
  }

  @Test
  void parseCaData_pemStringAndPemBytes_skipTextBetweenCertificates() throws Exception {
    String pem = "first:\n" + caCrt + "second:\n" + ca2Crt;
    assertEquals(2, PemFiles.parseCaData(pem).certificates().size());
    assertEquals(2, PemFiles.parseCaData(pem.getBytes(StandardCharsets.US_ASCII))
        .certificates().size());
  }
}
