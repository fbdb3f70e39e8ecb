package dev.pemtls.internal.ciphers;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * OpenSSL 3.0 cipher strings ({@code SSL_CTX_set_cipher_list}) and TLS 1.3 cipher suite lists
 * ({@code SSL_CTX_set_ciphersuites}), expanded exactly as OpenSSL expands them.
 *
 * <p>The engine runs over every suite a default OpenSSL 3.0 build offers; each rule keeps
 * relative order, so cutting the result to what BCJSSE supports afterwards gives OpenSSL's order
 * for that subset.
 *
 * <p><b>Suites OpenSSL would select but BCJSSE cannot serve.</b> A string such as {@code PSK} or
 * {@code SRP} is valid for OpenSSL but selects nothing PemTLS can negotiate. {@link #negotiable}
 * never returns an empty list: it raises the same {@code NO_CIPHER_MATCH} error Python raises for
 * an empty selection, and its text says which suites OpenSSL would have chosen, so that a context
 * never ends up silently unable to handshake.
 */
public final class CipherStrings {
  /** {@code SSL_DEFAULT_CIPHER_LIST} / {@code OSSL_default_cipher_list()} of OpenSSL 3.0. */
  public static final String DEFAULT_CIPHER_LIST = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";
  /** {@code OSSL_default_ciphersuites()} of OpenSSL 3.0. */
  public static final String DEFAULT_CIPHERSUITES =
      "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
  /** OpenSSL 3.0's default security level. */
  public static final int DEFAULT_SECURITY_LEVEL = 1;

  private static final CipherOrder PREFERENCE =
      CipherOrder.preferenceOrdered(CipherTable.get().collected());
  private static final Map<String, CipherSuite> BY_NAME = new HashMap<>();

  static {
    for (CipherSuite s : CipherTable.get().collected()) {
      BY_NAME.put(s.name(), s);
    }
  }

  private CipherStrings() {}

  /**
   * The full OpenSSL 3.0 selection for {@code rule}, in order, before cutting to BCJSSE; mirrors
   * {@code ssl_create_cipher_list}. An empty selection is returned as such (OpenSSL's
   * {@code SSL_CTX_set_cipher_list} would then fail; see {@link #expandOrThrow}).
   *
   * @throws SslError {@code INVALID_COMMAND} for characters OpenSSL rejects or a bad {@code @}
   *     command
   */
  public static List<CipherSuite> expand(String rule) throws SslError {
    return expandRule(rule).suites();
  }

  /** As {@link #expand}, also giving the security level the string sets. */
  public static Expansion expandRule(String rule) throws SslError {
    String r = suiteB(rule);
    CipherOrder order = PREFERENCE.copy();
    RuleParser parser = new RuleParser(BY_NAME);
    // "DEFAULT" counts only as a prefix; elsewhere it is an unknown word.
    if (r.startsWith("DEFAULT")) {
      parser.process(DEFAULT_CIPHER_LIST, order);
      r = r.substring(7);
      if (r.startsWith(":")) {
        r = r.substring(1);
      }
    }
    if (!r.isEmpty()) {
      parser.process(r, order);
    }
    int level = parser.secLevel >= 0 ? parser.secLevel : DEFAULT_SECURITY_LEVEL;
    return new Expansion(order.activeSuites(), level);
  }

  /**
   * {@code SSL_CTX_set_cipher_list}: as {@link #expandRule}, but an empty selection is an error
   * ({@code NO_CIPHER_MATCH}, Python's "No cipher can be selected.").
   */
  public static Expansion expandOrThrow(String rule) throws SslError {
    Expansion e = expandRule(rule);
    if (e.suites().isEmpty()) {
      throw Reason.SSL_NO_CIPHER_MATCH.error("No cipher can be selected. Cipher string '" + rule + "' matches no cipher suite.");
    }
    return e;
  }

  /**
   * Python's {@code SSLContext.set_ciphers}: the BCJSSE-negotiable suites of {@code rule}, as JSSE
   * names in OpenSSL's order. Never empty: if OpenSSL would select only suites BCJSSE cannot
   * negotiate, raises {@code NO_CIPHER_MATCH} naming some of them.
   */
  public static List<String> negotiable(String rule) throws SslError {
    Expansion e = expandOrThrow(rule);
    List<String> names = e.jsseNames();
    if (names.isEmpty()) {
      StringJoiner few = new StringJoiner(", ");
      List<CipherSuite> all = e.suites();
      for (int i = 0; i < Math.min(4, all.size()); i++) {
        few.add(all.get(i).name());
      }
      throw Reason.SSL_NO_CIPHER_MATCH.error("No cipher can be selected. OpenSSL would "
          + "select only suites PemTLS cannot negotiate for '" + rule + "': " + few
          + (all.size() > 4 ? " and " + (all.size() - 4) + " more" : "") + ".");
    }
    return names;
  }

  /**
   * What a PemTLS context enables for {@code rule}: the {@link #negotiable} suites that also pass
   * OpenSSL's handshake-time filter at the string's security level ({@code ssl_cipher_disabled}:
   * too few strength bits, no authentication, MD5, SHA-1 MACs above level 3, no forward secrecy
   * from level 3). OpenSSL applies that filter only when it builds a ClientHello or picks a suite,
   * so a string whose suites are all below its level fails there; PemTLS fails here instead, with
   * {@code NO_CIPHER_MATCH}, so that a context never holds a list it cannot use.
   *
   * @return the usable suites, in OpenSSL's order, with the string's security level
   */
  public static Expansion usable(String rule) throws SslError {
    negotiable(rule); // raises, with its explanation, when BCJSSE could serve none
    Expansion e = expandRule(rule);
    List<CipherSuite> ok = SecurityFilter.filter(e.negotiable(), e.securityLevel(),
        SecurityFilter.SSL3_VERSION, SecurityFilter.TLS1_2_VERSION);
    if (ok.isEmpty()) {
      throw Reason.SSL_NO_CIPHER_MATCH.error("No cipher can be selected. Every suite '"
          + rule + "' selects is refused at security level " + e.securityLevel()
          + "; lower it with @SECLEVEL=n only if you accept weaker suites.");
    }
    return new Expansion(ok, e.securityLevel());
  }

  /**
   * {@code check_suiteb_cipher_list}: a string starting with a Suite B keyword is replaced
   * whole by that mode's suites; whatever follows the keyword is ignored.
   */
  private static String suiteB(String rule) {
    if (rule.startsWith("SUITEB128ONLY")) {
      return "ECDHE-ECDSA-AES128-GCM-SHA256";
    } else if (rule.startsWith("SUITEB128C2")) {
      return "ECDHE-ECDSA-AES256-GCM-SHA384";
    } else if (rule.startsWith("SUITEB128")) {
      return "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384";
    } else if (rule.startsWith("SUITEB192")) {
      return "ECDHE-ECDSA-AES256-GCM-SHA384";
    }
    return rule;
  }

  /**
   * {@code SSL_CTX_set_ciphersuites}: the TLS 1.3 suite list. Elements are separated by
   * {@code ':'} only and trimmed of white space; names are IANA names, case-sensitive; unknown
   * names are skipped; duplicates are kept. As in OpenSSL 3.0 any standard name the default
   * build knows is accepted, even a TLS 1.2 one, which then leads the final list. An empty string
   * gives an empty list (TLS 1.3 disabled); a non-empty string that names nothing known is an
   * error ({@code NO_CIPHER_MATCH}).
   */
  public static List<CipherSuite> tls13(String list) throws SslError {
    List<CipherSuite> out = new ArrayList<>();
    if (list.isEmpty()) {
      return out;
    }
    int start = 0;
    while (true) {
      int colon = list.indexOf(':', start);
      String elem = (colon < 0 ? list.substring(start) : list.substring(start, colon)).strip();
      CipherSuite s = CipherTable.get().byIanaName(elem).orElse(null);
      if (s != null && s.inDefaultBuild()) {
        out.add(s);
      }
      if (colon < 0) {
        break;
      }
      start = colon + 1;
    }
    if (out.isEmpty()) {
      throw Reason.SSL_NO_CIPHER_MATCH.error("No cipher can be selected. TLS 1.3 suite list '" + list + "' names no known suite.");
    }
    return out;
  }
}
