package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.reload.RotatingFiles;
import dev.pemtls.internal.reload.Served;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload in a JVM that installed PemTLS through java.security alone: its HttpsServer on
 * SSLContext.getDefault() (SSLEngine) and its SSLServerSocketFactory.getDefault() server, both
 * made before the rotation, present the new certificate once the files are replaced, and the
 * child logs the change.
 */
class ReloadIT {
  @TempDir Path dir;

  @Test
  void installedProvider_defaultServers_presentTheRotatedCertificate() throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("certfile=tls.crt",
        "keyfile=tls.key", "cafile=ca.pem", "reload_interval=1"));
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(files.caFile, null, null);
    try (ChildJvm c = ChildJvm.start(List.of("-Djava.security.properties="
        + ChildJvm.securityFile(dir, conf)), "serve")) {
      String[] ready = c.awaitLine("READY ").split(" ");
      int https = Integer.parseInt(ready[1]);
      int raw = Integer.parseInt(ready[2]);
      String first = RotatingFiles.serial(files.first);
      assertEquals(first, serialAt(client, https));
      assertEquals(first, serialAt(client, raw));

      Issued next = files.issue();
      files.renameInto(next);
      String want = RotatingFiles.serial(next);
      long end = System.nanoTime() + 10_000_000_000L; // patient: the machine may be loaded
      String seen = first;
      while (!seen.equals(want) && System.nanoTime() < end) {
        Thread.sleep(50);
        seen = serialAt(client, https);
      }
      assertEquals(want, seen, "HttpsServer presents the new serial");
      assertEquals(want, serialAt(client, raw), "so does the SSLServerSocket");
      c.finish();
      assertTrue(c.stderr().contains("PemTLS: reloaded; new handshakes now present serial "
          + want), c.stderr());
    }
  }

  /** The serial the server at {@code port} presents, after one HTTP/1.0 exchange. */
  private static String serialAt(SslContext client, int port) throws IOException {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, "localhost")) {
      String serial = Served.serial((X509Certificate) tls.getSession().getPeerCertificates()[0]);
      tls.getSession().invalidate();
      tls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      tls.getOutputStream().flush();
      tls.getInputStream().readAllBytes();
      return serial;
    }
  }
}
