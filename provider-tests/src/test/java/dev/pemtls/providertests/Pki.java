package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.DemoFiles;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.pemtls.testing.Peer;
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
 * Throwaway PEM files for the suite, generated per run: the demo CA with its server (localhost,
 * 127.0.0.1) and client, a server named only other.example (host-name mismatch), a localhost
 * server from an unknown CA (untrusted), and a capath folder holding the CA under its OpenSSL
 * subject hash.
 */
final class Pki {
  final Path dir;
  final DemoFiles demo;
  final Path mismatchCert;
  final Path mismatchKey;
  final Path untrustedCert;
  final Path untrustedKey;
  final Path capath;

  Pki(Path dir) throws Exception {
    this.dir = dir;
    demo = DemoPki.create(dir, "EC");
    capath = Files.createDirectories(dir.resolve("capath"));
    Files.copy(demo.caFile(), capath.resolve("demo-ca.pem"));
    Peer rehash = Peer.start("openssl", "rehash", capath.toString());
    assertEquals(0, rehash.waitFor(), rehash.toString());
    // DemoPki keeps no CA key, so the mismatch server comes from a second CA that ca.pem
    // (not capath) also trusts.
    Issued ca2 = new Spec("PemTLS Test CA 2").ca().issue();
    Files.writeString(demo.caFile(), Files.readString(demo.caFile())
        + DemoPki.pem(ca2.certificate()));
    Issued mismatch = new Spec("other.example").issuer(ca2).dns("other.example")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    mismatchCert = DemoPki.write(dir.resolve("mismatch.pem"),
        DemoPki.pem(mismatch.certificate(), ca2.certificate()));
    mismatchKey = DemoPki.write(dir.resolve("mismatch.key"),
        DemoPki.pem(mismatch.keys().getPrivate()));
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
    ctx.loadVerifyLocations(demo.caFile(), null, null);
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
