package dev.pemtls.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a {@code -Djava.security.properties=FILE} that installs PemTLS first: the running
 * JDK's own {@code security.provider.N} list, each moved down by one, after {@code
 * security.provider.1=PemTLS CONFIG}. The JDK reads the list until the first missing number, so
 * adding one line alone would replace SUN instead of adding PemTLS.
 */
public final class SecurityFile {
  private static final Pattern ENTRY = Pattern.compile("^security\\.provider\\.(\\d+)=(.*)$");

  private SecurityFile() {}

  /**
   * The provider list for {@code config} (null: no argument; the JVM then needs {@code
   * -Dpemtls.config}).
   *
   * @throws IOException when this JDK's {@code conf/security/java.security} cannot be read
   */
  public static String text(Path config) throws IOException {
    Path javaSecurity = Path.of(System.getProperty("java.home"), "conf", "security",
        "java.security");
    Map<Integer, String> jdk = new TreeMap<>();
    for (String line : Files.readAllLines(javaSecurity)) {
      Matcher m = ENTRY.matcher(line.strip());
      if (m.matches()) {
        jdk.put(Integer.parseInt(m.group(1)), m.group(2).strip());
      }
    }
    StringBuilder out = new StringBuilder("# PemTLS first, then this JDK's list ("
        + javaSecurity + ") renumbered\n");
    out.append("security.provider.1=").append(PemTlsProvider.NAME)
        .append(config == null ? "" : " " + config.toAbsolutePath()).append('\n');
    int n = 2;
    for (String provider : jdk.values()) {
      if (!provider.equals(PemTlsProvider.NAME)
          && !provider.startsWith(PemTlsProvider.NAME + " ")) {
        out.append("security.provider.").append(n++).append('=').append(provider).append('\n');
      }
    }
    return out.toString();
  }
}
