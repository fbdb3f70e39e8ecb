package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.internal.reload.LogCapture;
import dev.pemtls.internal.reload.RotatingFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Servers, clients and waits shared by the hot-reload tests of the SslContext API. */
final class ReloadFixtures {
  private ReloadFixtures() {}

  static final Duration INTERVAL = Duration.ofSeconds(1);
  /**
   * How long these tests wait for a change to show: generous, for a loaded machine. The
   * reload latency itself (interval + 1 s) is asserted by the rotation drill.
   */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  static SslContext reloadingServer(RotatingFiles files) throws SslError {
    SslContext server = new SslContext(Protocol.TLS_SERVER);
    server.setReloadInterval(INTERVAL);
    server.loadCertChain(files.certfile, files.keyfile);
    return server;
  }

  static ServerSocket listener() throws IOException {
    return new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
  }

  static SslContext client(Path caFile) throws SslError {
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(caFile, null, null);
    return client;
  }

  static String servedSerial(SslContext client, int port) throws IOException {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, "localhost")) {
      String serial = dev.pemtls.internal.reload.Served.serial(
          (java.security.cert.X509Certificate) tls.getSession().getPeerCertificates()[0]);
      tls.getSession().invalidate();
      return serial;
    }
  }

  /** Waits (up to 10 s: the machine may be loaded) for the watcher to log {@code text}. */
  static void awaitLog(LogCapture log, String text) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (log.lines().stream().noneMatch(l -> l.text().contains(text))
        && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(log.lines().stream().anyMatch(l -> l.text().contains(text)),
        "the watcher logged '" + text + "'");
  }

  /** Writes {@code ca} into {@code capath} as {@code <subject hash>.0}, by rename. */
  static Path hashed(Path capath, Issued ca) throws IOException {
    Path link = capath.resolve(dev.pemtls.internal.trust.SubjectHash.of(ca.certificate())
        + ".0");
    Path tmp = capath.resolve(".tmp");
    Files.writeString(tmp, DemoPki.pem(ca.certificate()));
    return Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The session's id if the server took the client (its byte arrived), else null. Offers the
   * client's previous session, as a Python client passes {@code session=}.
   */
  static byte[] sessionId(SslContext client, int port) {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, true, true, "localhost", LAST_SESSION.get(client))) {
      if (tls.getInputStream().read() != '1') {
        return null;
      }
      LAST_SESSION.put(client, SslSocket.of(tls).session());
      return tls.getSession().getId();
    } catch (IOException e) {
      return null;
    }
  }

  /** Each client's last session, offered again by {@link #sessionId} as Python's session=. */
  private static final java.util.Map<SslContext, SslSession> LAST_SESSION =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  static SslContext clientOf(Path dir, RotatingFiles files, Issued ca, String name)
      throws Exception {
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
  static boolean accepted(SslContext client, int port) {
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getByName("127.0.0.1"), port),
        false, "localhost")) {
      tls.getSession().invalidate();
      return tls.getInputStream().read() == '1';
    } catch (IOException e) {
      return false;
    }
  }
}
