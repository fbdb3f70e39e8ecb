package dev.pemtls.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.DemoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIFO (or any non-regular file) named as certfile, keyfile, cafile, password_file or the
 * config file is refused before it is opened: opening it would block until a writer came, in
 * {@code loadCertChain} or inside {@code SSLContext.getDefault()}. The time limit only guards
 * the build against the hang being back; it measures nothing.
 */
class NonRegularFileTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  @TempDir static Path dir;
  static DemoFiles pki;
  static Path fifo;
  static Path linkToFifo;

  @BeforeAll
  static void files() throws Exception {
    pki = DemoPki.create(dir, "EC");
    fifo = dir.resolve("pipe.pem");
    Peer mkfifo = Peer.command(List.of("mkfifo", fifo.toString())).run();
    assertEquals(0, mkfifo.exitValue(), "mkfifo failed: " + mkfifo);
    linkToFifo = Files.createSymbolicLink(dir.resolve("link.pem"), fifo);
  }

  @Test
  void certfileFifo_raisesNotARegularFileNamingIt() {
    SslError e = refused(() -> new SslContext(Protocol.TLS_SERVER).loadCertChain(fifo,
        pki.serverKey()));
    assertEquals("NOT_A_REGULAR_FILE", e.reason());
    assertTrue(e.getMessage().contains("certfile '" + fifo + "' is a FIFO (named pipe)"),
        e.getMessage());
  }

  @Test
  void keyfileSymlinkToFifo_isRefusedAfterFollowingTheLink() {
    SslError e = refused(() -> new SslContext(Protocol.TLS_SERVER).loadCertChain(
        pki.serverCert(), linkToFifo));
    assertTrue(e.getMessage().contains("keyfile '" + linkToFifo + "' is a FIFO"),
        e.getMessage());
  }

  @Test
  void cafileFifo_isRefused() {
    SslError e = refused(() -> new SslContext(Protocol.TLS_CLIENT).loadVerifyLocations(fifo,
        null, null));
    assertTrue(e.getMessage().contains("cafile '" + fifo + "'"), e.getMessage());
  }

  @Test
  void certfileDevice_isRefused() {
    SslError e = refused(() -> new SslContext(Protocol.TLS_SERVER).loadCertChain(
        Path.of("/dev/zero")));
    assertTrue(e.getMessage().contains("is a character device"), e.getMessage());
  }

  @Test
  void symlinkToRegularFile_stillLoads() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("ca-link.pem"), pki.caFile());
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(link, null, null);
    assertEquals(1, ctx.caCertificates().size());
  }

  @Test
  void providerConfigWithFifoCafile_failsClosedNamingTheKey() throws Exception {
    Path conf = Files.write(dir.resolve("fifo-ca.conf"), List.of("cafile=" + fifo));
    ProviderException e = assertThrows(ProviderException.class, () -> assertTimeoutPreemptively(
        HANG_GUARD, () -> Configured.build(Config.load(conf.toString(), new Properties()),
            Map.of())));
    assertTrue(e.getMessage().contains("cafile") && e.getMessage().contains("FIFO"),
        e.getMessage());
  }

  @Test
  void providerConfigFileThatIsAFifo_failsClosed() {
    ProviderException e = assertThrows(ProviderException.class, () -> assertTimeoutPreemptively(
        HANG_GUARD, () -> Config.load(fifo.toString(), new Properties())));
    assertTrue(e.getMessage().contains("configuration file") && e.getMessage().contains("FIFO"),
        e.getMessage());
  }

  @Test
  void providerPasswordFileFifo_failsClosed() throws Exception {
    Path conf = Files.write(dir.resolve("fifo-pw.conf"), List.of("certfile=" + pki.serverCert(),
        "keyfile=" + pki.serverKey(), "password_file=" + fifo));
    // The key is not encrypted, so the password file is never read: no hang, no error.
    assertTimeoutPreemptively(HANG_GUARD, () -> Configured.build(Config.load(conf.toString(),
        new Properties()), Map.of()));
  }

  private static SslError refused(Executable load) {
    return assertThrows(SslError.class, () -> assertTimeoutPreemptively(HANG_GUARD, load));
  }
}
