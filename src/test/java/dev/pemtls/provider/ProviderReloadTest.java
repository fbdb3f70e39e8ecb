package dev.pemtls.provider;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.internal.reload.RotatingFiles;
import dev.pemtls.internal.reload.RotationDrill;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload in the provider, the no-code-change case: a server socket from the provider's
 * default SSLContext, made once before any rotation, serves each new identity.
 */
class ProviderReloadTest {
  @TempDir Path dir;

  @Test
  void providerServerSocket_rotatedByRenameSymlinkSwapAndTornRewrite_neverFailsAHandshake()
      throws Exception {
    RotatingFiles files = new RotatingFiles(dir);
    Path conf = Files.write(dir.resolve("pemtls.conf"), List.of("certfile=tls.crt",
        "keyfile=tls.key", "cafile=ca.pem", "reload_interval=1"));
    Provider provider = new PemTlsProvider().configure(conf.toString());
    SSLContext jsse = SSLContext.getInstance("Default", provider);
    SSLServerSocket ss = (SSLServerSocket) jsse.getServerSocketFactory().createServerSocket(0,
        200, InetAddress.getByName("127.0.0.1"));
    SslContext client = new SslContext(Protocol.TLS_CLIENT);
    client.loadVerifyLocations(files.caFile, null, null);
    try (AcceptLoop loop = new AcceptLoop(ss, s -> ((SSLSocket) s).startHandshake())) {
      RotationDrill.run(files, loop.port(), tcp -> client.wrapSocket(tcp, false, "localhost"),
          Duration.ofSeconds(1));
    }
  }
}
