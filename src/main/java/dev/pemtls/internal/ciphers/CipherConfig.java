package dev.pemtls.internal.ciphers;

import dev.pemtls.SslError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A context's cipher settings as one immutable value: the {@code set_ciphers} string with what it
 * selects (and its security level), and the TLS 1.3 suites of {@code set_ciphersuites}.
 */
public final class CipherConfig {
  private final String cipherString;
  private final Expansion selection;
  private final List<CipherSuite> tls13;

  private CipherConfig(String cipherString, Expansion selection, List<CipherSuite> tls13) {
    this.cipherString = cipherString;
    this.selection = selection;
    this.tls13 = List.copyOf(tls13);
  }

  /** {@code cipherString} for TLS 1.2 and older, OpenSSL's default TLS 1.3 suites. */
  /**
   * Python's default context ciphers ({@code PY_SSL_DEFAULT_CIPHERS}) and OpenSSL's default TLS
   * 1.3 suites, expanded once per JVM: every new context starts from this immutable value.
   */
  public static CipherConfig pythonDefault() {
    return PythonDefault.VALUE;
  }

  /** Python 3.10+'s default cipher string ({@code _DEFAULT_CIPHERS}). */
  public static final String PYTHON_DEFAULT_CIPHERS = "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:"
      + "ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM";

  private static final class PythonDefault {
    static final CipherConfig VALUE;

    static {
      try {
        VALUE = of(PYTHON_DEFAULT_CIPHERS);
      } catch (SslError e) {
        throw new IllegalStateException("Python's default cipher string selects nothing: " + e, e);
      }
    }
  }

  public static CipherConfig of(String cipherString) throws SslError {
    return new CipherConfig(cipherString, CipherStrings.usable(cipherString),
        negotiable(CipherStrings.tls13(CipherStrings.DEFAULT_CIPHERSUITES)));
  }

  /** This config with another {@code set_ciphers} string; see {@link CipherStrings#usable}. */
  public CipherConfig withCiphers(String cipherString) throws SslError {
    Objects.requireNonNull(cipherString, "cipherString");
    return new CipherConfig(cipherString, CipherStrings.usable(cipherString), tls13);
  }

  /** This config with other TLS 1.3 suites; see {@link CipherStrings#tls13}. */
  public CipherConfig withCiphersuites(String suites) throws SslError {
    return new CipherConfig(cipherString, selection,
        negotiable(CipherStrings.tls13(Objects.requireNonNull(suites, "suites"))));
  }

  /** The {@code set_ciphers} string. */
  public String cipherString() {
    return cipherString;
  }

  /** The security level the cipher string sets ({@code @SECLEVEL=n}; OpenSSL's default 1). */
  public int securityLevel() {
    return selection.securityLevel();
  }

  /**
   * The JSSE suite names to enable, in preference order: the TLS 1.3 suites first (those the
   * security level allows), then the cipher string's, as OpenSSL lists them.
   */
  public List<String> jsseSuites() {
    List<String> out = new ArrayList<>();
    for (CipherSuite s : SecurityFilter.filter(tls13, securityLevel(),
        SecurityFilter.TLS1_3_VERSION, SecurityFilter.TLS1_3_VERSION)) {
      out.add(s.ianaName());
    }
    out.addAll(selection.jsseNames());
    return out;
  }

  /** {@link #jsseSuites()} as Python's {@code get_ciphers()} dictionaries. */
  public List<java.util.Map<String, Object>> dicts() {
    List<java.util.Map<String, Object>> out = new ArrayList<>();
    for (String jsse : jsseSuites()) {
      out.add(CipherDict.of(CipherTable.get().byIanaName(jsse).orElseThrow()));
    }
    return out;
  }

  private static List<CipherSuite> negotiable(List<CipherSuite> suites) {
    List<CipherSuite> out = new ArrayList<>();
    for (CipherSuite s : suites) {
      if (s.bcjsse()) {
        out.add(s);
      }
    }
    return out;
  }
}
