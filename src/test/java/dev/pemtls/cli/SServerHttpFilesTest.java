package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslContext;
import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s_server -WWW} and {@code -HTTP} beside openssl s_server, both serving the same folder
 * (each started in it): curl fetches the same paths from both, files, subfolders, HTML, missing
 * files, '..' and ':' and absolute paths, a folder, and the answers must be the same bytes (for
 * a file that cannot be opened, up to openssl's error queue, which PemTLS replaces by the
 * reason).
 */
@Tag("peer") // needs openssl and curl on the PATH
class SServerHttpFilesTest {
  @TempDir static Path dir;
  static TestPki pki;
  static Path site;

  @BeforeAll
  static void files() throws Exception {
    pki = new TestPki(dir, "EC");
    site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("a.txt"), "hello file\n");
    Files.writeString(site.resolve("page.html"), "<b>bold</b>\n");
    Files.createDirectories(site.resolve("sub"));
    Files.writeString(site.resolve("sub/b.txt"), "in sub\n");
    Files.writeString(site.resolve("full.txt"),
        "HTTP/1.0 201 made\r\nX-Test: yes\r\nContent-type: text/plain\r\n\r\nbody here\n");
  }

  @Test
  void www_answersEveryPathAsOpenssl() throws Exception {
    List<String> paths = List.of("a.txt", "sub/b.txt", "page.html", "missing.txt",
        "../ca.pem", "sub/../a.txt", "sub/..", "a..b", "c:a.txt", "/etc/hostname", "sub",
        "full.txt");
    List<String> theirs = fetchAll(true, "-WWW", paths);
    List<String> ours = fetchAll(false, "-WWW", paths);
    for (int i = 0; i < paths.size(); i++) {
      assertEquals(upToErrorQueue(theirs.get(i)), upToErrorQueue(ours.get(i)), paths.get(i));
    }
    assertTrue(ours.get(0).endsWith("\r\n\r\nhello file\n"), ours.get(0));
    assertTrue(ours.get(2).contains("Content-type: text/html\r\n"), ours.get(2));
    assertTrue(ours.get(4).contains("'../ca.pem' contains '..' or ':'"), ours.get(4));
    assertTrue(ours.get(3).contains("Error opening 'missing.txt' mode='r'"), ours.get(3));
  }

  @Test
  void http_sendsTheFileAsTheWholeResponse_asOpenssl() throws Exception {
    List<String> paths = List.of("full.txt", "sub/..", "missing.txt");
    List<String> theirs = fetchAll(true, "-HTTP", paths);
    List<String> ours = fetchAll(false, "-HTTP", paths);
    for (int i = 0; i < paths.size(); i++) {
      assertEquals(upToErrorQueue(theirs.get(i)), upToErrorQueue(ours.get(i)), paths.get(i));
    }
    assertTrue(ours.get(0).startsWith("HTTP/1.0 201 made\r\nX-Test: yes\r\n"), ours.get(0));
  }

  @Test
  void requestLineWithoutSpace_isAnInvalidFileName_asOpenssl() throws Exception {
    String theirs = withServer(true, "-WWW", port -> raw(port, "GET /a.txt\r\n\r\n"));
    String ours = withServer(false, "-WWW", port -> raw(port, "GET /a.txt\r\n\r\n"));
    assertEquals(theirs, ours);
    assertTrue(ours.endsWith("'a.txt\r\n' is an invalid file name\r\n"), ours);
  }

  @Test
  void wwwAndRev_excludeEachOther() {
    CliRun r = CliRun.of("s_server", "-cert", pki.serverChain.toString(), "-key",
        pki.serverKey.toString(), "-WWW", "-rev");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("options -rev and -WWW exclude each other"), r.err());
  }

  /** openssl's answer for a file it cannot open continues with its error queue. */
  private static String upToErrorQueue(String response) {
    int at = response.indexOf("mode='r'\r\n");
    return at < 0 ? response : response.substring(0, at + "mode='r'\r\n".length());
  }

  private interface Client<T> {
    T fetch(int port) throws Exception;
  }

  /** curl's answers for {@code paths}, one connection each, from one server. */
  private static List<String> fetchAll(boolean openssl, String mode, List<String> paths)
      throws Exception {
    return withServer(openssl, mode, port -> {
      List<String> out = new ArrayList<>();
      for (String path : paths) {
        out.add(curl(port, path));
      }
      return out;
    });
  }

  /** A server of {@code mode}, run in the site folder, for {@code client}'s connections. */
  private static <T> T withServer(boolean openssl, String mode, Client<T> client)
      throws Exception {
    int port = Loopback.freePort();
    List<String> args = List.of("s_server", "-accept", "127.0.0.1:" + port, "-cert",
        pki.serverChain.toString(), "-key", pki.serverKey.toString(), mode);
    Peer.Launch launch = Peer.opensslOrPemtls(openssl, args);
    try (Peer server = launch.directory(site).start()) {
      server.await("ACCEPT");
      return client.fetch(port); // closing the peer ends the server

    }
  }

  private static String curl(int port, String path) throws Exception {
    Peer curl = Peer.command(List.of("curl", "-sk", "-i", "--http1.0", "--path-as-is",
        "https://127.0.0.1:" + port + "/" + path)).separateStderr().run();
    return curl.text();
  }

  /** Sends {@code request} over TLS and returns the whole answer. */
  private static String raw(int port, String request) throws IOException {
    SslContext client = pki.clientContext();
    try (SSLSocket tls = client.wrapSocket(new Socket(InetAddress.getLoopbackAddress(), port),
        false, "localhost")) {
      tls.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      tls.getOutputStream().flush();
      return new String(tls.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
