package dev.pemtls;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Certificates and PEM files for handshake tests, generated fresh in a temporary folder. */
final class TestPki {
  final Path dir;
  final Issued ca;
  final Issued server;
  final Issued client;
  final Path caFile;
  final Path serverCert;
  final Path serverKey;
  final Path clientCert;
  final Path clientKey;

  TestPki(Path dir, String keyAlgorithm) throws IOException {
    this.dir = dir;
    ca = new Spec("Test CA " + keyAlgorithm).keyAlgorithm(keyAlgorithm).ca().issue();
    server = new Spec("localhost").keyAlgorithm(keyAlgorithm).issuer(ca).dns("localhost")
        .ip("127.0.0.1").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    client = new Spec("test client").keyAlgorithm(keyAlgorithm).issuer(ca)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    caFile = DemoPki.write(dir.resolve("ca.pem"), DemoPki.pem(ca.certificate()));
    serverCert = writeChain("server.pem", server);
    serverKey = writeKey("server.key", server);
    clientCert = writeChain("client.pem", client);
    clientKey = writeKey("client.key", client);
  }

  Path writeChain(String name, Issued leaf) throws IOException {
    return DemoPki.write(dir.resolve(name), DemoPki.pem(leaf.certificate(), ca.certificate()));
  }

  Path writeKey(String name, Issued leaf) throws IOException {
    return DemoPki.write(dir.resolve(name), DemoPki.pem(leaf.keys().getPrivate()));
  }

  /** A server context with this PKI's server identity and CA, in the given verify mode. */
  SslContext serverContext(VerifyMode mode) throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(serverCert, serverKey);
    ctx.loadVerifyLocations(caFile, null, null);
    ctx.setVerifyMode(mode);
    return ctx;
  }

  /** A TLS_CLIENT context trusting this PKI's CA. */
  SslContext clientContext() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(caFile, null, null);
    return ctx;
  }
}
