package dev.pemtls.interop;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * A root CA, an intermediate, and server and client identities of one key type, as PEM files;
 * the keys also in the forms openssl writes them (PKCS#1/SEC1 "traditional", encrypted PKCS#8).
 */
final class InteropPki {
  static final String PASSWORD = "interop-secret";

  final String keyType;
  final Path dir;
  final Issued root;
  final Issued intermediate;
  final Issued server;
  final Issued client;
  /** The root only: what peers trust. */
  final Path caFile;
  /** Leaf, intermediate (the chain a server sends); the root is left out, as it should be. */
  final Path serverChain;
  final Path serverLeaf;
  final Path intermediateFile;
  final Path serverKey;
  final Path clientChain;
  final Path clientKey;

  InteropPki(Path parent, String keyType) throws IOException {
    this.keyType = keyType;
    this.dir = Files.createDirectories(parent.resolve(keyType));
    root = new Spec("Interop Root " + keyType).keyAlgorithm(keyType).ca().issue();
    intermediate = new Spec("Interop Intermediate " + keyType).keyAlgorithm(keyType)
        .issuer(root).ca().issue();
    server = new Spec("localhost").keyAlgorithm(keyType).issuer(intermediate).dns("localhost")
        .ip("127.0.0.1").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    client = new Spec("interop client").keyAlgorithm(keyType).issuer(intermediate)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    caFile = DemoPki.write(dir.resolve("root.pem"), DemoPki.pem(root.certificate()));
    intermediateFile = DemoPki.write(dir.resolve("intermediate.pem"),
        DemoPki.pem(intermediate.certificate()));
    serverChain = DemoPki.write(dir.resolve("server-chain.pem"),
        DemoPki.pem(server.certificate(), intermediate.certificate()));
    serverLeaf = DemoPki.write(dir.resolve("server.pem"), DemoPki.pem(server.certificate()));
    serverKey = DemoPki.write(dir.resolve("server.key"),
        DemoPki.pem(server.keys().getPrivate()));
    clientChain = DemoPki.write(dir.resolve("client-chain.pem"),
        DemoPki.pem(client.certificate(), intermediate.certificate()));
    clientKey = DemoPki.write(dir.resolve("client.key"),
        DemoPki.pem(client.keys().getPrivate()));
  }

  /** A PemTLS server context: this PKI's server chain and key, trusting its root. */
  SslContext serverContext(VerifyMode mode) throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(serverChain, serverKey);
    ctx.loadVerifyLocations(caFile, null, null);
    ctx.setVerifyMode(mode);
    return ctx;
  }

  /**
   * The client key converted by openssl: "pkcs8" (as written), "traditional" (PKCS#1 for RSA,
   * SEC1 for EC), or "encrypted" (PKCS#8, PBES2 AES-256, password {@link #PASSWORD}).
   */
  Path clientKeyAs(String form) throws Exception {
    Path out = dir.resolve("client-" + form + ".key");
    if (Files.exists(out)) {
      return out;
    }
    switch (form) {
      case "pkcs8":
        return clientKey;
      case "traditional":
        if (keyType.equals("RSA")) { // PKCS#1 "RSA PRIVATE KEY"
          Peer.start("openssl", "rsa", "-in", clientKey.toString(), "-out", out.toString(),
              "-traditional").waitFor();
        } else { // SEC1 "EC PRIVATE KEY", openssl ec's default output
          Peer.start("openssl", "ec", "-in", clientKey.toString(), "-out", out.toString())
              .waitFor();
        }
        break;
      case "encrypted":
        Peer.start("openssl", "pkcs8", "-topk8", "-in", clientKey.toString(), "-out",
            out.toString(), "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD).waitFor();
        break;
      default:
        throw new IllegalArgumentException(form);
    }
    if (!Files.exists(out)) {
      throw new AssertionError("openssl did not write " + out);
    }
    return out;
  }
}
