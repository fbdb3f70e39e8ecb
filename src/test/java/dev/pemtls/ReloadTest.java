package dev.pemtls;

import static dev.pemtls.ReloadFixtures.INTERVAL;
import static dev.pemtls.ReloadFixtures.PATIENCE;
import static dev.pemtls.ReloadFixtures.client;
import static dev.pemtls.ReloadFixtures.listener;
import static dev.pemtls.ReloadFixtures.reloadingServer;
import static dev.pemtls.ReloadFixtures.servedSerial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.internal.reload.RotatingFiles;
import dev.pemtls.internal.reload.RotationDrill;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload through the {@code SslContext} API ({@code setReloadInterval}, a PemTLS extension)
 * and {@code wrapSocket}, over real sockets on 127.0.0.1.
 */
class ReloadTest {
  @TempDir Path dir;

  @Test
  void wrapSocketServer_rotatedByRenameSymlinkSwapAndTornRewrite_neverFailsAHandshake()
      throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    SslContext server = reloadingServer(files);
    SslContext client = client(files.caFile);
    try (AcceptLoop loop = new AcceptLoop(listener(), s -> server.wrapSocket(s, true, null)
        .close())) {
      RotationDrill.run(files, loop.port(), tcp -> client.wrapSocket(tcp, false, "localhost"),
          INTERVAL);
    }
  }

  @Test
  void sslContextMadeBeforeRotation_servesTheNewIdentity() throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    SslContext server = reloadingServer(files);
    javax.net.ssl.SSLContext jsse = server.sslContext(); // handed out before the change
    SslContext client = client(files.caFile);
    try (ServerSocket ss = jsse.getServerSocketFactory().createServerSocket(0, 10,
            InetAddress.getByName("127.0.0.1"));
        AcceptLoop loop = new AcceptLoop(ss, s -> ((SSLSocket) s).startHandshake())) {
      assertEquals(RotatingFiles.serial(files.first), servedSerial(client, loop.port()));
      Issued next = files.issue();
      files.renameInto(next);
      String want = RotatingFiles.serial(next);
      assertEquals(want, awaitServed(client, loop.port(), want));
    }
  }

  /** The serial served once {@code want} is, or the last seen after {@link #PATIENCE}. */
  private static String awaitServed(SslContext client, int port, String want) throws Exception {
    long end = System.nanoTime() + PATIENCE.toNanos();
    String seen;
    do {
      seen = servedSerial(client, port);
    } while (!seen.equals(want) && System.nanoTime() < end && sleep());
    return seen;
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(50);
    return true;
  }

  @Test
  void identityMBean_showsTheLiveCertificateBeforeAndAfterARotationAndARefusedVersion()
      throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    SslContext server = reloadingServer(files);
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("dev.pemtls:type=Identity,certfile="
        + ObjectName.quote(files.certfile.toString()));
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!mbeans.isRegistered(name) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(mbeans.isRegistered(name), name + " registered");
    java.security.cert.X509Certificate first = files.first.certificate();
    assertEquals(RotatingFiles.serial(files.first), mbeans.getAttribute(name, "Serial"));
    assertEquals("CN=localhost", mbeans.getAttribute(name, "Subject"));
    assertEquals(first.getNotBefore().toInstant().toString(),
        mbeans.getAttribute(name, "NotBefore"));
    assertEquals(first.getNotAfter().toInstant().toString(),
        mbeans.getAttribute(name, "NotAfter"));
    assertEquals(dev.pemtls.internal.reload.Served.daysToExpiry(first, Instant.now()),
        mbeans.getAttribute(name, "DaysToExpiry"));
    assertEquals(0L, mbeans.getAttribute(name, "Reloads"));
    assertEquals(0L, mbeans.getAttribute(name, "ReloadFailures"));
    assertEquals("", mbeans.getAttribute(name, "LastFailureMessage"));
    Instant loadedAt = Instant.parse((String) mbeans.getAttribute(name, "LastReloadTime"));

    Issued next = files.issue();
    files.renameInto(next);
    String want = RotatingFiles.serial(next);
    end = System.nanoTime() + PATIENCE.toNanos();
    while (!want.equals(mbeans.getAttribute(name, "Serial")) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(want, mbeans.getAttribute(name, "Serial"));
    assertEquals(1L, mbeans.getAttribute(name, "Reloads"));
    assertTrue(Instant.parse((String) mbeans.getAttribute(name, "LastReloadTime"))
        .isAfter(loadedAt));
    assertEquals(next.certificate().getNotAfter().toInstant().getEpochSecond(),
        mbeans.getAttribute(name, "NotAfterEpochSeconds"));

    // A certificate whose key has not arrived: refused, counted, the rotated one stays.
    Files.writeString(files.certfile, files.chain(files.issue()));
    end = System.nanoTime() + PATIENCE.toNanos();
    while ((Long) mbeans.getAttribute(name, "ReloadFailures") == 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(1L, mbeans.getAttribute(name, "ReloadFailures"));
    String why = (String) mbeans.getAttribute(name, "LastFailureMessage");
    assertTrue(why.contains("KEY_VALUES_MISMATCH"), why);
    assertEquals(want, mbeans.getAttribute(name, "Serial"));
    assertNotNull(server.sslContext());
  }

  @Test
  void setReloadInterval_negative_isRefused() throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    assertEquals(Duration.ZERO, ctx.reloadInterval());
    assertThrows(IllegalArgumentException.class,
        () -> ctx.setReloadInterval(Duration.ofSeconds(-1)));
  }
}
