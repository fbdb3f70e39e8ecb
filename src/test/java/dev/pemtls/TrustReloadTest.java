package dev.pemtls;

import static dev.pemtls.ReloadFixtures.PATIENCE;
import static dev.pemtls.ReloadFixtures.accepted;
import static dev.pemtls.ReloadFixtures.awaitLog;
import static dev.pemtls.ReloadFixtures.clientOf;
import static dev.pemtls.ReloadFixtures.hashed;
import static dev.pemtls.ReloadFixtures.listener;
import static dev.pemtls.ReloadFixtures.reloadingServer;
import static dev.pemtls.ReloadFixtures.sessionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.internal.reload.LogCapture;
import dev.pemtls.internal.reload.RotatingFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload of the trusted CAs (a cafile, a capath) of a {@code wrapSocket} server: a new client
 * CA is trusted and a removed one refused, also for sessions it could resume.
 */
class TrustReloadTest {
  @TempDir Path dir;

  @Test
  void rotatedClientCaBundle_trustsTheNewCaAndStopsTrustingTheRemovedOne() throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    Issued caA = new Spec("Client CA A").ca().issue();
    Issued caB = new Spec("Client CA B").ca().issue();
    Path clientCas = DemoPki.write(dir.resolve("client-cas.pem"), DemoPki.pem(caA.certificate()));
    SslContext server = reloadingServer(files);
    server.loadVerifyLocations(clientCas, null, null);
    server.setVerifyMode(VerifyMode.CERT_REQUIRED);
    SslContext fromA = clientOf(dir, files, caA, "client A");
    SslContext fromB = clientOf(dir, files, caB, "client B");
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
    SslContext fromA = clientOf(dir, files, caA, "client A");
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
    SslContext fromA = clientOf(dir, files, caA, "client A");
    fromA.setMaximumVersion(TlsVersion.TLSv1_2); // session-ID resumption
    SslContext fromB = clientOf(dir, files, caB, "client B");
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
}
