package dev.pemtls.bench.startup;

import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;

/**
 * {@code openssl s_server -www} on 127.0.0.1 with the PKI's RSA server certificate, started once
 * per run: it answers each GET with a status page that says whether the handshake was "New" or
 * "Reused", and in TLS 1.3 issues session tickets. One connection at a time, as s_server does.
 */
final class WwwServer implements AutoCloseable {
  private final Peer peer;
  final int port;

  /** {@code version}: "-tls1_3" or "-tls1_2", the only version the server accepts. */
  WwwServer(TestPki pki, String version) throws IOException, InterruptedException {
    peer = Peer.start("openssl", "s_server", "-accept", "127.0.0.1:0", "-www", version,
        "-cert", pki.serverLeaf.toString(), "-key", pki.serverKey.toString());
    String accept = peer.await("ACCEPT");
    port = Integer.parseInt(accept.substring(accept.lastIndexOf(':') + 1).trim());
  }

  String url() {
    return "https://localhost:" + port + "/";
  }

  @Override
  public void close() {
    peer.close();
  }
}
