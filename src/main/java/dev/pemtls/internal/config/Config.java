package dev.pemtls.internal.config;

import dev.pemtls.TlsVersion;
import dev.pemtls.VerifyMode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The provider's configuration: a Java properties file ({@code pemtls.conf}) plus {@code
 * -Dpemtls.<key>=value} overrides, checked key by key. Nothing is loaded here (no PEM file is
 * read); {@link Configured} turns a {@code Config} into settings.
 *
 * <p>Keys, spelled exactly so (any other key is an error, with a did-you-mean):
 *
 * <ul>
 *   <li>{@code certfile}, {@code keyfile}: the identity, as {@code load_cert_chain}; {@code
 *       certfile} alone may hold chain and key. Default: none (no certificate is presented).
 *   <li>{@code password_file} (a file whose first line is the key's password) or {@code
 *       password_env} (the name of an environment variable holding it). Default: none.
 *   <li>{@code cafile}, {@code capath}: trusted CAs, as {@code load_verify_locations}. Default:
 *       the JDK's default trust store (cacerts, or {@code javax.net.ssl.trustStore}).
 *   <li>{@code ciphers}: OpenSSL cipher string for TLS 1.2; default Python's. {@code
 *       ciphersuites}: TLS 1.3 suites; default OpenSSL's.
 *   <li>{@code groups}: key-exchange groups in OpenSSL's list syntax ({@code X25519:P-256});
 *       default OpenSSL 3.0's list. Either is filtered by the cipher string's security level.
 *   <li>{@code verify_mode}: CERT_NONE, CERT_OPTIONAL or CERT_REQUIRED, for both sides. Unset: the
 *       client side verifies (CERT_REQUIRED) and the server side asks for no client certificate.
 *   <li>{@code check_hostname}: true or false; default true unless verify_mode is CERT_NONE.
 *   <li>{@code minimum_version}, {@code maximum_version}: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3,
 *       MINIMUM_SUPPORTED, MAXIMUM_SUPPORTED (Python's TLSv1_2 spelling works too). Default
 *       TLSv1.2 to TLSv1.3.
 *   <li>{@code reload_interval}: seconds between checks of certfile, keyfile and cafile for new
 *       versions (hot reload; a capath is always current); 0 turns reloading off. Default 5.
 *   <li>{@code options}: Python's {@code OP_} flags to set on top of the defaults, and with
 *       {@code -} to clear, e.g. {@code NO_TLSv1_3, -CIPHER_SERVER_PREFERENCE}. Default
 *       Python's options (see {@code dev.pemtls.Options}).
 *   <li>{@code handshake_timeout}: seconds (a decimal number) a whole handshake on a provider
 *       socket or server socket may take; 0 for no limit. Default 30.
 *   <li>{@code keylog_filename}: a file every connection's TLS secrets are appended to, in NSS's
 *       key-log format, as Python's {@code keylog_filename}; for debugging with Wireshark only,
 *       since whoever reads it can decrypt the traffic (logged as a WARNING). Default: none.
 *   <li>{@code identity.<label>.certfile}, {@code .keyfile}, {@code .password_file}, {@code
 *       .password_env}: one more identity, like nginx's server blocks ({@code <label>}: letters,
 *       digits, {@code -} and {@code _}). With {@code identity.<label>.server_names} (host names
 *       separated by commas or spaces; {@code *.example.com} for any name ending in {@code
 *       .example.com}) it is served to clients whose SNI names one of them; without, it is
 *       another key type of the default identity (an ECDSA chain beside an RSA one, say).
 * </ul>
 *
 * <p>Relative paths in the file are resolved against the file's folder; relative paths in
 * system properties against the working directory.
 */
public final class Config {
  /** Every key the file may hold. */
  public static final List<String> KEYS = List.of("certfile", "keyfile", "cafile", "capath",
      "ciphers", "ciphersuites", "groups", "verify_mode", "check_hostname", "minimum_version",
      "maximum_version", "password_file", "password_env", "reload_interval",
      "handshake_timeout", "keylog_filename", "options");

  /** The keys of an {@code identity.<label>.} block. */
  public static final List<String> IDENTITY_KEYS = List.of("certfile", "keyfile",
      "password_file", "password_env", "server_names");

  /** The prefix of an identity block's keys. */
  static final String IDENTITY_PREFIX = "identity.";

  /** {@code reload_interval}'s default, in seconds. */
  static final int DEFAULT_RELOAD_SECONDS = 5;

  /** The system property naming the file when the provider got no argument. */
  public static final String FILE_PROPERTY = "pemtls.config";

  /** Prefix of the system properties that override single keys. */
  public static final String PROPERTY_PREFIX = "pemtls.";

  /** One key's value and where it came from. */
  record Value(String key, String text, String origin, Path base) {
    Path path() {
      return base.resolve(text).normalize();
    }
  }

  private final Path file;
  private final Map<String, Value> values;

  private Config(Path file, Map<String, Value> values) {
    this.file = file;
    this.values = values;
  }

  /**
   * Reads the configuration the way the provider does: the file named by {@code argument} (the
   * {@code security.provider.N=PemTLS ARGUMENT} text) or, without one, by {@code
   * -Dpemtls.config}; then every {@code -Dpemtls.<key>} property on top.
   *
   * @param argument the provider argument, or null/blank for none
   * @param system the system properties
   * @throws ProviderException naming the file, the key and the problem
   */
  public static Config load(String argument, Properties system) {
    String name = argument == null || argument.isBlank() ? null : argument.strip();
    String how = "the provider argument";
    if (name == null) {
      name = system.getProperty(FILE_PROPERTY);
      how = "-D" + FILE_PROPERTY;
    }
    Map<String, Value> values = new LinkedHashMap<>();
    Path file = null;
    if (name != null) {
      try {
        file = Path.of(name).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw new ProviderException("PemTLS: the configuration file name '" + printable(name)
            + "' (named by " + how + ") is not a valid path: " + e.getReason()
            + "; give the path of a readable file");
      }
      readFile(file, how, values);
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (String prop : system.stringPropertyNames()) {
      if (!prop.startsWith(PROPERTY_PREFIX) || prop.equals(FILE_PROPERTY)) {
        continue;
      }
      String key = prop.substring(PROPERTY_PREFIX.length());
      String origin = "system property -D" + prop;
      checkKey(key, origin);
      values.put(key, new Value(key, system.getProperty(prop).strip(), origin, cwd));
    }
    Config config = new Config(file, values);
    config.check();
    return config;
  }

  private static void readFile(Path file, String how, Map<String, Value> into) {
    // Checked before opening: reading a FIFO would block the JVM's first TLS use forever.
    if (Files.isDirectory(file)) {
      throw new ProviderException("PemTLS: the configuration file " + file + " (named by " + how
          + ") is a directory; name the pemtls.conf file inside it");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new ProviderException("PemTLS: the configuration file " + file + " (named by " + how
          + ") is not a regular file (a FIFO, socket or device); give a regular file");
    }
    Properties p = new Properties();
    try {
      String notRegular = dev.pemtls.internal.pem.RegularFiles.notRegular(file);
      if (notRegular != null) {
        throw new ProviderException("PemTLS: the configuration file (named by " + how + ") "
            + dev.pemtls.internal.pem.RegularFiles.advice(file, notRegular));
      }
    } catch (IOException e) {
      // missing or unreadable: the read below says which
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ProviderException("PemTLS: the configuration file " + file + " (named by " + how
          + ") does not exist; check the path");
    } catch (IOException | IllegalArgumentException e) {
      throw new ProviderException("PemTLS: cannot read the configuration file " + file
          + " (named by " + how + "): " + e.getMessage() + "; it must be a readable Java "
          + "properties file (key=value lines)", e);
    }
    String origin = file.toString();
    Path base = file.getParent();
    for (String key : p.stringPropertyNames()) {
      checkKey(key, origin);
      into.put(key, new Value(key, p.getProperty(key).strip(), origin, base));
    }
  }

  private static void checkKey(String key, String origin) {
    if (key.startsWith(IDENTITY_PREFIX)) {
      String rest = key.substring(IDENTITY_PREFIX.length());
      int dot = rest.lastIndexOf('.');
      String label = dot < 0 ? "" : rest.substring(0, dot);
      String sub = dot < 0 ? rest : rest.substring(dot + 1);
      if (!label.matches("[A-Za-z0-9_-]+")) {
        throw new ProviderException("PemTLS: bad configuration in " + origin + ": key '" + key
            + "' needs the form identity.<label>.<key>, the label of letters, digits, '-' and "
            + "'_', e.g. identity.shop.certfile");
      }
      if (!IDENTITY_KEYS.contains(sub)) {
        throw new ProviderException("PemTLS: bad configuration in " + origin + ": unknown key '"
            + key + "'" + DidYouMean.hint(sub, IDENTITY_KEYS) + "; an identity block's keys are "
            + String.join(", ", IDENTITY_KEYS));
      }
      return;
    }
    if (!KEYS.contains(key)) {
      throw new ProviderException("PemTLS: bad configuration in " + origin + ": unknown key '"
          + key + "'" + hint(key) + "; the keys are " + String.join(", ", KEYS)
          + ", and identity.<label>." + String.join("/", IDENTITY_KEYS) + " for more "
          + "identities");
    }
  }

  /** Python's name for the key when it is one, else the nearest key to a typo. */
  private static String hint(String key) {
    String python = PythonNames.hint(key);
    return python.isEmpty() ? DidYouMean.hint(key, KEYS) : python;
  }

  /** The keys whose values are paths. */
  private static final List<String> PATH_KEYS = List.of("certfile", "keyfile", "cafile",
      "capath", "password_file", "keylog_filename");

  /** Checks what can be checked without reading files: syntax and combinations. */
  private void check() {
    for (Value v : values.values()) {
      if (v.text().isEmpty()) {
        throw error(v.key(), "the value is empty; give a value or remove the key");
      }
      if (PATH_KEYS.contains(v.key()) || v.key().startsWith(IDENTITY_PREFIX)
          && PATH_KEYS.contains(v.key().substring(v.key().lastIndexOf('.') + 1))) {
        try {
          v.path();
        } catch (InvalidPathException e) {
          throw error(v.key(), "'" + printable(v.text()) + "' is not a valid path: "
              + e.getReason() + "; check the value for stray characters");
        }
      }
    }
    verifyMode();
    checkHostname();
    minimumVersion();
    maximumVersion();
    reloadInterval();
    handshakeTimeout();
    if (has("keyfile") && !has("certfile")) {
      throw error("keyfile", "keyfile is set but certfile is not; set certfile to the "
          + "certificate chain that goes with the key");
    }
    for (String pw : List.of("password_file", "password_env")) {
      if (has(pw) && !has("certfile")) {
        throw error(pw, pw + " is set but certfile is not; a password only unlocks the key of "
            + "certfile/keyfile");
      }
    }
    if (has("password_file") && has("password_env")) {
      throw error("password_env", "both password_file and password_env are set; keep one");
    }
    for (String label : identityLabels()) {
      String p = IDENTITY_PREFIX + label + ".";
      if (!has(p + "certfile")) {
        throw error(keys().stream().filter(k -> k.startsWith(p)).findFirst().orElse(p),
            "the identity block '" + label + "' has no " + p + "certfile; set it to the "
            + "certificate chain of that identity");
      }
      if (has(p + "password_file") && has(p + "password_env")) {
        throw error(p + "password_env", "both " + p + "password_file and " + p
            + "password_env are set; keep one");
      }
      serverNames(label);
    }
    if (verifyMode() == VerifyMode.CERT_NONE && Boolean.TRUE.equals(checkHostname())) {
      throw error("check_hostname", "check_hostname=true needs verify_mode CERT_OPTIONAL or "
          + "CERT_REQUIRED, but verify_mode is CERT_NONE; remove one of them");
    }
  }

  /** {@code text} with control characters (a NUL, say) shown as {@code \\u0000}. */
  private static String printable(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
          : String.valueOf(c));
    }
    return b.toString();
  }

  /** The configuration file, or null when only system properties (or nothing) were given. */
  public Path file() {
    return file;
  }

  /** Whether {@code key} has a value. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The raw text of {@code key}, or null. */
  public String text(String key) {
    Value v = values.get(key);
    return v == null ? null : v.text();
  }

  /** {@code key}'s value as a path (resolved as the class javadoc says), or null. */
  public Path path(String key) {
    Value v = values.get(key);
    return v == null ? null : v.path();
  }

  /** Where {@code key}'s value came from: the file's path or the system property. */
  public String origin(String key) {
    Value v = values.get(key);
    return v == null ? "(unset)" : v.origin();
  }

  /** The keys that have values, in the order they were read. */
  public List<String> keys() {
    return new ArrayList<>(values.keySet());
  }

  /** The labels of the {@code identity.<label>.} blocks, sorted. */
  public List<String> identityLabels() {
    java.util.TreeSet<String> labels = new java.util.TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(IDENTITY_PREFIX)) {
        labels.add(key.substring(IDENTITY_PREFIX.length(), key.lastIndexOf('.')));
      }
    }
    return new ArrayList<>(labels);
  }

  /**
   * The host names of {@code identity.<label>.server_names}, lower-cased; empty when unset (the
   * block is then another key type of the default identity).
   */
  public List<String> serverNames(String label) {
    String key = IDENTITY_PREFIX + label + ".server_names";
    String t = text(key);
    List<String> names = new ArrayList<>();
    if (t == null) {
      return names;
    }
    for (String name : t.split("[,\\s]+")) {
      if (name.isEmpty()) {
        continue;
      }
      String host = name.startsWith("*.") ? name.substring(2) : name;
      if (!host.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
          + "[A-Za-z0-9])?)*") || host.length() > 253) {
        throw error(key, "'" + printable(name) + "' is not a host name; give names such as "
            + "shop.example.com, or *.example.com for every name under example.com, separated "
            + "by commas");
      }
      names.add(name.toLowerCase(java.util.Locale.ROOT));
    }
    if (names.isEmpty()) {
      throw error(key, "no host name given; list the names this identity serves, or remove "
          + "the key to add the identity to the default one");
    }
    return names;
  }

  /** {@code verify_mode}, or null when unset. */
  public VerifyMode verifyMode() {
    String t = text("verify_mode");
    if (t == null) {
      return null;
    }
    for (VerifyMode m : VerifyMode.values()) {
      if (m.name().equalsIgnoreCase(t)) {
        return m;
      }
    }
    List<String> names = new ArrayList<>();
    for (VerifyMode m : VerifyMode.values()) {
      names.add(m.name());
    }
    throw error("verify_mode", "'" + t + "' is not a verify mode" + DidYouMean.hint(t, names)
        + "; use CERT_NONE, CERT_OPTIONAL or CERT_REQUIRED");
  }

  /** {@code check_hostname}, or null when unset. */
  public Boolean checkHostname() {
    String t = text("check_hostname");
    if (t == null) {
      return null;
    }
    if (t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw error("check_hostname", "'" + t + "' is not a boolean; use true or false");
  }

  /** {@code handshake_timeout} (seconds, 0 for none), or null when unset. */
  public java.time.Duration handshakeTimeout() {
    String t = text("handshake_timeout");
    if (t == null) {
      return null;
    }
    try {
      java.math.BigDecimal seconds = new java.math.BigDecimal(t);
      if (seconds.signum() >= 0 && seconds.compareTo(java.math.BigDecimal.valueOf(86_400)) <= 0) {
        return java.time.Duration.ofMillis(seconds.movePointRight(3).longValue());
      }
    } catch (NumberFormatException e) {
      // the error below
    }
    throw error("handshake_timeout", "'" + t + "' is not a number of seconds from 0 to 86400; "
        + "use e.g. 30, or 0 for no limit");
  }

  /** {@code minimum_version}, or null when unset. */
  public TlsVersion minimumVersion() {
    return version("minimum_version");
  }

  /** {@code maximum_version}, or null when unset. */
  public TlsVersion maximumVersion() {
    return version("maximum_version");
  }

  /** {@code reload_interval}: default {@value #DEFAULT_RELOAD_SECONDS} s; zero means off. */
  public java.time.Duration reloadInterval() {
    String t = text("reload_interval");
    if (t == null) {
      return java.time.Duration.ofSeconds(DEFAULT_RELOAD_SECONDS);
    }
    try {
      long s = Long.parseLong(t);
      if (s >= 0 && s <= 86_400) {
        return java.time.Duration.ofSeconds(s);
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw error("reload_interval", "'" + t + "' is not a whole number of seconds from 0 to "
        + "86400; use e.g. 5 (the default), or 0 to turn reloading off");
  }

  private TlsVersion version(String key) {
    String t = text(key);
    if (t == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      if (v == TlsVersion.SSLv3) {
        continue; // never enabled
      }
      String jsse = v.jsseName() == null ? v.name() : v.jsseName();
      names.add(jsse);
      if (t.equals(jsse) || t.equals(v.name())) {
        return v;
      }
    }
    throw error(key, "'" + t + "' is not a TLS version" + DidYouMean.hint(t, names) + "; use "
        + String.join(", ", names));
  }

  /**
   * A {@link ProviderException} naming where {@code key} was set and what is wrong with it.
   * {@code problem} should say how to fix it.
   */
  public ProviderException error(String key, String problem) {
    return error(key, problem, null);
  }

  /** As {@link #error(String, String)}, keeping {@code cause}. */
  public ProviderException error(String key, String problem, Throwable cause) {
    Value v = values.get(key);
    String where = v == null ? (file == null ? "the defaults" : file.toString())
        : v.origin().startsWith("system property") ? v.origin() : v.origin() + ", key '" + key
            + "'";
    return new ProviderException("PemTLS: bad configuration in " + where + ": " + problem, cause);
  }

  /** The values set; password_file and password_env name where the password is, not it. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Config[file=").append(file);
    for (Value v : values.values()) {
      b.append(", ").append(v.key()).append('=').append(v.text());
    }
    return b.append(']').toString();
  }
}
