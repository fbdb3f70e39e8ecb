package dev.pemtls.internal.ciphers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslError;
import dev.pemtls.testing.OpenSslBinary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expands every string of {@code cipher-strings.txt} with PemTLS and with the openssl 3.0 binary
 * and requires the same outcome: both fail, or the same suites in the same order, both in full
 * and cut to what BCJSSE negotiates, and the same {@code -s} (security level) view.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class OpenSslCorpusTest {
  private static List<String> corpus;
  private static Set<String> binaryKnows;

  @BeforeAll
  static void setUp() throws IOException {
    OpenSslBinary.assume30();
    corpus = new ArrayList<>();
    try (InputStream in = OpenSslCorpusTest.class.getResourceAsStream("cipher-strings.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          corpus.add(line);
        }
      }
    }
    binaryKnows = new HashSet<>(OpenSslBinary.run("ciphers", "ALL:COMPLEMENTOFALL").names());
  }

  private static List<String> names(List<CipherSuite> suites) {
    List<String> out = new ArrayList<>();
    for (CipherSuite s : suites) {
      out.add(s.name());
    }
    return out;
  }

  private static List<String> cutToBinary(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (binaryKnows.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static List<String> cutToBcjsse(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (CipherTable.get().byName(n).map(CipherSuite::bcjsse).orElse(false)) {
        out.add(n);
      }
    }
    return out;
  }

  private static boolean isTls13(String name) {
    return CipherTable.get().byName(name).map(CipherSuite::isTls13).orElse(false);
  }

  /** Null when PemTLS agrees with openssl on {@code rule}, else a description of the mismatch. */
  private static String compare(String rule) {
    OpenSslBinary.Result plain = OpenSslBinary.run("ciphers", "--", rule);
    Expansion ours;
    try {
      ours = CipherStrings.expandOrThrow(rule);
    } catch (SslError e) {
      ours = null;
    }
    if (plain.exit() != 0 || ours == null) {
      return (plain.exit() != 0) == (ours == null) ? null
          : "[" + rule + "] openssl exit " + plain.exit() + ", PemTLS "
              + (ours == null ? "error" : ours.openSslNames());
    }
    List<String> theirs = plain.names();
    int k = 0;
    while (k < theirs.size() && isTls13(theirs.get(k))) {
      k++;
    }
    List<String> theirs12 = theirs.subList(k, theirs.size());
    List<String> mine = cutToBinary(names(ours.suites()));
    if (!mine.equals(theirs12)) {
      return "[" + rule + "] full order differs\n  openssl: " + theirs12 + "\n  PemTLS:  " + mine;
    }
    if (!cutToBcjsse(mine).equals(cutToBcjsse(theirs12))) {
      return "[" + rule + "] BCJSSE cut differs";
    }
    List<String> tls13 = theirs.subList(0, k);
    List<CipherSuite> withTls13 = new ArrayList<>();
    try {
      withTls13.addAll(CipherStrings.tls13(CipherStrings.DEFAULT_CIPHERSUITES));
    } catch (SslError e) {
      throw new AssertionError(e);
    }
    if (!names(withTls13).equals(tls13)) {
      return "[" + rule + "] TLS 1.3 prefix differs: " + tls13;
    }
    withTls13.addAll(ours.suites());
    List<String> supported = OpenSslBinary.run("ciphers", "-s", "--", rule).names();
    List<String> mineSupported = names(SecurityFilter.filter(withTls13, ours.securityLevel(),
        SecurityFilter.SSL3_VERSION, SecurityFilter.TLS1_3_VERSION));
    if (!cutToBinary(mineSupported).equals(supported)) {
      return "[" + rule + "] -s view differs\n  openssl: " + supported + "\n  PemTLS:  "
          + mineSupported;
    }
    return null;
  }

  @Test
  void everyCorpusStringExpandsExactlyAsOpenSsl30Does() throws Exception {
    assertTrue(corpus.size() >= 150, "corpus has " + corpus.size() + " strings");
    // openssl start-up dominates; a few parallel processes keep the class well under a minute.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> results = new ArrayList<>();
    for (String rule : corpus) {
      results.add(pool.submit(() -> compare(rule)));
    }
    List<String> mismatches = new ArrayList<>();
    for (Future<String> f : results) {
      String m = f.get();
      if (m != null) {
        mismatches.add(m);
      }
    }
    pool.shutdown();
    System.out.println("cipher corpus: " + (corpus.size() - mismatches.size()) + " of "
        + corpus.size() + " strings match openssl exactly (full, BCJSSE cut and -s view)");
    assertEquals(List.of(), mismatches);
  }

  @Test
  void tls13ListsMatchOpenSslCiphersuites() {
    String[] lists = {
      "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256:FOO", "FOO", "",
      " TLS_AES_128_GCM_SHA256 : TLS_AES_256_GCM_SHA384",
      "TLS_AES_128_GCM_SHA256::TLS_AES_128_GCM_SHA256", "tls_aes_128_gcm_sha256",
      "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384", ":",
      "TLS_AES_128_CCM_8_SHA256:TLS_AES_128_CCM_SHA256:TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", CipherStrings.DEFAULT_CIPHERSUITES,
    };
    for (String list : lists) {
      // A kRSA-only cipher string keeps the TLS 1.2 part short and fixed.
      OpenSslBinary.Result r =
          OpenSslBinary.run("ciphers", "-ciphersuites", list, "kRSA+AESGCM");
      List<String> mine;
      try {
        mine = names(CipherStrings.tls13(list));
      } catch (SslError e) {
        mine = null;
      }
      if (r.exit() != 0) {
        assertEquals(null, mine, "openssl rejects '" + list + "'");
        continue;
      }
      List<String> theirs = new ArrayList<>(r.names());
      theirs.removeAll(List.of("AES256-GCM-SHA384", "AES128-GCM-SHA256"));
      assertEquals(theirs, mine, "TLS 1.3 list '" + list + "'");
    }
  }
}
