package dev.pemtls.internal.config;

import dev.pemtls.SniCallback;
import dev.pemtls.SniConnection;
import dev.pemtls.SslContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The config's {@code identity.<label>.server_names} as an {@link SniCallback}: the client's SNI
 * picks the context holding that name's identities, as nginx picks a server block. An exact name
 * wins over a wildcard; among wildcards ({@code *.example.com}: any name ending in {@code
 * .example.com}, at any depth, as nginx matches) the longest wins. No SNI, or a name no block
 * lists, keeps the default identity.
 */
final class ConfiguredServerNames implements SniCallback {
  private final Map<String, SslContext> byName;
  private final List<String> wildcards; // the suffixes, ".example.com", longest first

  ConfiguredServerNames(Map<String, SslContext> byName) {
    this.byName = Map.copyOf(byName);
    this.wildcards = byName.keySet().stream().filter(n -> n.startsWith("*."))
        .map(n -> n.substring(1)).sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  @Override
  public Integer call(SniConnection connection, String serverName, SslContext context) {
    SslContext chosen = serverName == null ? null : lookup(serverName.toLowerCase(Locale.ROOT));
    if (chosen != null) {
      connection.setContext(chosen);
    }
    return null;
  }

  private SslContext lookup(String name) {
    SslContext exact = byName.get(name);
    if (exact != null) {
      return exact;
    }
    for (String suffix : wildcards) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return byName.get("*" + suffix);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "server_names " + byName.keySet();
  }
}
