package dev.pemtls.bench.startup.child;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * A fresh JVM's first TLS work: {@code SSLContext.getDefault()} timed on its own
 * ({@code default_ms}), then one {@code HttpsURLConnection} GET of {@code url} with its body read
 * ({@code get_ms}), then this process's CPU time and peak RSS ({@link ProcSelf}). With
 * {@code classes}, also the loaded class count (ClassLoadingMXBean), read last because the
 * management classes it loads would otherwise count in the times.
 */
final class FirstRequest {
  private FirstRequest() {}

  static void run(String url, boolean classes) throws Exception {
    long t0 = System.nanoTime();
    SSLContext ctx = SSLContext.getDefault();
    long t1 = System.nanoTime();
    HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
    int status = c.getResponseCode();
    String suite = c.getCipherSuite(); // while connected
    try (InputStream in = c.getInputStream()) {
      in.readAllBytes();
    }
    long t2 = System.nanoTime();
    ProcSelf.print();
    StartupChild.out("default_ms", StartupChild.ms(t1 - t0));
    StartupChild.out("get_ms", StartupChild.ms(t2 - t1));
    StartupChild.out("status", status);
    StartupChild.out("suite", suite);
    StartupChild.out("provider", ctx.getProvider().getName());
    if (classes) {
      StartupChild.out("classes", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    }
  }
}
