package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.OpenSsl;
import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where load time must match Python 3.11 on the same files, with CPython as the oracle: the own
 * chain against the security level ({@code EE_KEY_TOO_SMALL}, {@code CA_KEY_TOO_SMALL}, {@code
 * CA_MD_TOO_WEAK}), {@code get_ca_certs()} listing only CA certificates, and a password callback's
 * exception propagating unchanged.
 */
class LoadCertChainPythonTest {
  @TempDir static Path dir;

  @BeforeAll
  static void files() throws Exception {
    Peer.require("openssl", "the load-time fidelity tests");
    Peer.require("python3", "the load-time fidelity tests");
    openssl("req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "small.key", "-subj",
        "/CN=small", "-days", "2", "-out", "small.pem");
    openssl("req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "smallca.key", "-subj",
        "/CN=small CA", "-days", "2", "-out", "smallca.pem");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-subj",
        "/CN=big CA", "-days", "2", "-out", "ca.pem");
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-subj",
        "/CN=leaf", "-out", "leaf.csr");
    openssl("x509", "-req", "-in", "leaf.csr", "-CA", "smallca.pem", "-CAkey", "smallca.key",
        "-CAcreateserial", "-days", "2", "-out", "by-small.pem");
    openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-sha1", "-days", "2", "-out", "sha1.pem");
    openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-out", "good.pem");
    cat("chain-small-ca.pem", "by-small.pem", "smallca.pem");
    // CA candidates for get_ca_certs: a v1 self-signed root, a CA whose key usage lacks
    // keyCertSign, a leaf marked CA:FALSE, and a plain v3 CA.
    openssl("x509", "-req", "-in", "leaf.csr", "-key", "leaf.key", "-days", "2", "-out",
        "v1.pem");
    openssl("req", "-x509", "-key", "leaf.key", "-subj", "/CN=ku only", "-addext",
        "basicConstraints=CA:TRUE", "-addext", "keyUsage=digitalSignature", "-days", "2",
        "-out", "ku.pem");
    openssl("req", "-x509", "-key", "leaf.key", "-subj", "/CN=not a ca", "-addext",
        "basicConstraints=critical,CA:FALSE", "-days", "2", "-out", "notca.pem");
    cat("bundle.pem", "v1.pem", "ku.pem", "notca.pem", "ca.pem", "good.pem");
  }

  @Test
  void rsa1024Certificate_raisesEeKeyTooSmall_asPython() throws Exception {
    assertSameReason("EE_KEY_TOO_SMALL", "small.pem", "small.key", null);
  }

  @Test
  void rsa1024CaInTheChainFile_raisesCaKeyTooSmall_asPython() throws Exception {
    assertSameReason("CA_KEY_TOO_SMALL", "chain-small-ca.pem", "leaf.key", null);
  }

  @Test
  void sha1SignedCertificate_raisesCaMdTooWeak_asPython() throws Exception {
    assertSameReason("CA_MD_TOO_WEAK", "sha1.pem", "leaf.key", null);
  }

  @Test
  void leafIssuedBySmallCaNotInTheFile_loads_asPython() throws Exception {
    assertSameReason(null, "by-small.pem", "leaf.key", null);
  }

  @Test
  void securityLevelZeroSetFirst_loadsTheSmallKey_asPython() throws Exception {
    assertSameReason(null, "small.pem", "small.key", "DEFAULT:@SECLEVEL=0");
  }

  @Test
  void caCertificates_listsOnlyWhatGetCaCertsLists() throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(dir.resolve("bundle.pem"), null, null);
    List<String> ours = ctx.caCertificates().stream()
        .map(c -> c.getSubjectX500Principal().getName()).sorted().collect(Collectors.toList());
    String py = python("c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n"
        + "c.load_verify_locations(sys.argv[1])\n"
        + "print(sorted(dict(x[0] for x in d['subject'])['commonName'] for d in c.get_ca_certs()))"
        + "\nprint(c.cert_store_stats())", dir.resolve("bundle.pem").toString());
    // v1.pem (a self-signed version 1 root) and good.pem (issued by big CA) are both CN=leaf.
    assertEquals("['big CA', 'leaf']", py.lines().findFirst().orElse(""), py);
    assertTrue(py.contains("'x509': 5") && py.contains("'x509_ca': 2"), py);
    assertEquals(List.of("CN=big CA", "CN=leaf"), ours);
    assertTrue(ctx.caCertificates().stream().anyMatch(c -> c.getVersion() == 1),
        "the CN=leaf listed is the version 1 root, not good.pem");
  }

  @Test
  void passwordCallbackIoException_propagatesUnchanged() throws Exception {
    Path enc = encryptedKey();
    IOException mine = new java.io.InterruptedIOException("user pressed cancel");
    IOException thrown = assertThrows(IOException.class, () -> new SslContext(
        Protocol.TLS_SERVER).loadCertChain(dir.resolve("good.pem"), enc, () -> {
          throw mine;
        }));
    assertSame(mine, thrown);
    assertEquals("KeyError", python("c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
        + "def cb(): raise KeyError('cancel')\n"
        + "try: c.load_cert_chain(sys.argv[1], sys.argv[2], password=cb)\n"
        + "except Exception as e: print(type(e).__name__)", dir.resolve("good.pem").toString(),
        enc.toString()).strip(), "Python propagates the callable's own exception");
  }

  @Test
  void passwordCallbackRuntimeException_propagatesUnchanged() throws Exception {
    Path enc = encryptedKey();
    IllegalStateException mine = new IllegalStateException("no terminal");
    assertSame(mine, assertThrows(IllegalStateException.class, () -> new SslContext(
        Protocol.TLS_SERVER).loadCertChain(dir.resolve("good.pem"), enc, () -> {
          throw mine;
        })));
  }

  private static Path encryptedKey() throws Exception {
    Path enc = dir.resolve("leaf-enc.key");
    if (!Files.exists(enc)) {
      openssl("pkcs8", "-topk8", "-in", "leaf.key", "-passout", "pass:pw", "-out",
          "leaf-enc.key");
    }
    return enc;
  }

  /** PemTLS's SslError reason (null: loaded) must be {@code expected}, and so Python's. */
  private static void assertSameReason(String expected, String cert, String key, String ciphers)
      throws Exception {
    String ours = null;
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    if (ciphers != null) {
      ctx.setCiphers(ciphers);
    }
    try {
      ctx.loadCertChain(dir.resolve(cert), dir.resolve(key));
    } catch (SslError e) {
      ours = e.reason();
      assertEquals("SSL", e.library(), e.getMessage());
      assertTrue(e.getMessage().contains(dir.resolve(cert).toString()), e.getMessage());
    }
    String theirs = python("c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
        + "if sys.argv[3]: c.set_ciphers(sys.argv[3])\n"
        + "try:\n  c.load_cert_chain(sys.argv[1], sys.argv[2]); print('None')\n"
        + "except ssl.SSLError as e: print(e.reason)", dir.resolve(cert).toString(),
        dir.resolve(key).toString(), ciphers == null ? "" : ciphers).strip();
    assertEquals(expected == null ? "None" : expected, theirs, "Python's reason for " + cert);
    assertEquals(expected, ours, "PemTLS's reason for " + cert);
  }

  private static String python(String script, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", "import ssl, sys\n" + script));
    cmd.addAll(Arrays.asList(args));
    Peer p = Peer.command(cmd).run();
    assertEquals(0, p.exitValue(), p.toString());
    return p.text();
  }

  private static void openssl(String... args) throws Exception {
    new OpenSsl(dir).run(args);
  }

  private static void cat(String out, String... parts) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      b.append(Files.readString(dir.resolve(part)));
    }
    Files.writeString(dir.resolve(out), b);
  }
}
