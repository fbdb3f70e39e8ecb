package dev.pemtls.providertests;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The PEM files of the framework recipes, generated per run: a CA ({@code ca.pem}); a server
 * for localhost and 127.0.0.1 that may also act as a client ({@code server.pem}/{@code .key}, as
 * a service calling another service does); a client ({@code client.pem}); and a client and a
 * localhost server from an unknown CA ({@code rogue-ca.pem}, {@code rogue-client.pem}, {@code
 * rogue-server.pem}) that
 * every recipe must reject.
 */
final class RecipePki {
  final Path dir;
  final Path ca;
  final Path serverCert;
  final Path serverKey;
  final Path clientCert;
  final Path clientKey;
  final Path rogueClientCert;
  final Path rogueClientKey;
  final Path rogueServerCert;
  final Path rogueServerKey;
  final Path rogueCa;

  RecipePki(Path dir) throws IOException {
    this.dir = dir;
    Issued caCert = new Spec("PemTLS Recipes CA").ca().issue();
    ca = DemoPki.write(dir.resolve("ca.pem"), DemoPki.pem(caCert.certificate()));
    Issued server = new Spec("localhost").issuer(caCert).dns("localhost").ip("127.0.0.1")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth).issue();
    serverCert = chain("server.pem", server, caCert);
    serverKey = key("server.key", server);
    Issued client = new Spec("Recipe Client").issuer(caCert)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    clientCert = chain("client.pem", client, caCert);
    clientKey = key("client.key", client);
    Issued unknownCa = new Spec("Unknown CA").ca().issue();
    rogueCa = DemoPki.write(dir.resolve("rogue-ca.pem"), DemoPki.pem(unknownCa.certificate()));
    Issued rogueClient = new Spec("Rogue Client").issuer(unknownCa)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    rogueClientCert = chain("rogue-client.pem", rogueClient, unknownCa);
    rogueClientKey = key("rogue-client.key", rogueClient);
    Issued rogueServer = new Spec("localhost").issuer(unknownCa).dns("localhost").ip("127.0.0.1")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    rogueServerCert = chain("rogue-server.pem", rogueServer, unknownCa);
    rogueServerKey = key("rogue-server.key", rogueServer);
  }

  private Path chain(String name, Issued leaf, Issued issuer) throws IOException {
    return DemoPki.write(dir.resolve(name), DemoPki.pem(leaf.certificate(),
        issuer.certificate()));
  }

  private Path key(String name, Issued leaf) throws IOException {
    return DemoPki.write(dir.resolve(name), DemoPki.pem(leaf.keys().getPrivate()));
  }

  /** A pemtls.conf with these lines; relative paths resolve against this folder. */
  Path conf(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return f;
  }

  /** The config of a server that requires a client certificate from this CA. */
  Path serverConf() throws IOException {
    return conf("certfile=server.pem", "keyfile=server.key", "cafile=ca.pem",
        "verify_mode=CERT_REQUIRED");
  }

  /** The config of a client presenting {@code client.pem} and trusting this CA. */
  Path clientConf() throws IOException {
    return conf("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem");
  }

  /** The config of a client presenting a certificate from an unknown CA. */
  Path rogueClientConf() throws IOException {
    return conf("certfile=rogue-client.pem", "keyfile=rogue-client.key", "cafile=ca.pem");
  }

  /** The java agent installing PemTLS with {@code conf} (SunJSSE removed). */
  List<String> agent(Path conf) {
    return List.of("-javaagent:" + AgentIT.pemtlsJar() + "=" + conf);
  }

  /** -Djava.security.properties naming PemTLS with {@code conf}, as users start their JVMs. */
  List<String> provider(Path conf) throws IOException {
    return List.of("-Djava.security.properties=" + ChildJvm.securityFile(dir, conf));
  }
}
