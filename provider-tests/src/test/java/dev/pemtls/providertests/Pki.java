package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The provider suite's files, generated per run: the shared {@link TestPki} (EC; its server for
 * localhost, 127.0.0.1 and its client), plus a server named only other.example by the same root
 * (host-name mismatch), a localhost server from an unknown CA (untrusted), and a capath folder
 * holding the root under its OpenSSL subject hash.
 */
final class Pki {
  final Path dir;
  final TestPki base;
  final Path mismatchCert;
  final Path mismatchKey;
  final Path untrustedCert;
  final Path untrustedKey;
  final Path capath;

  Pki(Path dir) throws Exception {
    this.dir = dir;
    base = new TestPki(dir, "EC");
    capath = Files.createDirectories(dir.resolve("capath"));
    Files.copy(base.caFile, capath.resolve("test-ca.pem"));
    Peer rehash = Peer.start("openssl", "rehash", capath.toString());
    assertEquals(0, rehash.waitFor(), rehash.toString());
    Issued mismatch = new Spec("other.example").keyAlgorithm("EC").issuer(base.root)
        .dns("other.example").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    mismatchCert = base.writeChain("mismatch.pem", mismatch);
    mismatchKey = base.writeKey("mismatch.key", mismatch);
    Issued rogueCa = new Spec("Unknown CA").ca().issue();
    Issued untrusted = new Spec("localhost").issuer(rogueCa).dns("localhost").ip("127.0.0.1")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    untrustedCert = DemoPki.write(dir.resolve("untrusted.pem"),
        DemoPki.pem(untrusted.certificate(), rogueCa.certificate()));
    untrustedKey = DemoPki.write(dir.resolve("untrusted.key"),
        DemoPki.pem(untrusted.keys().getPrivate()));
  }

  /** Writes a pemtls.conf with these lines into the PKI folder. */
  Path conf(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return f;
  }

  /**
   * An HTTPS server in this (test) JVM on the programmatic PemTLS API, answering every request
   * with what it saw of the connection (see {@link ChildMain#describe}).
   */
  HttpsServer server(Path cert, Path key, VerifyMode mode) throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(cert, key);
    ctx.loadVerifyLocations(base.caFile, null, null);
    ctx.setVerifyMode(mode);
    HttpsServer s = HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
    s.setHttpsConfigurator(new HttpsConfigurator(ctx.sslContext()));
    s.createContext("/", ex -> {
      byte[] body = ChildMain.describe(((HttpsExchange) ex).getSSLSession(), "parent")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    s.start();
    return s;
  }
}
