package dev.pemtls.provider;

import java.lang.instrument.Instrumentation;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The java agent: {@code java -javaagent:/path/pemtls.jar=/path/pemtls.conf -jar app.jar}, or
 * the same in {@code JAVA_TOOL_OPTIONS} for every JVM of a container. Before {@code main} runs it
 * installs PemTLS as provider 1, configured from the agent argument (the config file; without
 * one, {@code -Dpemtls.config}), with {@code -Dpemtls.<key>} overrides applied, and removes
 * SunJSSE, as the shipped {@code pemtls.security} does, so nothing can fall back to it: not a
 * look-up by algorithm, and not code (or a library such as gRPC's GrpcSslContexts) that asks for
 * SunJSSE by name.
 *
 * <p><b>Fails closed</b> as the {@code java.security} route does: with a bad config, PemTLS is
 * installed closed (each of its TLS services throws the config's {@link ProviderException},
 * naming file, key and problem) and the error is printed on stderr at start-up; the JVM's other
 * cryptography keeps working. If even that is impossible (a broken installation, e.g. a missing
 * BouncyCastle jar next to pemtls.jar), SunJSSE is still removed, so TLS fails with "Default
 * SSLContext not available" instead of running on the JDK's defaults.
 *
 * <p>Loaded late with {@code agentmain} (attach), it installs the provider the same way, but
 * contexts the application made before keep the provider they were made with.
 */
public final class PemTlsAgent {
  private static final Logger LOG = Logger.getLogger("dev.pemtls");

  private PemTlsAgent() {}

  /** Called by the JVM before {@code main} for {@code -javaagent:pemtls.jar=CONFIG}. */
  public static void premain(String configFile, Instrumentation unused) {
    install(configFile);
  }

  /** As {@link #premain(String, Instrumentation)}. */
  public static void premain(String configFile) {
    install(configFile);
  }

  /** Called when the agent is attached to a running JVM. */
  public static void agentmain(String configFile, Instrumentation unused) {
    install(configFile);
  }

  /** As {@link #agentmain(String, Instrumentation)}. */
  public static void agentmain(String configFile) {
    install(configFile);
  }

  /**
   * Installs PemTLS (or, when the config is bad, a closed PemTLS) as provider 1 and removes
   * SunJSSE. Never throws: an agent that throws stops the JVM with a native-looking error, and a
   * closed provider says more.
   *
   * @return the installed provider, or null when not even a closed one could be installed
   */
  static Provider install(String configFile) {
    Provider p = null;
    try {
      try {
        p = new PemTlsProvider().configure(configFile);
      } catch (ProviderException e) {
        p = PemTlsProvider.closed(e);
        System.err.println(e.getMessage());
        System.err.println("PemTLS agent: TLS is OFF in this JVM (every SSLContext throws this "
            + "error) until the configuration is fixed; check it with 'pemtls config-check "
            + (configFile == null ? "FILE" : configFile.strip()) + "'");
      }
      replaceExisting(p);
      return p;
    } catch (RuntimeException | Error e) {
      System.err.println("PemTLS agent: cannot install the PemTLS provider: " + e
          + "; TLS is OFF in this JVM (SunJSSE removed); check that pemtls.jar's lib/ folder "
          + "is next to it");
      LOG.log(Level.SEVERE, "PemTLS agent: cannot install the provider", e);
      return null;
    } finally {
      removeSunJsse();
    }
  }

  /** Puts {@code p} first; a PemTLS from java.security gives way to the agent's. */
  private static void replaceExisting(Provider p) {
    try {
      Security.removeProvider(PemTlsProvider.NAME);
    } catch (ProviderException e) {
      // a PemTLS from java.security whose config is broken: replaced below all the same
    }
    if (Security.insertProviderAt(p, 1) < 0) {
      throw new ProviderException("PemTLS agent: could not insert the provider at position 1");
    }
  }

  private static void removeSunJsse() {
    try {
      Security.removeProvider("SunJSSE");
    } catch (RuntimeException e) {
      System.err.println("PemTLS agent: could not remove SunJSSE: " + e);
    }
  }
}
