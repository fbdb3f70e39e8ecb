package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.cli.DemoPki;
import dev.pemtls.cli.DemoPki.Issued;
import dev.pemtls.cli.DemoPki.Spec;
import dev.pemtls.internal.reload.AcceptLoop;
import dev.pemtls.internal.reload.LogCapture;
import dev.pemtls.internal.reload.RotatingFiles;
import dev.pemtls.internal.reload.RotationDrill;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload through the {@code SslContext} API ({@code setReloadInterval}, a PemTLS extension)
 * and {@code wrapSocket}, over real sockets on 127.0.0.1.
 */
class ReloadTest {
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  /**
   * How long these tests wait for a change to show: generous, for a loaded machine. The
   * reload latency itself (interval + 1 s) is asserted by {@link RotationDrill}.
   */
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir Path dir;

  private static SslContext reloadingServer(RotatingFiles files) throws SslError {
    SslContext server = new SslContext(Protocol.TLS_SERVER);
    server.setReloadInterval(INTERVAL);
    server.loadCertChain(files.certfile, files.keyfile);
    return server;
  }

  private static ServerSocket listener() throws IOException {
    return new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
  }

  private static SslContext client(Path caFile) throws SslError {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(caFile, null, null);
    return client;
  }

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

  private static String servedSerial(SslContext client, int port) throws IOException {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, "localhost")) {
      String serial = dev.pemtls.internal.reload.Served.serial(
          (java.security.cert.X509Certificate) tls.getSession().getPeerCertificates()[0]);
      tls.getSession().invalidate();
      return serial;
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
  void rotatedClientCaBundle_trustsTheNewCaAndStopsTrustingTheRemovedOne() throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    Issued caA = new Spec("Client CA A").ca().issue();
    Issued caB = new Spec("Client CA B").ca().issue();
    Path clientCas = DemoPki.write(dir.resolve("client-cas.pem"), DemoPki.pem(caA.certificate()));
    SslContext server = reloadingServer(files);
    server.loadVerifyLocations(clientCas, null, null);
    server.setVerifyMode(VerifyMode.CERT_REQUIRED);
    SslContext fromA = clientOf(files, caA, "client A");
    SslContext fromB = clientOf(files, caB, "client B");
    try (AcceptLoop loop = new AcceptLoop(listener(), s -> {
      try (SSLSocket tls = server.wrapSocket(s, true, null)) {
        tls.getOutputStream().write('1');
        tls.getOutputStream().flush();
      }
    })) {
      assertTrue(accepted(fromA, loop.port()), "client A accepted before the rotation");
      assertFalse(accepted(fromB, loop.port()), "client B refused before the rotation");

      Path tmp = dir.resolve(".client-cas.tmp");
      Files.writeString(tmp, DemoPki.pem(caB.certificate()));
      Files.move(tmp, clientCas, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      long end = System.nanoTime() + PATIENCE.toNanos();
      boolean bAccepted;
      while (!(bAccepted = accepted(fromB, loop.port())) && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertTrue(bAccepted, "client B accepted after the rotation");
      assertFalse(accepted(fromA, loop.port()), "client A refused once its CA was removed");
    }
  }

  @Test
  void sessionFromARemovedCa_isNotResumedAfterTheRotation() throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    Issued caA = new Spec("Client CA A").ca().issue();
    Path clientCas = DemoPki.write(dir.resolve("client-cas.pem"), DemoPki.pem(caA.certificate()));
    SslContext server = reloadingServer(files);
    server.loadVerifyLocations(clientCas, null, null);
    server.setVerifyMode(VerifyMode.CERT_REQUIRED);
    SslContext fromA = clientOf(files, caA, "client A");
    fromA.setMaximumVersion(TlsVersion.TLSv1_2); // session-ID resumption
    try (AcceptLoop loop = new AcceptLoop(listener(), s -> {
      try (SSLSocket tls = server.wrapSocket(s, true, null)) {
        tls.getOutputStream().write('1');
        tls.getOutputStream().flush();
      }
    })) {
      byte[] first = sessionId(fromA, loop.port());
      byte[] again = sessionId(fromA, loop.port());
      assertTrue(java.util.Arrays.equals(first, again), "resumed before the rotation");

      Issued caB = new Spec("Client CA B").ca().issue();
      Path tmp = dir.resolve(".client-cas.tmp");
      Files.writeString(tmp, DemoPki.pem(caB.certificate()));
      try (LogCapture log = new LogCapture()) {
        Files.move(tmp, clientCas, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        awaitLog(log, "reloaded the trusted CAs");
      }
      assertEquals(null, sessionId(fromA, loop.port()), "client A's session is not resumed");
    }
  }

  @Test
  void capathRotation_trustsTheNewCa_andTheRemovedCasSessionIsNotResumed() throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    Issued caA = new Spec("Client CA A").ca().issue();
    Issued caB = new Spec("Client CA B").ca().issue();
    Path capath = Files.createDirectory(dir.resolve("capath"));
    Path linkA = hashed(capath, caA);
    SslContext server = reloadingServer(files);
    server.loadVerifyLocations(null, capath, null);
    server.setVerifyMode(VerifyMode.CERT_REQUIRED);
    SslContext fromA = clientOf(files, caA, "client A");
    fromA.setMaximumVersion(TlsVersion.TLSv1_2); // session-ID resumption
    SslContext fromB = clientOf(files, caB, "client B");
    try (AcceptLoop loop = new AcceptLoop(listener(), s -> {
      try (SSLSocket tls = server.wrapSocket(s, true, null)) {
        tls.getOutputStream().write('1');
        tls.getOutputStream().flush();
      }
    })) {
      byte[] first = sessionId(fromA, loop.port());
      assertTrue(java.util.Arrays.equals(first, sessionId(fromA, loop.port())),
          "resumed before the rotation");
      assertFalse(accepted(fromB, loop.port()), "client B refused before the rotation");

      try (LogCapture log = new LogCapture()) {
        Files.delete(linkA); // what 'openssl rehash' does when a CA leaves the folder
        hashed(capath, caB);
        awaitLog(log, "the trusted CAs changed");
      }
      assertTrue(accepted(fromB, loop.port()), "client B accepted after the rotation");
      assertEquals(null, sessionId(fromA, loop.port()), "client A's session is not resumed");
    }
  }

  /** Waits (up to 10 s: the machine may be loaded) for the watcher to log {@code text}. */
  private static void awaitLog(LogCapture log, String text) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (log.lines().stream().noneMatch(l -> l.text().contains(text))
        && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(log.lines().stream().anyMatch(l -> l.text().contains(text)),
        "the watcher logged '" + text + "'");
  }

  /** Writes {@code ca} into {@code capath} as {@code <subject hash>.0}, by rename. */
  private static Path hashed(Path capath, Issued ca) throws IOException {
    Path link = capath.resolve(dev.pemtls.internal.trust.SubjectHash.of(ca.certificate())
        + ".0");
    Path tmp = capath.resolve(".tmp");
    Files.writeString(tmp, DemoPki.pem(ca.certificate()));
    return Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The session's id if the server took the client (its byte arrived), else null. */
  private static byte[] sessionId(SslContext client, int port) {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, "localhost")) {
      return tls.getInputStream().read() == '1' ? tls.getSession().getId() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private SslContext clientOf(RotatingFiles files, Issued ca, String name) throws Exception {
    Issued c = new Spec(name).issuer(ca).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    Path cert = DemoPki.write(dir.resolve(name.replace(' ', '-') + ".pem"),
        DemoPki.pem(c.certificate()));
    Path key = DemoPki.write(dir.resolve(name.replace(' ', '-') + ".key"),
        RotatingFiles.key(c));
    SslContext ctx = client(files.caFile);
    ctx.loadCertChain(cert, key);
    return ctx;
  }

  /** Whether the server took the client's certificate: its byte arrives after the handshake. */
  private static boolean accepted(SslContext client, int port) {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, "localhost")) {
      tls.getSession().invalidate();
      return tls.getInputStream().read() == '1';
    } catch (IOException e) {
      return false;
    }
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
