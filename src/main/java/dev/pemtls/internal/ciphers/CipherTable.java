package dev.pemtls.internal.ciphers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every cipher suite OpenSSL 3.0 knows, loaded from {@code openssl-3.0-ciphers.txt} next to this
 * class (one suite a line, sorted by id as OpenSSL sorts {@code ssl3_ciphers}).
 */
public final class CipherTable {
  private static final String RESOURCE = "openssl-3.0-ciphers.txt";
  private static final CipherTable INSTANCE = load();

  private final List<CipherSuite> all;
  private final Map<String, CipherSuite> byName = new HashMap<>();
  private final Map<String, CipherSuite> byIana = new HashMap<>();
  private final Map<Integer, CipherSuite> byId = new HashMap<>();
  /** Default-build TLS 1.2-and-below suites in {@code ssl_cipher_collect_ciphers} order. */
  private final CipherSuite[] collected;

  private CipherTable(List<CipherSuite> suites) {
    this.all = Collections.unmodifiableList(suites);
    List<CipherSuite> coll = new ArrayList<>();
    for (CipherSuite s : suites) {
      byName.put(s.name(), s);
      byIana.put(s.ianaName(), s);
      byId.put(s.id(), s);
    }
    // ssl3_get_cipher(i) returns ssl3_ciphers[N - 1 - i] of the id-sorted table, so OpenSSL
    // collects the suites in descending id order; ties in every later rule keep that order.
    for (int i = suites.size() - 1; i >= 0; i--) {
      CipherSuite s = suites.get(i);
      if (s.inDefaultBuild() && !s.isTls13()) {
        coll.add(s);
      }
    }
    this.collected = coll.toArray(new CipherSuite[0]);
  }

  /** The table. */
  public static CipherTable get() {
    return INSTANCE;
  }

  /** All suites, TLS 1.3 ones included, sorted by id. */
  public List<CipherSuite> all() {
    return all;
  }

  /** Looks a suite up by its OpenSSL name (case-sensitive, as OpenSSL). */
  public Optional<CipherSuite> byName(String openSslName) {
    return Optional.ofNullable(byName.get(openSslName));
  }

  /** Looks a suite up by its IANA/JSSE name. */
  public Optional<CipherSuite> byIanaName(String ianaName) {
    return Optional.ofNullable(byIana.get(ianaName));
  }

  /** Looks a suite up by its 2-byte code point. */
  public Optional<CipherSuite> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  CipherSuite[] collected() {
    return collected;
  }

  private static CipherTable load() {
    List<CipherSuite> suites = new ArrayList<>();
    try (InputStream in = CipherTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        suites.add(parse(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CipherTable(suites);
  }

  private static CipherSuite parse(String line) {
    String[] f = line.split("\\|");
    if (f.length != 13) {
      throw new IllegalStateException("cipher table: bad line " + line);
    }
    int flags = 0;
    for (String t : f[10].split("\\+")) {
      flags |= Bits.lookup(Bits.STRENGTH, t, "flags");
    }
    return new CipherSuite(Integer.decode(f[0]), f[1], f[2], f[3], f[4], f[5], f[6],
        Bits.lookup(Bits.VERSION, f[7], "version"), Integer.parseInt(f[8]),
        Integer.parseInt(f[9]), flags, f[11].equals("Y"), f[12].equals("Y"));
  }
}
