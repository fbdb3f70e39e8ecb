package dev.pemtls.provider;

import dev.pemtls.TlsVersion;
import java.security.Provider;
import java.security.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@code PemTLS} JSSE provider: installed through {@code java.security}, it makes existing
 * {@code javax.net.ssl} code (HttpsURLConnection, java.net.http.HttpClient, {@code
 * SSLSocketFactory.getDefault()}, OkHttp, Apache HttpClient) use the PEM files, CA directory,
 * cipher string and verify mode of a config file. See {@link Config} for the keys.
 *
 * <pre>
 * security.provider.1=PemTLS /etc/pemtls/pemtls.conf    # in a -Djava.security.properties file
 * </pre>
 *
 * <p>The argument reaches {@link #configure(String)}. Without one, the config file is named by
 * {@code -Dpemtls.config=FILE}; {@code -Dpemtls.<key>=value} overrides single keys either way,
 * and with neither the defaults apply (the JDK's default trust, no client certificate).
 *
 * <p><b>Fails closed.</b> A bad config never leaves the JVM on SunJSSE: {@link #configure}
 * throws a {@link ProviderException} naming the file, the key and the problem, the one exception
 * the JDK passes on instead of silently dropping the provider. The JDK retries a failed provider
 * on later look-ups and drops it after 30 failures ({@code ProviderConfig.MAX_LOAD_TRIES}), so
 * after the first failure for an argument {@code configure} returns a closed provider instead,
 * which the JDK keeps and whose every service throws the same ProviderException.
 *
 * <p>BCJSSE does the TLS, privately: BouncyCastle is never added to the JVM's provider list.
 */
public final class PemTlsProvider extends Provider {
  private static final long serialVersionUID = 1L;

  /** The provider's name, as {@code security.provider.N} names it. */
  public static final String NAME = "PemTLS";

  private static final Map<String, Boolean> FAILED_BEFORE = new ConcurrentHashMap<>();

  private transient Configured configured;
  private transient ProviderException failure;

  /**
   * The provider as {@code ServiceLoader} makes it. It reads {@code -Dpemtls.config} and {@code
   * -Dpemtls.*} at its first use; errors surface then, as a ProviderException from each service.
   */
  public PemTlsProvider() {
    this(null, null);
  }

  private PemTlsProvider(Configured configured, ProviderException failure) {
    super(NAME, "1.0", "PemTLS: Python ssl-style JSSE (PEM files, OpenSSL cipher strings, verify"
        + " modes) on a private BCJSSE");
    this.configured = configured;
    this.failure = failure;
    register();
  }

  /**
   * The provider configured from the file {@code configArg} (the text after "PemTLS" in {@code
   * security.provider.N}) plus {@code -Dpemtls.<key>} overrides. Every file is loaded now.
   *
   * @throws ProviderException naming file, key and problem, the first time a given argument fails
   *     in this JVM (later attempts return a closed provider, see the class javadoc)
   */
  @Override
  public Provider configure(String configArg) {
    try {
      return new PemTlsProvider(build(configArg), null);
    } catch (ProviderException e) {
      if (FAILED_BEFORE.putIfAbsent(String.valueOf(configArg), Boolean.TRUE) == null) {
        throw e;
      }
      return new PemTlsProvider(null, e);
    }
  }

  /** A provider whose every service throws {@code failure}: TLS is off, nothing falls back. */
  static PemTlsProvider closed(ProviderException failure) {
    return new PemTlsProvider(null, failure);
  }

  /**
   * The config named by {@code argument}, loaded. Anything else that goes wrong (an invalid path,
   * a bug, a missing class) becomes a ProviderException too: the JDK silently drops a provider
   * whose setup throws anything else, and the JVM would then run on SunJSSE.
   */
  static Configured build(String argument) {
    try {
      return Configured.build(Config.load(argument, System.getProperties()));
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new ProviderException("PemTLS: cannot load the configuration "
          + (argument == null || argument.isBlank() ? "(no provider argument)" : "'"
              + argument.strip() + "'") + ": " + e + "; TLS stays off in this JVM until it is "
          + "fixed", e);
    }
  }

  /** The loaded config, or the ProviderException that closes this provider. */
  synchronized Configured configured() {
    if (failure != null) {
      throw new ProviderException(failure.getMessage(), failure);
    }
    if (configured == null) {
      try {
        configured = build(null);
      } catch (ProviderException e) {
        failure = e;
        throw e;
      }
    }
    return configured;
  }

  /**
   * The services, Conscrypt-style: one line each, aliases beside them. Every name SunJSSE offers
   * for TLS is here, so a provider list without SunJSSE (the shipped pemtls.security, the agent)
   * serves every look-up; versions the config does not enable ({@code TLSv1}, {@code TLSv1.1}
   * under the default minimum_version) fail clearly at {@code init}. DTLS is not offered.
   */
  private void register() {
    service("SSLContext", "Default", List.of(),
        c -> new SslContextService(c, true, null));
    service("SSLContext", "TLS", List.of("SSL", "SSLv23"),
        c -> new SslContextService(c, false, null));
    service("SSLContext", "TLSv1", List.of("SSLv3"),
        c -> new SslContextService(c, false, TlsVersion.TLSv1));
    service("SSLContext", "TLSv1.1", List.of(),
        c -> new SslContextService(c, false, TlsVersion.TLSv1_1));
    service("SSLContext", "TLSv1.2", List.of(),
        c -> new SslContextService(c, false, TlsVersion.TLSv1_2));
    service("SSLContext", "TLSv1.3", List.of(),
        c -> new SslContextService(c, false, TlsVersion.TLSv1_3));

    // With a KeyStore each factory is the JDK's of the same name, so SunX509 stays its own entry.
    service("TrustManagerFactory", "PKIX", List.of("X509", "X.509", "SunPKIX"),
        c -> new TrustManagerFactoryService(c, "PKIX"));
    service("TrustManagerFactory", "SunX509", List.of(),
        c -> new TrustManagerFactoryService(c, "SunX509"));
    service("KeyManagerFactory", "PKIX", List.of("NewSunX509"),
        c -> new KeyManagerFactoryService(c, "NewSunX509"));
    service("KeyManagerFactory", "SunX509", List.of(),
        c -> new KeyManagerFactoryService(c, "SunX509"));
  }

  private void service(String type, String algorithm, List<String> aliases,
      Function<Configured, Object> factory) {
    putService(new ConfiguredService(type, algorithm, aliases, factory));
  }

  /** A service made by a factory from the config (no reflection by class name). */
  private final class ConfiguredService extends Service {
    private final Function<Configured, Object> factory;

    ConfiguredService(String type, String algorithm, List<String> aliases,
        Function<Configured, Object> factory) {
      super(PemTlsProvider.this, type, algorithm, PemTlsProvider.class.getName() + "$" + type,
          aliases, null);
      this.factory = factory;
    }

    /** Throws the config's ProviderException rather than returning a weaker default. */
    @Override
    public Object newInstance(Object constructorParameter) {
      return factory.apply(configured());
    }
  }
}
