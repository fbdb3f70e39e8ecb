package dev.pemtls.internal.config;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import dev.pemtls.internal.reload.Live;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.jsse.ContextSettings;
import dev.pemtls.PasswordCallback;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.internal.pem.RegularFiles;
import dev.pemtls.SslError;
import dev.pemtls.VerifyMode;
import dev.pemtls.internal.jsse.ConfiguredSslContext;
import dev.pemtls.internal.jsse.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.Map;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A {@link Config} turned into {@link Settings} through the public {@link SslContext} API, the
 * same path programmatic users take, plus the one thing a two-sided provider adds: the server
 * side's verify mode (see {@link #serverVerifyMode}).
 */
public final class Configured {
  private static final Logger LOG = Logger.getLogger("dev.pemtls");

  private final Config config;
  private final Settings settings;
  private final String trustSource;
  private SSLContext defaultContext;

  private Configured(Config config, Settings settings, String trustSource) {
    this.config = config;
    this.settings = settings;
    this.trustSource = trustSource;
  }

  /**
   * Loads every file the config names and builds the settings.
   *
   * @throws ProviderException naming the file, the key and the problem
   */
  public static Configured build(Config config) {
    return build(config, System.getenv());
  }

  public static Configured build(Config config, Map<String, String> env) {
    return build(config, env, config.reloadInterval());
  }

  /** Loads the config as {@link #build} does but watches no file, for config-check's report. */
  public static Configured once(Config config) {
    return build(config, System.getenv(), java.time.Duration.ZERO);
  }

  private static Configured build(Config config, Map<String, String> env,
      java.time.Duration reloadInterval) {
    SslContext ctx = new SslContext(Protocol.TLS); // both sides, like the provider
    ctx.setReloadInterval(reloadInterval);
    VerifyMode client = clientVerifyMode(config);
    ctx.setVerifyMode(client);
    Boolean check = config.checkHostname();
    ctx.setCheckHostname(check != null ? check : client != VerifyMode.CERT_NONE);

    // Ciphers first: their @SECLEVEL applies to the identity's own chain as it loads.
    set(config, "ciphers", () -> ctx.setCiphers(config.text("ciphers")));
    set(config, "ciphersuites", () -> ctx.setCiphersuites(config.text("ciphersuites")));
    set(config, "groups", "", () -> ctx.setGroups(config.text("groups")));
    if (config.has("certfile")) {
      loadIdentity(config, env, ctx, "");
    }
    identityBlocks(config, env, ctx, reloadInterval);

    List<X509Certificate> jdkTrust = new ArrayList<>();
    String trustSource = trust(config, ctx, client, jdkTrust);

    if (config.minimumVersion() != null) {
      ctx.setMinimumVersion(config.minimumVersion());
    }
    if (config.maximumVersion() != null) {
      ctx.setMaximumVersion(config.maximumVersion());
    }
    if (config.handshakeTimeout() != null) {
      ctx.setHandshakeTimeout(config.handshakeTimeout());
    }
    set(config, "keylog_filename", "", () -> keyLog(config, ctx));
    if (config.has("options")) {
      try {
        ctx.setOptions(options(config.text("options"), ctx.options()));
      } catch (IllegalArgumentException e) {
        throw config.error("options", "'" + config.text("options") + "': " + e.getMessage()
            + "; list options to set (NO_TLSv1_3) and, with '-', to clear "
            + "(-CIPHER_SERVER_PREFERENCE), separated by commas", e);
      }
    }
    Settings settings = ContextSettings.of(ctx).withServerVerifyMode(serverVerifyMode(config));
    if (!jdkTrust.isEmpty()) { // the JDK's store is read once: there is no file to watch
      settings = settings.withTrust(Live.of(settings.trust().plus(jdkTrust)));
    }
    if (settings.protocols().isEmpty()) {
      throw config.error(config.has("maximum_version") ? "maximum_version" : "minimum_version",
          "minimum_version " + ctx.minimumVersion() + ", maximum_version "
              + ctx.maximumVersion() + " and options " + ctx.options() + " leave no TLS "
              + "version; fix one of them");
    }
    return new Configured(config, settings, trustSource);
  }

  /** {@code keylog_filename}: opened now, as Python opens it, and loudly. */
  private static void keyLog(Config config, SslContext ctx) throws SslError {
    ctx.setKeylogFilename(config.path("keylog_filename"));
    LOG.warning("PemTLS: keylog_filename is set (" + config.origin("keylog_filename")
        + "): the TLS secrets of every connection are written to " + ctx.keylogFilename()
        + ", and anyone who can read that file can decrypt the traffic. Use it for debugging "
        + "only and remove the key afterwards.");
  }

  /**
   * Loads the {@code identity.<label>.} blocks: those without server_names into {@code ctx}
   * beside its identity (other key types), those with into one context per name, chosen by the
   * client's SNI ({@link ConfiguredServerNames}); a name no block lists gets {@code ctx}'s.
   */
  private static void identityBlocks(Config config, Map<String, String> env, SslContext ctx,
      java.time.Duration reloadInterval) {
    Map<String, SslContext> byName = new java.util.LinkedHashMap<>();
    for (String label : config.identityLabels()) {
      String prefix = Config.IDENTITY_PREFIX + label + ".";
      List<String> names = config.serverNames(label);
      if (names.isEmpty()) {
        loadIdentity(config, env, ctx, prefix);
        continue;
      }
      for (String name : names) {
        SslContext named = byName.get(name);
        if (named == null) {
          named = new SslContext(Protocol.TLS);
          named.setReloadInterval(reloadInterval);
          SslContext target = named;
          // The cipher string's security level applies to each identity's own chain.
          set(config, "ciphers", () -> target.setCiphers(config.text("ciphers")));
          byName.put(name, named);
        }
        loadIdentity(config, env, named, prefix);
      }
    }
    if (!byName.isEmpty()) {
      ctx.setSniCallback(new ConfiguredServerNames(byName));
    }
  }

  /**
   * The {@code options} key: Python's OP_ names (with or without {@code OP_}), separated by
   * commas or {@code |}, set on top of the defaults; a name after {@code -} is cleared.
   */
  static dev.pemtls.Options options(String text, dev.pemtls.Options defaults) {
    dev.pemtls.Options result = defaults;
    for (String item : text.split("[,|]")) {
      String name = item.trim();
      if (name.isEmpty()) {
        continue;
      }
      result = name.startsWith("-")
          ? result.without(dev.pemtls.Options.named(name.substring(1)))
          : result.with(dev.pemtls.Options.named(name));
    }
    return result;
  }

  /**
   * Loads {@code prefix}certfile/keyfile into {@code ctx} (watched when reloading is on); the
   * prefix is empty for the top-level identity, {@code identity.<label>.} for a block.
   */
  private static void loadIdentity(Config config, Map<String, String> env, SslContext ctx,
      String prefix) {
    PasswordCallback password = password(config, env, prefix);
    try {
      ctx.loadCertChain(config.path(prefix + "certfile"), config.path(prefix + "keyfile"),
          password);
    } catch (SslError e) {
      if (password == null && "BAD_PASSWORD_READ".equals(e.reason())) {
        String key = prefix + (config.has(prefix + "keyfile") ? "keyfile" : "certfile");
        throw config.error(key, "the private key in " + config.path(key) + " is encrypted and "
            + "no password is configured; set " + prefix + "password_file (a file whose first "
            + "line is the password) or " + prefix + "password_env (the name of an environment "
            + "variable holding it), or use an unencrypted key", e);
      }
      throw config.error(culpritKey(config, env, prefix), e.getMessage(), e);
    } catch (IOException e) { // the password callback's own failure: password_file unreadable
      throw config.error(prefix + "password_file", e.getMessage(), e);
    }
  }

  /**
   * The config key a failed identity load is about, from the step that failed ({@link
   * PemFiles.Culprit}); on this error path only, the load is repeated to ask it.
   */
  private static String culpritKey(Config config, Map<String, String> env, String prefix) {
    PemFiles.Culprit[] blamed = {PemFiles.Culprit.CERTFILE};
    try {
      PemFiles.loadIdentity(config.path(prefix + "certfile"), config.path(prefix + "keyfile"),
          password(config, env, prefix), culprit -> blamed[0] = culprit);
    } catch (SslError expected) {
      // the same failure: blamed[0] names its step
    }
    return prefix + keyOf(config, blamed[0], prefix);
  }

  private static String keyOf(Config config, PemFiles.Culprit culprit, String prefix) {
    switch (culprit) {
      case PASSWORD:
        return config.has(prefix + "password_file") ? "password_file"
            : config.has(prefix + "password_env") ? "password_env" : "keyfile";
      case KEYFILE:
        return "keyfile";
      default:
        return "certfile";
    }
  }

  /** verify_mode as the client side applies it: unset means CERT_REQUIRED. */
  static VerifyMode clientVerifyMode(Config config) {
    VerifyMode m = config.verifyMode();
    return m != null ? m : VerifyMode.CERT_REQUIRED;
  }

  /**
   * verify_mode as the server side applies it: unset means CERT_NONE (ask for no client
   * certificate), as a Python server context does by default.
   */
  static VerifyMode serverVerifyMode(Config config) {
    VerifyMode m = config.verifyMode();
    return m != null ? m : VerifyMode.CERT_NONE;
  }

  private interface Step {
    void run() throws SslError;
  }

  private static void set(Config config, String key, Step step) {
    set(config, key, "; see 'pemtls ciphers' for what a string selects", step);
  }

  /** Runs {@code step} when {@code key} is set; its failure names the key, value and hint. */
  private static void set(Config config, String key, String hint, Step step) {
    if (!config.has(key)) {
      return;
    }
    try {
      step.run();
    } catch (SslError e) {
      throw config.error(key, "'" + config.text(key) + "': " + e.getMessage() + hint, e);
    }
  }

  /**
   * Loads cafile/capath into {@code ctx}, or adds the JDK's default trust to {@code jdkTrust};
   * returns a description of what it used.
   */
  private static String trust(Config config, SslContext ctx, VerifyMode client,
      List<X509Certificate> jdkTrust) {
    if (config.has("cafile") || config.has("capath")) {
      String key = config.has("cafile") ? "cafile" : "capath";
      try {
        ctx.loadVerifyLocations(config.path("cafile"), config.path("capath"), null);
      } catch (SslError e) {
        if (config.has("capath") && e.getMessage().contains(config.path("capath").toString())) {
          key = "capath";
        }
        throw config.error(key, e.getMessage(), e);
      }
      return (config.has("cafile") ? "cafile " + config.path("cafile") : "")
          + (config.has("cafile") && config.has("capath") ? " and " : "")
          + (config.has("capath") ? "capath " + config.path("capath") : "");
    }
    if (client == VerifyMode.CERT_NONE) {
      return "none (verify_mode CERT_NONE)";
    }
    Path store = JdkDefaultTrust.location();
    try {
      jdkTrust.addAll(JdkDefaultTrust.certificates());
    } catch (IOException e) {
      throw config.error("cafile", "neither cafile nor capath is set, and the JDK's default "
          + "trust store cannot be used: " + e.getMessage() + "; set cafile or capath", e);
    }
    return "the JDK's default trust store " + store;
  }

  private static PasswordCallback password(Config config, Map<String, String> env,
      String prefix) {
    if (config.has(prefix + "password_env")) {
      String name = config.text(prefix + "password_env");
      String value = env.get(name);
      if (value == null) {
        throw config.error(prefix + "password_env", "the environment variable " + name
            + " is not set; export it before starting the JVM, or use password_file");
      }
      return value::toCharArray;
    }
    if (config.has(prefix + "password_file")) {
      Path file = config.path(prefix + "password_file");
      return () -> {
        try {
          String notRegular = RegularFiles.notRegular(file);
          if (notRegular != null) {
            throw new IOException(prefix + "password_file " + RegularFiles.advice(file,
                notRegular));
          }
          String text = Files.readString(file, StandardCharsets.UTF_8);
          int end = text.indexOf('\n');
          String line = end < 0 ? text : text.substring(0, end);
          return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
              .toCharArray();
        } catch (IOException e) {
          throw new IOException("cannot read " + prefix + "password_file " + file + ": " + e,
              e);
        }
      };
    }
    return null;
  }

  public Config config() {
    return config;
  }

  public Settings settings() {
    return settings;
  }

  /** What the trust comes from, for config-check. */
  public String trustSource() {
    return trustSource;
  }

  /** The config's key managers: the identity's, or none. */
  public KeyManager[] keyManagers() {
    return ConfiguredSslContext.keyManagers(settings);
  }

  /** The config's trust manager. */
  public TrustManager[] trustManagers() {
    return ConfiguredSslContext.trustManagers(settings);
  }

  /** The context behind {@code SSLContext.getInstance("Default")}, built once. */
  public synchronized SSLContext defaultContext() {
    if (defaultContext == null) {
      defaultContext = ConfiguredSslContext.create(settings);
    }
    return defaultContext;
  }
}
