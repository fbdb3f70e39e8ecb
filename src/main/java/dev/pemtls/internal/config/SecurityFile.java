package dev.pemtls.internal.config;

import dev.pemtls.provider.PemTlsProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code security.provider.N} list of a {@code -Djava.security.properties=FILE}: writing one
 * that installs PemTLS and cannot fall back ({@link #text}), and checking one ({@link #check}).
 *
 * <p>A file given with one '=' is read on top of the JDK's {@code java.security}: each entry N
 * replaces the JDK's entry N, and the JDK reads the list until the first missing number. So the
 * file repeats the JDK's list, every entry moved down by one after PemTLS, and leaves SunJSSE
 * out: when the PemTLS jar is missing TLS then fails ("Default SSLContext not available")
 * instead of running on SunJSSE and cacerts.
 */
public final class SecurityFile {
  private static final String PREFIX = "security.provider.";
  /** SunJSSE by name, and the class names old files use for it. */
  private static final List<String> SUNJSSE = List.of("SunJSSE", "sun.security.ssl.SunJSSE",
      "com.sun.net.ssl.internal.ssl.Provider");

  private SecurityFile() {}

  /**
   * The provider list for {@code config} (null: no argument; the JVM then needs {@code
   * -Dpemtls.config}): PemTLS, then this JDK's own providers without SunJSSE.
   *
   * @throws IOException when this JDK's {@code conf/security/java.security} cannot be read
   */
  public static String text(Path config) throws IOException {
    Path javaSecurity = javaSecurity();
    StringBuilder out = new StringBuilder("# PemTLS first, then this JDK's list ("
        + javaSecurity + ") renumbered, without SunJSSE so that nothing can fall back to it\n");
    out.append(PREFIX).append("1=").append(PemTlsProvider.NAME)
        .append(config == null ? "" : " " + config.toAbsolutePath()).append('\n');
    int n = 2;
    for (String provider : read(javaSecurity).values()) {
      String name = name(provider);
      if (!name.equals(PemTlsProvider.NAME) && !SUNJSSE.contains(name)) {
        out.append(PREFIX).append(n++).append('=').append(provider).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * What the JVM's provider list would be with {@code file} read on top of this JDK's {@code
   * java.security}, and what is wrong with it: a missing SUN (certificates cannot be parsed), a
   * list that can fall back to SunJSSE (PemTLS absent, or SunJSSE listed), numbers after a gap
   * (ignored by the JDK) and JDK providers left out.
   *
   * @return report lines; those starting "ERROR" are problems that must be fixed
   * @throws IOException when a file cannot be read
   */
  public static List<String> check(Path file) throws IOException {
    Map<Integer, String> own = read(file);
    Map<Integer, String> jdk = read(javaSecurity());
    Map<Integer, String> merged = new TreeMap<>(jdk);
    merged.putAll(own);
    List<String> out = new ArrayList<>();
    out.add("security file: " + file + " (read on top of " + javaSecurity() + ", as "
        + "-Djava.security.properties=FILE does)");
    List<String> effective = new ArrayList<>();
    for (int n = 1; merged.containsKey(n); n++) {
      effective.add(merged.get(n));
      out.add("  " + n + ". " + merged.get(n) + (own.containsKey(n) ? "" : "   (from the JDK)"));
    }
    for (Map.Entry<Integer, String> e : own.entrySet()) {
      if (e.getKey() > effective.size() + 1 || e.getKey() < 1) {
        out.add("ERROR: " + PREFIX + e.getKey() + "=" + e.getValue() + " is ignored: the JDK "
            + "stops reading the list at the first missing number (" + PREFIX
            + (effective.size() + 1) + "); number the entries 1, 2, 3, ... without gaps");
      }
    }
    List<String> names = new ArrayList<>();
    for (String p : effective) {
      names.add(name(p));
    }
    int pemtls = names.indexOf(PemTlsProvider.NAME);
    int sunJsse = -1;
    for (String s : SUNJSSE) {
      sunJsse = Math.max(sunJsse, names.indexOf(s));
    }
    if (!names.contains("SUN")) {
      out.add("ERROR: SUN is not in the list: certificates cannot be parsed (\"X.509 not found\")"
          + "; add SUN right after PemTLS (see 'pemtls config-check --print-security CONF')");
    }
    if (pemtls < 0) {
      out.add("ERROR: PemTLS is not in the list: " + (sunJsse >= 0 ? "SunJSSE answers TLS with "
          + "the JDK's defaults" : "no provider answers TLS") + "; add " + PREFIX + "1="
          + PemTlsProvider.NAME + " /path/pemtls.conf");
    } else if (sunJsse >= 0) {
      out.add("ERROR: SunJSSE is in the list (" + (sunJsse + 1) + ".): it answers TLS "
          + (sunJsse < pemtls ? "before PemTLS does" : "whenever PemTLS cannot be loaded (its "
              + "jar missing from the class path) and for code that asks for it by name")
          + "; remove it (keep it only on purpose, see src/docs/provider.md)");
    }
    for (String p : jdk.values()) {
      String name = name(p);
      if (!SUNJSSE.contains(name) && !names.contains(name)) {
        out.add("WARNING: the JDK's provider " + name + " is not in the list; what it offers "
            + "(see java.security) is unavailable");
      }
    }
    if (out.stream().noneMatch(l -> l.startsWith("ERROR"))) {
      out.add("OK: PemTLS answers TLS and nothing can fall back to SunJSSE");
    }
    return out;
  }

  /**
   * The config file named by {@code file}'s PemTLS entry (the text after "PemTLS"), or null when
   * it has none or names none.
   *
   * @throws IOException when the file cannot be read
   */
  public static String pemtlsArgument(Path file) throws IOException {
    for (String entry : read(file).values()) {
      if (name(entry).equals(PemTlsProvider.NAME)) {
        String arg = entry.strip().substring(PemTlsProvider.NAME.length()).strip();
        return arg.isEmpty() ? null : arg;
      }
    }
    return null;
  }

  /**
   * The PemTLS entry of {@code file} itself: its key ({@code security.provider.N}), the line it
   * is on (1-based; 0 when it spans lines in a way not found), and its config argument (null when
   * it names none). Null when the file has no PemTLS entry.
   *
   * @throws IOException when the file cannot be read
   */
  public static PemTlsEntry pemtlsEntry(Path file) throws IOException {
    for (Map.Entry<Integer, String> e : read(file).entrySet()) {
      if (name(e.getValue()).equals(PemTlsProvider.NAME)) {
        String key = PREFIX + e.getKey();
        String arg = e.getValue().strip().substring(PemTlsProvider.NAME.length()).strip();
        return new PemTlsEntry(key, lineOf(file, key), arg.isEmpty() ? null : arg);
      }
    }
    return null;
  }

  /** A security file's PemTLS entry: see {@link #pemtlsEntry}. */
  public record PemTlsEntry(String key, int line, String argument) {
    /** "security.provider.1 (line 3 of FILE)", for messages. */
    public String where(Path file) {
      return key + " (" + (line > 0 ? "line " + line + " of " : "in ") + file + ")";
    }
  }

  /** The 1-based line of {@code file} on which {@code key} is set; 0 when not found. */
  private static int lineOf(Path file, String key) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).stripLeading();
      if (l.startsWith(key) && l.length() > key.length()
          && "=: \t".indexOf(l.charAt(key.length())) >= 0) {
        return i + 1;
      }
    }
    return 0;
  }

  private static Path javaSecurity() {
    return Path.of(System.getProperty("java.home"), "conf", "security", "java.security");
  }

  /** The provider name of an entry: its first word ("PemTLS /etc/pemtls.conf" is PemTLS). */
  private static String name(String entry) {
    String s = entry.strip();
    int space = s.indexOf(' ');
    return space < 0 ? s : s.substring(0, space);
  }

  /** The {@code security.provider.N} entries of a properties file, by number. */
  private static Map<Integer, String> read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      p.load(r);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a properties file: " + e.getMessage(), e);
    }
    Map<Integer, String> out = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(PREFIX)) {
        try {
          out.put(Integer.parseInt(key.substring(PREFIX.length())), p.getProperty(key).strip());
        } catch (NumberFormatException e) {
          // security.provider.foo is no entry; the JDK ignores it too
        }
      }
    }
    return out;
  }
}
