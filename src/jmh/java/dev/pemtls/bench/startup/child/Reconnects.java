package dev.pemtls.bench.startup.child;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Reconnecting: {@code gets} sequential {@code HttpsURLConnection} GETs of {@code url} (an
 * {@code openssl s_server -www}), the JVM started with {@code -Dhttp.keepAlive=false} so each GET
 * is a new TCP connection and handshake. The status page says "Reused" when the handshake resumed
 * a session and "New" when it was full. Prints {@code total_ms} (all GETs, from the first
 * connection on) and {@code resumed}.
 */
final class Reconnects {
  private Reconnects() {}

  static void run(String url, int gets) throws Exception {
    int resumed = 0;
    int full = 0;
    String protocol = "";
    long t0 = System.nanoTime();
    for (int i = 0; i < gets; i++) {
      HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
      String page;
      try (InputStream in = c.getInputStream()) {
        page = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
      // s_server's line about the handshake: "New, TLSv1.3, Cipher is ..." or "Reused, ...".
      String line = page.lines().filter(l -> l.startsWith("New, ") || l.startsWith("Reused, "))
          .findFirst().orElseThrow(() -> new IllegalStateException("not an s_server -www page: "
              + page));
      if (line.startsWith("Reused, ")) {
        resumed++;
      } else {
        full++;
      }
      protocol = line.split(", ")[1];
    }
    long t1 = System.nanoTime();
    StartupChild.out("total_ms", StartupChild.ms(t1 - t0));
    StartupChild.out("resumed", resumed);
    StartupChild.out("full", full);
    StartupChild.out("protocol", protocol);
    StartupChild.out("provider", SSLContext.getDefault().getProvider().getName());
  }
}
