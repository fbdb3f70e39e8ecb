package dev.pemtls.providertests.bootapp;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The Spring Boot recipe's application, packed by {@code BootJar} into an executable jar and
 * started with {@code java -javaagent:pemtls.jar=CONF -jar app.jar}. It knows nothing of PemTLS:
 * embedded Tomcat serves HTTPS from {@code server.ssl.*} and RestClient uses the JVM's default
 * TLS, both of which the agent made PemTLS.
 *
 * <ul>
 *   <li>{@code GET /}: "client=DN suite=S via=Tomcat", what Tomcat saw of the connection;
 *   <li>{@code GET /fetch?url=U}: fetches U with RestClient: "OK body" or "ERR exception".
 * </ul>
 */
@SpringBootApplication
@RestController
public class BootApp {
  private final RestClient rest;

  public BootApp(RestClient.Builder rest) {
    this.rest = rest.build();
  }

  public static void main(String[] args) {
    var context = SpringApplication.run(BootApp.class, args);
    // The test ends the app by closing its stdin (as ChildJvm does for every child).
    Thread stop = new Thread(() -> {
      try {
        System.in.readAllBytes();
      } catch (java.io.IOException e) {
        // stdin gone: stop as well
      }
      System.exit(SpringApplication.exit(context));
    });
    stop.setDaemon(true);
    stop.start();
  }

  @EventListener
  public void ready(WebServerInitializedEvent event) {
    System.out.println("READY " + event.getWebServer().getPort());
    System.out.flush();
  }

  @GetMapping("/")
  public String whoAmI(HttpServletRequest request) {
    X509Certificate[] chain =
        (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
    String client = chain == null ? "none"
        : chain[0].getSubjectX500Principal().getName().replace(' ', '_');
    return "client=" + client + " suite="
        + request.getAttribute("jakarta.servlet.request.cipher_suite") + " via=Tomcat";
  }

  @GetMapping("/fetch")
  public String fetch(@RequestParam("url") String url) {
    try {
      return "OK " + rest.get().uri(url).retrieve().body(String.class);
    } catch (RuntimeException e) {
      StringBuilder b = new StringBuilder("ERR ").append(e);
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        b.append(" <- ").append(c);
      }
      return b.toString();
    }
  }
}
