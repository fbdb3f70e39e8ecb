package dev.pemtls.internal.ciphers;

import java.util.ArrayList;
import java.util.List;

/**
 * What OpenSSL 3.0 makes of a cipher string: the TLS 1.2-and-below suites in preference order
 * (as {@code SSL_CTX_get_ciphers} lists them after the TLS 1.3 ones) and the security level the
 * string leaves set.
 *
 * @param suites the selected suites, OpenSSL's order, before any cut to what BCJSSE supports
 * @param securityLevel the last {@code @SECLEVEL=n}, else OpenSSL 3.0's default of 1
 */
public record Expansion(List<CipherSuite> suites, int securityLevel) {
  public Expansion {
    suites = List.copyOf(suites);
  }

  /** The suites BCJSSE can negotiate, in OpenSSL's order. */
  public List<CipherSuite> negotiable() {
    List<CipherSuite> out = new ArrayList<>();
    for (CipherSuite s : suites) {
      if (s.bcjsse()) {
        out.add(s);
      }
    }
    return out;
  }

  /** {@link #negotiable()} as JSSE names, for {@code SSLParameters.setCipherSuites}. */
  public List<String> jsseNames() {
    List<String> out = new ArrayList<>();
    for (CipherSuite s : negotiable()) {
      out.add(s.ianaName());
    }
    return out;
  }

  /** OpenSSL names, colon-separated, as {@code openssl ciphers} prints them. */
  public String openSslNames() {
    StringBuilder b = new StringBuilder();
    for (CipherSuite s : suites) {
      if (b.length() > 0) {
        b.append(':');
      }
      b.append(s.name());
    }
    return b.toString();
  }
}
