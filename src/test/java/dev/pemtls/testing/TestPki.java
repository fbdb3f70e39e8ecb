package dev.pemtls.testing;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The tests' PKI, generated fresh into a folder by {@link DemoPki} (the one certificate issuer):
 * a root CA, optionally an intermediate, a server identity (localhost, 127.0.0.1; serverAuth)
 * and a client identity (CN "test client"; clientAuth) of one key type ("RSA", "EC", ...), as
 * PEM files; contexts built from them; and the client key in the forms openssl writes.
 *
 * <p>{@link #TestPki(Path, String)}: the root issues the leaves. {@link #withIntermediate}: an
 * intermediate does, and the chain files hold leaf and intermediate, the root left out.
 */
public final class TestPki {
  /** The password of {@link #clientKeyAs clientKeyAs("encrypted")}. */
  public static final String PASSWORD = "interop-secret";

  public final String keyType;
  public final Path dir;
  public final Issued root;
  /** The CA that issued the leaves; null when the root did. */
  public final Issued intermediate;
  public final Issued server;
  public final Issued client;
  /** The root only: what peers trust ({@code ca.pem}). */
  public final Path caFile;
  /** The intermediate alone; null without one. */
  public final Path intermediateFile;
  /** Server leaf and its issuing CA: the chain a server sends. */
  public final Path serverChain;
  /** The server leaf alone. */
  public final Path serverLeaf;
  public final Path serverKey;
  /** Client leaf and its issuing CA. */
  public final Path clientChain;
  public final Path clientKey;
  /** How long the certificates are valid; null for DemoPki's default (one day). */
  private final Duration validity;

  /** Root-issued server and client identities of {@code keyType}, written into {@code dir}. */
  public TestPki(Path dir, String keyType) throws IOException {
    this(dir, keyType, false, null);
  }

  /**
   * As {@link #TestPki(Path, String)}, every certificate valid for {@code validity} from an hour
   * ago instead of one day: for benchmarks, where PemTLS's warning about a certificate that
   * expires within 14 days would be part of what is measured.
   */
  public TestPki(Path dir, String keyType, Duration validity) throws IOException {
    this(dir, keyType, false, validity);
  }

  /**
   * Intermediate-issued identities of {@code keyType}, written into {@code parent/keyType} (so
   * several key types share one parent).
   */
  public static TestPki withIntermediate(Path parent, String keyType) throws IOException {
    return new TestPki(Files.createDirectories(parent.resolve(keyType)), keyType, true, null);
  }

  private TestPki(Path dir, String keyType, boolean withIntermediate, Duration validity)
      throws IOException {
    this.keyType = keyType;
    this.dir = dir;
    this.validity = validity;
    root = spec("Test Root " + keyType).ca().issue();
    intermediate = withIntermediate ? spec("Test Intermediate " + keyType).issuer(root).ca()
        .issue() : null;
    Issued issuer = withIntermediate ? intermediate : root;
    server = spec("localhost").issuer(issuer).dns("localhost").ip("127.0.0.1")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    client = spec("test client").issuer(issuer)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    caFile = DemoPki.write(dir.resolve("ca.pem"), DemoPki.pem(root.certificate()));
    intermediateFile = withIntermediate ? DemoPki.write(dir.resolve("intermediate.pem"),
        DemoPki.pem(intermediate.certificate())) : null;
    serverChain = writeChain("server.pem", server);
    serverLeaf = DemoPki.write(dir.resolve("server-leaf.pem"),
        DemoPki.pem(server.certificate()));
    serverKey = writeKey("server.key", server);
    clientChain = writeChain("client.pem", client);
    clientKey = writeKey("client.key", client);
  }

  /**
   * A certificate of this PKI's key type and validity (DemoPki's default when none was given),
   * for {@code commonName}; the caller adds issuer, names and purposes.
   */
  public Spec spec(String commonName) {
    Spec s = new Spec(commonName).keyAlgorithm(keyType);
    if (validity != null) {
      Instant now = Instant.now();
      s.validity(now.minus(Duration.ofHours(1)), now.plus(validity));
    }
    return s;
  }

  /** Writes {@code leaf}'s certificate and its issuing CA's to {@code name} in {@link #dir}. */
  public Path writeChain(String name, Issued leaf) throws IOException {
    Issued issuer = intermediate != null ? intermediate : root;
    return DemoPki.write(dir.resolve(name), DemoPki.pem(leaf.certificate(), issuer.certificate()));
  }

  /** Writes {@code leaf}'s private key (PKCS#8 PEM) to {@code name} in {@link #dir}. */
  public Path writeKey(String name, Issued leaf) throws IOException {
    return DemoPki.write(dir.resolve(name), DemoPki.pem(leaf.keys().getPrivate()));
  }

  /** A server context: this PKI's server chain and key, trusting its root, in {@code mode}. */
  public SslContext serverContext(VerifyMode mode) throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    ctx.loadCertChain(serverChain, serverKey);
    ctx.loadVerifyLocations(caFile, null, null);
    ctx.setVerifyMode(mode);
    return ctx;
  }

  /** A TLS_CLIENT context trusting this PKI's root. */
  public SslContext clientContext() throws SslError {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(caFile, null, null);
    return ctx;
  }

  /**
   * The client key converted by openssl: "pkcs8" (as written), "traditional" (PKCS#1 for RSA,
   * SEC1 for EC), or "encrypted" (PKCS#8, PBES2 AES-256, password {@link #PASSWORD}).
   */
  public Path clientKeyAs(String form) throws Exception {
    Path out = dir.resolve("client-" + form + ".key");
    if (form.equals("pkcs8")) {
      return clientKey;
    }
    if (Files.exists(out)) {
      return out;
    }
    OpenSsl openssl = new OpenSsl(dir);
    switch (form) {
      case "traditional":
        if (keyType.equals("RSA")) { // PKCS#1 "RSA PRIVATE KEY"
          openssl.run("rsa", "-in", clientKey.toString(), "-out", out.toString(), "-traditional");
        } else { // SEC1 "EC PRIVATE KEY", openssl ec's default output
          openssl.run("ec", "-in", clientKey.toString(), "-out", out.toString());
        }
        break;
      case "encrypted":
        openssl.run("pkcs8", "-topk8", "-in", clientKey.toString(), "-out", out.toString(),
            "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD);
        break;
      default:
        throw new IllegalArgumentException(form);
    }
    return out;
  }
}
