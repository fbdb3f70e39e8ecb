package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building BouncyCastle's JCA provider costs about 0.6 s of CPU at start-up, so PemTLS builds it
 * only for what the JDK cannot do. A JVM whose TLS runs through the provider with ordinary keys
 * (TLS 1.3 with RSA, i.e. RSA-PSS, and ECDSA; TLS 1.2; mutual TLS with a password-protected
 * PKCS#8 key; ChaCha20-Poly1305) against openssl servers never builds it.
 */
class LazyBouncyCastleIT {
  @TempDir static Path dir;

  private static Peer server(TestPki pki, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
        "-cert", pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-rev",
        "-naccept", "1"));
    cmd.addAll(List.of(extra));
    return Peer.start(cmd);
  }

  private static int port(Peer server) throws InterruptedException {
    String accept = server.await("ACCEPT");
    return Integer.parseInt(accept.substring(accept.lastIndexOf(':') + 1).trim());
  }

  @Test
  void handshakesWithRsaEcEncryptedKeyAndChaCha_neverBuildBouncyCastlesJcaProvider() throws Exception {
    TestPki rsa = new TestPki(Files.createDirectories(dir.resolve("rsa")), "RSA");
    TestPki ec = new TestPki(Files.createDirectories(dir.resolve("ec")), "EC");
    Path bundle = dir.resolve("cas.pem");
    Files.writeString(bundle, Files.readString(rsa.caFile) + Files.readString(ec.caFile));
    Path conf = dir.resolve("pemtls.conf");
    Path password = dir.resolve("password");
    Files.writeString(password, TestPki.PASSWORD + "\n");
    Files.write(conf, List.of("cafile=" + bundle, "certfile=" + ec.clientChain,
        "keyfile=" + ec.clientKeyAs("encrypted"), "password_file=" + password));
    String chacha13 = "TLS_CHACHA20_POLY1305_SHA256";
    List<Peer> servers = List.of(
        server(rsa, "-tls1_3"),
        server(rsa, "-tls1_2"),
        server(ec, "-tls1_3", "-Verify", "1", "-CAfile", ec.caFile.toString(),
            "-verify_return_error"),
        server(rsa, "-tls1_3", "-ciphersuites", chacha13),
        server(rsa, "-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"));
    try {
      List<String> ops = new ArrayList<>();
      ops.add("bcjca");
      for (Peer s : servers) {
        ops.add("line:" + port(s));
      }
      ops.add("bcjca");
      ChildJvm c = ChildJvm.run(List.of("-Djava.security.properties="
          + ChildJvm.securityFile(dir, conf)), ops.toArray(new String[0]));
      String out = String.join("\n", c.stdout()) + "\n" + c.stderr();
      List<String> lines = c.stdout().stream().filter(l -> l.startsWith("line ")).toList();
      assertEquals(List.of(
          "line OK TLSv1.3 TLS_AES_256_GCM_SHA384 olleh",
          "line OK TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 olleh",
          "line OK TLSv1.3 TLS_AES_256_GCM_SHA384 olleh",
          "line OK TLSv1.3 TLS_CHACHA20_POLY1305_SHA256 olleh",
          "line OK TLSv1.2 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 olleh"), lines, out);
      assertTrue(servers.get(2).output().contains("CN = test client")
          || servers.get(2).output().contains("test client"), servers.get(2).output());
      assertEquals(List.of("bcjca built=false", "bcjca built=false"),
          c.stdout().stream().filter(l -> l.startsWith("bcjca ")).toList(), out);
    } finally {
      for (Peer s : servers) {
        s.close();
      }
    }
  }

  /**
   * BCJSSE's own context set-up (its suite table, group and signature-scheme probes) waits for
   * the first connection: a JVM that only asks for the default context never loads it, and one
   * that connects does.
   */
  @Test
  void getDefaultAlone_leavesBcjssesContextUnbuiltUntilTheFirstConnection() throws Exception {
    TestPki rsa = new TestPki(Files.createDirectories(dir.resolve("lazy")), "RSA");
    Path conf = dir.resolve("lazy.conf");
    Files.write(conf, List.of("cafile=" + rsa.caFile));
    String security = "-Djava.security.properties=" + ChildJvm.securityFile(dir, conf);
    Path alone = dir.resolve("classes-default.log");
    ChildJvm c = ChildJvm.run(List.of(security, "-Xlog:class+load=info:file=" + alone),
        "default");
    assertEquals(List.of("default provider=PemTLS"), c.stdout(), c.stderr());
    String classes = Files.readString(alone);
    assertTrue(classes.contains("dev.pemtls.provider.PemTlsProvider "), classes);
    String bcjsseContext = "org.bouncycastle.jsse.provider.ProvSSLContextSpi ";
    assertTrue(!classes.contains(bcjsseContext), "getDefault() built BCJSSE's context");

    Path connected = dir.resolve("classes-connected.log");
    try (Peer server = server(rsa, "-tls1_3")) {
      ChildJvm d = ChildJvm.run(List.of(security, "-Xlog:class+load=info:file=" + connected),
          "default", "line:" + port(server));
      assertEquals(List.of("default provider=PemTLS",
          "line OK TLSv1.3 TLS_AES_256_GCM_SHA384 olleh"), d.stdout(), d.stderr());
    }
    assertTrue(Files.readString(connected).contains(bcjsseContext));
  }
}
