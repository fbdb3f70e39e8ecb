package dev.pemtls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python 3.7's {@code ssl.match_hostname}, {@code _dnsname_match} and {@code _ipaddress_match}
 * (as patched in 3.7.4, unchanged through 3.11): RFC 6125 matching on a certificate dictionary.
 *
 * <p>This is not what {@code check_hostname} uses: handshakes follow OpenSSL's {@code
 * X509_check_host} ({@code dev.pemtls.internal.trust.X509CheckHost}), which differs in details, e.g. it
 * never falls back to the common name when the certificate has any subjectAltName.
 */
final class PythonMatchHostname {
  private PythonMatchHostname() {}

  static void match(Map<String, ?> cert, String hostname) throws CertificateError {
    if (cert == null || cert.isEmpty()) {
      throw new IllegalArgumentException("empty or no certificate, match_hostname needs a SSL "
          + "socket or SSL context with either CERT_OPTIONAL or CERT_REQUIRED");
    }
    byte[] hostIp;
    try {
      hostIp = IpLiterals.paton(hostname);
    } catch (IllegalArgumentException e) {
      hostIp = null; // not an IP address (the common case)
    }
    List<String> dnsnames = new ArrayList<>();
    for (List<?> pair : tuples(cert.get("subjectAltName"))) {
      Object key = pair.get(0);
      String value = String.valueOf(pair.get(1));
      if ("DNS".equals(key)) {
        if (hostIp == null && dnsnameMatch(value, hostname)) {
          return;
        }
        dnsnames.add(value);
      } else if ("IP Address".equals(key)) {
        if (hostIp != null && Arrays.equals(IpLiterals.paton(PyStrings.rstrip(value)), hostIp)) {
          return;
        }
        dnsnames.add(value);
      }
    }
    if (dnsnames.isEmpty()) {
      // The subject is only checked when there is no DNS or IP entry in subjectAltName.
      for (List<?> rdn : tuples(cert.get("subject"))) {
        for (Object attribute : rdn) {
          List<?> pair = (List<?>) attribute;
          if ("commonName".equals(pair.get(0))) {
            String value = String.valueOf(pair.get(1));
            if (dnsnameMatch(value, hostname)) {
              return;
            }
            dnsnames.add(value);
          }
        }
      }
    }
    if (dnsnames.size() > 1) {
      List<String> reprs = new ArrayList<>();
      for (String n : dnsnames) {
        reprs.add(PyStrings.repr(n));
      }
      throw new CertificateError("hostname " + PyStrings.repr(hostname)
          + " doesn't match either of " + String.join(", ", reprs));
    } else if (dnsnames.size() == 1) {
      throw new CertificateError("hostname " + PyStrings.repr(hostname) + " doesn't match "
          + PyStrings.repr(dnsnames.get(0)));
    }
    throw new CertificateError("no appropriate commonName or subjectAltName fields were found");
  }

  /** RFC 6125 section 6.4.3 as Python applies it; raises for patterns it does not support. */
  static boolean dnsnameMatch(String dn, String hostname) throws CertificateError {
    if (dn.isEmpty()) {
      return false;
    }
    long wildcards = dn.chars().filter(c -> c == '*').count();
    if (wildcards == 0) {
      return lower(dn).equals(lower(hostname));
    }
    if (wildcards > 1) {
      throw new CertificateError("too many wildcards in certificate DNS name: "
          + PyStrings.repr(dn) + ".");
    }
    int dot = dn.indexOf('.');
    String leftmost = dot < 0 ? dn : dn.substring(0, dot);
    String remainder = dot < 0 ? "" : dn.substring(dot + 1);
    if (remainder.indexOf('*') >= 0) {
      throw new CertificateError("wildcard can only be present in the leftmost label: "
          + PyStrings.repr(dn) + ".");
    }
    if (dot < 0) {
      throw new CertificateError("sole wildcard without additional labels are not support: "
          + PyStrings.repr(dn) + ".");
    }
    if (!leftmost.equals("*")) {
      throw new CertificateError("partial wildcards in leftmost label are not supported: "
          + PyStrings.repr(dn) + ".");
    }
    int hostDot = hostname.indexOf('.');
    if (hostDot <= 0) {
      return false; // the wildcard must match at least one character
    }
    return lower(remainder).equals(lower(hostname.substring(hostDot + 1)));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static List<List<?>> tuples(Object value) {
    List<List<?>> out = new ArrayList<>();
    if (value instanceof List) {
      for (Object o : (List<?>) value) {
        out.add((List<?>) o);
      }
    }
    return out;
  }
}
