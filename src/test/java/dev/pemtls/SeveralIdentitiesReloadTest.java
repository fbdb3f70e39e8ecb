package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.testing.NamedIdentities;
import dev.pemtls.testing.NamedIdentities.Leaf;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload follows each identity of a context with several key types from its own files. */
class SeveralIdentitiesReloadTest {
  private static final String ECDSA = "ECDHE-ECDSA-AES128-GCM-SHA256";
  private static final String RSA = "ECDHE-RSA-AES128-GCM-SHA256";

  @TempDir Path dir;

  @Test
  void rewrittenEcdsaFiles_replaceTheEcdsaIdentityOnly() throws Exception {
    NamedIdentities pki = new NamedIdentities(dir);
    Leaf rsa = pki.leaf("rsa.test", "RSA");
    Leaf ec = pki.leaf("ec.test", "EC");
    SslContext server = new SslContext(Protocol.TLS_SERVER);
    server.setReloadInterval(Duration.ofSeconds(1));
    server.loadCertChain(rsa.chain(), rsa.key());
    server.loadCertChain(ec.chain(), ec.key());
    try (ServerSocket ss = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        AcceptLoop loop = new AcceptLoop(ss, s -> {
          try (SSLSocket tls = server.wrapSocket(s, true, null)) {
            tls.getInputStream().read();
          }
        })) {
      assertEquals(ec.sha256(), served(pki, loop.port(), "ec.test", ECDSA));
      assertEquals(rsa.sha256(), served(pki, loop.port(), "rsa.test", RSA));
      Leaf next = pki.leaf("ec.test", "EC"); // the same files, a new certificate and key
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      String seen;
      do {
        Thread.sleep(50);
        seen = served(pki, loop.port(), "ec.test", ECDSA);
      } while (!seen.equals(next.sha256()) && System.nanoTime() < end);
      assertEquals(next.sha256(), seen, "the new ECDSA certificate is served");
      assertEquals(rsa.sha256(), served(pki, loop.port(), "rsa.test", RSA), "the RSA one stays");
    }
  }

  /** The SHA-256 of the certificate a TLS 1.2 client restricted to {@code cipher} gets. */
  private static String served(NamedIdentities pki, int port, String host, String cipher)
      throws Exception {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(pki.caFile, null, null);
    client.setCiphers(cipher);
    client.setMaximumVersion(TlsVersion.TLSv1_2);
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getLoopbackAddress(), port),
        false, host)) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          tls.getSession().getPeerCertificates()[0].getEncoded()));
    }
  }
}
