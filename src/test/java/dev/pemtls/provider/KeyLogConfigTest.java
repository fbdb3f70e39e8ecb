package dev.pemtls.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.ProviderException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's {@code keylog_filename} key: off by default, when set the provider's
 * connections write their secrets there (relative to the config file's folder), with a WARNING
 * that says why it is dangerous; an unusable file stops the provider, naming the key.
 */
class KeyLogConfigTest {
  @TempDir Path dir;

  @BeforeEach
  void pki() throws IOException {
    DemoPki.create(dir, "EC");
  }

  private Provider configure(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return new PemTlsProvider().configure(f.toString());
  }

  @Test
  void keylogFilename_writesTheProvidersSecrets_andWarns() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger("dev.pemtls");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(capture);
    Provider server;
    try {
      server = configure("certfile=server.pem", "keyfile=server.key",
          "keylog_filename=keys.log");
    } finally {
      log.removeHandler(capture);
    }
    Path file = dir.resolve("keys.log");
    assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.WARNING
        && r.getMessage().contains(file.toString())
        && r.getMessage().contains("decrypt")), "a WARNING naming the file: " + logged);

    Provider client = configure("cafile=ca.pem");
    handshake(SSLContext.getInstance("Default", server), SSLContext.getInstance("Default",
        client));
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(0).startsWith("# "), lines.toString());
    assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
        "EXPORTER_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"),
        lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(' ')))
            .sorted().toList());
  }

  @Test
  void configCheck_warnsAboutTheKeyLog() throws Exception {
    Path conf = Files.write(dir.resolve("check.conf"), List.of("cafile=ca.pem",
        "keylog_filename=check.log"));
    List<String> report = dev.pemtls.internal.config.ConfigReport.check(conf);
    assertTrue(report.stream().anyMatch(l -> l.startsWith("WARNING: keylog_filename")
        && l.contains(dir.resolve("check.log").toString())), report.toString());
  }

  @Test
  void unusableFile_stopsTheProvider_namingTheKey() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> configure("cafile=ca.pem", "keylog_filename=missing/keys.log"));
    assertTrue(e.getMessage().contains("keylog_filename")
        && e.getMessage().contains(dir.resolve("missing/keys.log").toString()), e.getMessage());
  }

  @Test
  void misspelledKey_suggestsKeylogFilename() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> configure("cafile=ca.pem", "keylog_file=keys.log"));
    assertTrue(e.getMessage().contains("keylog_filename"), e.getMessage());
  }

  private static void handshake(SSLContext serverCtx, SSLContext clientCtx) throws Exception {
    try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.startHandshake();
          s.getOutputStream().write(1);
          s.getOutputStream().flush();
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      try (SSLSocket c = (SSLSocket) clientCtx.getSocketFactory().createSocket("localhost",
          ss.getLocalPort())) {
        assertEquals(1, c.getInputStream().read());
      }
      served.get(15, TimeUnit.SECONDS);
    }
  }
}
