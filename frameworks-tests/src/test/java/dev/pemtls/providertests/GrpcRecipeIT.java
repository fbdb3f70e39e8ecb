package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/docs/integrations.md's gRPC-java recipe: a grpc-netty server requiring client
 * certificates and grpc-netty clients, each in a child JVM with PemTLS installed by the java
 * agent (so without SunJSSE, which GrpcSslContexts would look for), over HTTP/2 negotiated by
 * ALPN.
 */
class GrpcRecipeIT {
  @TempDir static Path dir;
  static RecipePki pki;
  static ServingChild server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    pki = new RecipePki(dir);
    server = ServingChild.start(GrpcMain.class, pki.agent(pki.serverConf()));
    port = server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    ServingChild.stop(server);
  }

  @Test
  void grpcClientAndServer_doMutualTlsWithTheConfigCertificates() throws Exception {
    ChildJvm c = ChildJvm.run(GrpcMain.class, pki.agent(pki.clientConf()), "call:" + port);
    String line = c.line("call " + port);
    assertTrue(line.startsWith("call " + port + " OK client=CN=Recipe_Client suite=TLS_")
        && line.endsWith(" via=gRPC"), line);
  }

  @Test
  void grpcServer_rejectsClientFromUnknownCa() throws Exception {
    ChildJvm c = ChildJvm.run(GrpcMain.class, pki.agent(pki.rogueClientConf()),
        "call:" + port);
    String line = c.line("call " + port);
    assertTrue(line.startsWith("call " + port + " ERR io.grpc.StatusRuntimeException:"
        + " UNAVAILABLE"), line);
  }
}
