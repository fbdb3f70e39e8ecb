package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.Protocol;
import dev.pemtls.Ssl;
import dev.pemtls.SslContext;
import dev.pemtls.TlsVersion;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.ciphers.CipherStrings;
import dev.pemtls.internal.ciphers.CipherSuite;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cipher strings on the wire (TLS 1.2): the suite PemTLS negotiates with an OpenSSL server equals
 * what openssl's own client, configured with the same string, negotiates with it; and sslscan
 * finds a PemTLS server accepting exactly the suites its string selects, in its order.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CipherStringInteropTest {
  @TempDir static Path dir;
  static TestPki rsa;
  static TestPki ec;

  @BeforeAll
  static void pki() throws Exception {
    rsa = TestPki.withIntermediate(dir, "RSA");
    ec = TestPki.withIntermediate(dir, "EC");
  }

  private static final Pattern CIPHER_IS = Pattern.compile("Cipher is (\\S+)");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "RSA | ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:!aNULL",
      "EC  | ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:!aNULL",
      "RSA | @SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM",
      "EC  | ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384",
      "RSA | HIGH:!aNULL:!MD5",
      "EC  | HIGH:!aNULL:!MD5:@STRENGTH",
      "RSA | DEFAULT",
      "RSA | CHACHA20",
      "EC  | AES128:!AESGCM:!AESCCM",
      "RSA | AES256-SHA:AES128-SHA",
      "RSA | kRSA:!AESGCM",
      "RSA | DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256",
      "EC  | ECDHE:!AES256:-CHACHA20:CHACHA20",
      "RSA | SHA256:SHA384:+AES128",
      "EC  | ALL:!COMPLEMENTOFDEFAULT:!eNULL:+ECDHE-ECDSA-AES256-GCM-SHA384"})
  void pemtlsClient_negotiatesWhatOpensslNegotiates(String type, String cipherString)
      throws Exception {
    TestPki pki = type.equals("RSA") ? rsa : ec;
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-tls1_2",
        "-cipher", "ALL:@SECLEVEL=0", "-naccept", "2", "-rev"));
    try (Peer server = Peer.start(cmd)) {
      int port = OpenSslServerInteropTest.port(server);
      Peer opensslClient = Peer.start("openssl", "s_client", "-connect", "127.0.0.1:" + port,
          "-tls1_2", "-cipher", cipherString);
      opensslClient.closeInput();
      opensslClient.waitFor();
      Matcher m = CIPHER_IS.matcher(opensslClient.output());
      String opensslChoice = m.find() ? m.group(1) : "(none: " + opensslClient.output() + ")";

      SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
      ctx.setCheckHostname(false);
      ctx.setVerifyMode(VerifyMode.CERT_NONE);
      ctx.setMaximumVersion(TlsVersion.TLSv1_2);
      ctx.setCiphers(cipherString);
      try (SSLSocket tls = ctx.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
          false, null)) {
        assertEquals(opensslChoice, Ssl.cipher(tls).name(), "cipher string " + cipherString);
      }
    }
  }

  private static final Pattern ACCEPTED =
      Pattern.compile("^(?:Preferred|Accepted)\\s+TLSv1\\.2\\s+\\d+ bits\\s+(\\S+)", Pattern.MULTILINE);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "EC  | ECDHE+AESGCM:ECDHE+CHACHA20",
      "RSA | @SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM",
      "RSA | HIGH:!aNULL:@STRENGTH",
      "EC  | DEFAULT:-AESGCM:+AES256",
      "RSA | kRSA:DHE-RSA-CHACHA20-POLY1305"})
  void sslscan_findsExactlyTheSelectedSuitesInOrder(String type, String cipherString)
      throws Exception {
    TestPki pki = type.equals("RSA") ? rsa : ec;
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(pki.serverChain, pki.serverKey);
    ctx.setCiphers(cipherString);
    List<String> expected = new ArrayList<>();
    for (CipherSuite s : CipherStrings.usable(cipherString).suites()) {
      boolean fits = type.equals("RSA") ? s.authentication().equals("RSA")
          : s.authentication().equals("ECDSA");
      if (fits) {
        expected.add(s.name());
      }
    }
    try (PemtlsServer server = new PemtlsServer(ctx, false)) {
      Peer scan = Peer.start("sslscan", "--no-colour", "--no-heartbleed", "--no-renegotiation",
          "--no-compression", "--no-fallback", "--no-groups", "--no-check-certificate",
          "127.0.0.1:" + server.port());
      scan.waitFor();
      List<String> accepted = new ArrayList<>();
      Matcher m = ACCEPTED.matcher(scan.output());
      while (m.find()) {
        accepted.add(m.group(1));
      }
      assertEquals(expected, accepted, scan.output());
    }
  }
}
