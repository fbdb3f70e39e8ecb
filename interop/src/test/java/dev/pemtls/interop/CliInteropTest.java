package dev.pemtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debugging tools: {@code pemtls s_client} and {@code pemtls s_server} against openssl's. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CliInteropTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.withIntermediate(dir, "EC");
  }

  @Test
  void pemtlsSServer_withOpensslSClient_mutualTlsAndReversedEcho() throws Exception {
    try (Peer server = Peer.pemtls("s_server", "-accept", "127.0.0.1:0", "-cert",
        pki.serverChain.toString(), "-key", pki.serverKey.toString(), "-CAfile",
        pki.caFile.toString(), "-Verify", "2", "-naccept", "1", "-rev")) {
      int port = OpenSslServerInteropTest.port(server);
      Peer client = Peer.start("openssl", "s_client", "-connect", "127.0.0.1:" + port,
          "-CAfile", pki.caFile.toString(), "-cert", pki.clientChain.toString(), "-cert_chain",
          pki.intermediateFile.toString(), "-key", pki.clientKey.toString(),
          "-verify_return_error", "-verify_hostname", "localhost", "-ign_eof");
      client.send("hello\n");
      client.await("olleh");
      client.closeInput();
      client.close();
      server.await("CONNECTION CLOSED");
      assertEquals(0, server.waitFor(), server.output());
      String out = server.output();
      assertTrue(out.contains("Peer certificate: {\"subject\": [[[\"commonName\", "
          + "\"test client\"]]]"), out);
      assertTrue(out.contains("Verify return code: 0 (ok)"), out);
      assertTrue(client.output().contains("Verify return code: 0 (ok)"), client.output());
    }
  }

  @Test
  void pemtlsSClient_withOpensslSServer_reportsChainCipherAndVerifyResult() throws Exception {
    try (Peer server = OpenSslServerInteropTest.opensslServer(pki, "-rev")) {
      int port = OpenSslServerInteropTest.port(server);
      Peer client = Peer.pemtls("s_client", "-connect", "127.0.0.1:" + port, "-CAfile",
          pki.caFile.toString(), "-servername", "localhost", "-verify_hostname", "localhost",
          "-ign_eof");
      client.send("hello\n");
      client.await("olleh");
      String out = client.output();
      assertTrue(out.contains("Verify return code: 0 (ok)"), out);
      assertTrue(out.contains("Peer chain depth: 2"), out);
      assertTrue(out.contains("New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384"), out);
      client.close();
    }
  }

  @Test
  void pemtlsSClient_untrustedServer_reportsCode20AndCarriesOnLikeOpenssl() throws Exception {
    try (Peer server = OpenSslServerInteropTest.opensslServer(pki, "-rev")) {
      int port = OpenSslServerInteropTest.port(server);
      Peer client = Peer.pemtls("s_client", "-connect", "127.0.0.1:" + port, "-no-CAfile",
          "-no-CApath", "-ign_eof");
      client.send("abc\n");
      client.await("cba");
      assertTrue(client.output().contains(
          "Verify return code: 20 (unable to get local issuer certificate)"), client.output());
      client.close();
    }
  }

  @Test
  void pemtlsSClient_verifyReturnError_abortsOnAnUntrustedServer() throws Exception {
    try (Peer server = OpenSslServerInteropTest.opensslServer(pki, "-rev")) {
      int port = OpenSslServerInteropTest.port(server);
      Peer client = Peer.pemtls("s_client", "-connect", "127.0.0.1:" + port, "-no-CAfile",
          "-no-CApath", "-verify_return_error");
      client.closeInput();
      assertEquals(1, client.waitFor(), client.output());
      assertTrue(client.output().contains("CERTIFICATE_VERIFY_FAILED"), client.output());
    }
  }
}
