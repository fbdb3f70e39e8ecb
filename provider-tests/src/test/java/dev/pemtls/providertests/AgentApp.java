package dev.pemtls.providertests;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * The application inside the jar that {@link AgentIT} starts with {@code java -jar}: plain JSSE
 * code that never mentions PemTLS. It prints the provider list, who answers {@code
 * SSLContext.getDefault()}, whether SunJSSE can still be had by name, and one HTTPS GET.
 */
public final class AgentApp {
  private AgentApp() {}

  public static void main(String[] args) {
    List<String> names = new ArrayList<>();
    for (Provider p : Security.getProviders()) {
      names.add(p.getName());
    }
    System.out.println("providers " + String.join(",", names));
    try {
      System.out.println("default " + SSLContext.getDefault().getProvider().getName());
    } catch (Throwable e) {
      System.out.println("default ERR " + chain(e));
    }
    try {
      SSLContext.getInstance("TLS", "SunJSSE");
      System.out.println("sunjsse present");
    } catch (Exception e) {
      System.out.println("sunjsse absent");
    }
    try {
      HttpsURLConnection c = (HttpsURLConnection) new URL(args[0]).openConnection();
      c.setConnectTimeout(10_000);
      c.setReadTimeout(10_000);
      try (InputStream in = c.getInputStream()) {
        System.out.println("get OK " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (Throwable e) {
      System.out.println("get ERR " + chain(e).replace('\n', ' '));
    }
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append(" <- ").append(c);
    }
    return b.toString();
  }
}
