package dev.pemtls.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslSocket;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two examples of src/docs/examples.md, run against each other over loopback. */
class ExamplesTest {
  @TempDir static Path dir;
  static Path caFile;
  static Path certFile;
  static Path keyFile;

  @BeforeAll
  static void pki() throws IOException {
    Issued ca = new DemoPki.Spec("Example CA").ca().issue();
    Issued server = new DemoPki.Spec("localhost").issuer(ca).dns("localhost").issue();
    caFile = DemoPki.write(dir.resolve("ca.pem"), DemoPki.pem(ca.certificate()));
    certFile = DemoPki.write(dir.resolve("cert.pem"),
        DemoPki.pem(server.certificate(), ca.certificate()));
    keyFile = DemoPki.write(dir.resolve("key.pem"), DemoPki.pem(server.keys().getPrivate()));
  }

  @Test
  void clientExample_againstServerExample_printsCertAndReadsTheAnswer() throws Exception {
    try (ServerSocket bindsocket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
        StringBuilder got = new StringBuilder();
        try {
          ServerExample.serveOne(bindsocket, certFile, keyFile, (conn, data) -> {
            got.append(new String(data, US_ASCII));
            if (got.toString().endsWith("\r\n\r\n")) {
              try {
                conn.write("HTTP/1.0 200 OK\r\n\r\nhello".getBytes(US_ASCII));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return false;
            }
            return true;
          });
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return got.toString();
      });
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      String chunk = ClientExample.run("localhost", bindsocket.getLocalPort(), caFile,
          new PrintStream(printed, true, US_ASCII));
      assertEquals("HTTP/1.0 200 OK\r\n\r\nhello", chunk);
      assertEquals("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n",
          received.get(15, TimeUnit.SECONDS));
      assertTrue(printed.toString(US_ASCII).startsWith("{subject=[[[commonName, localhost]]]"),
          printed.toString(US_ASCII));
    }
  }

  @Test
  void serverExample_readsUntilTheClientCloses() throws Exception {
    try (ServerSocket bindsocket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
        StringBuilder got = new StringBuilder();
        try {
          ServerExample.serveOne(bindsocket, certFile, keyFile, (conn, data) -> {
            got.append(new String(data, US_ASCII));
            return true;
          });
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return got.toString();
      });
      SslContext client = new SslContext(Protocol.TLS_CLIENT);
      client.loadVerifyLocations(caFile, null, null);
      try (SslSocket s = SslSocket.of(client.wrapSocket(
          new Socket(InetAddress.getLoopbackAddress(), bindsocket.getLocalPort()), false,
          "localhost"))) {
        s.write("one ".getBytes(US_ASCII));
        s.write("two".getBytes(US_ASCII));
      }
      assertEquals("one two", received.get(15, TimeUnit.SECONDS));
    }
  }
}
