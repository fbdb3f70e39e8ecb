package dev.pemtls.internal.trust;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Host-name checks as OpenSSL's {@code X509_check_host} and {@code X509_check_ip} perform them
 * with the flags CPython sets for {@code check_hostname} ({@code
 * X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS}).
 *
 * <ul>
 *   <li>A host name is compared, ignoring ASCII case, with the certificate's dNSName SANs; only
 *       when it has none, with each commonName of the subject.
 *   <li>A wildcard is a whole left-most label {@code *}, followed by at least two labels; it
 *       matches exactly one non-empty label. {@code f*.example.com} never matches.
 *   <li>An IP address (v4 or v6 literal) matches only iPAddress SANs, never a DNS name or the CN.
 * </ul>
 */
public final class X509CheckHost {
  private X509CheckHost() {}

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /** Whether {@code host} is an IPv4 dotted quad or an IPv6 literal (brackets allowed). */
  public static boolean isIpLiteral(String host) {
    return ipBytes(host) != null;
  }

  /**
   * Checks {@code host} against {@code cert}.
   *
   * @throws VerificationFailure with {@link VerifyCode#HOSTNAME_MISMATCH} (62) or {@link
   *     VerifyCode#IP_ADDRESS_MISMATCH} (64) when it does not match
   */
  public static void check(X509Certificate cert, String host) throws VerificationFailure {
    byte[] ip = ipBytes(host);
    if (ip != null) {
      if (!matchesIp(cert, ip)) {
        throw new VerificationFailure(VerifyCode.IP_ADDRESS_MISMATCH, 0,
            "IP address '" + host + "' is not among the certificate's IP address SANs");
      }
      return;
    }
    if (!matchesHost(cert, host)) {
      throw new VerificationFailure(VerifyCode.HOSTNAME_MISMATCH, 0,
          "host name '" + host + "' matches none of " + namesOf(cert));
    }
  }

  static boolean matchesHost(X509Certificate cert, String host) {
    String h = stripTrailingDot(host).toLowerCase(Locale.ROOT);
    List<String> dnsNames = sans(cert, SAN_DNS);
    List<String> candidates = dnsNames.isEmpty() ? commonNames(cert) : dnsNames;
    for (String pattern : candidates) {
      if (matchesPattern(pattern.toLowerCase(Locale.ROOT), h)) {
        return true;
      }
    }
    return false;
  }

  /** OpenSSL's equal_wildcard with NO_PARTIAL_WILDCARDS, for lower-cased inputs. */
  static boolean matchesPattern(String pattern, String host) {
    pattern = stripTrailingDot(pattern);
    if (host.isEmpty() || pattern.isEmpty()) {
      return false;
    }
    if (!pattern.startsWith("*.")) {
      return pattern.indexOf('*') < 0 && pattern.equals(host);
    }
    String suffix = pattern.substring(1); // ".example.com"
    if (suffix.indexOf('*') >= 0 || suffix.indexOf('.', 1) < 0) {
      return false; // a second star, or fewer than two labels after the wildcard
    }
    int firstDot = host.indexOf('.');
    return firstDot > 0 && host.substring(firstDot).equals(suffix);
  }

  private static boolean matchesIp(X509Certificate cert, byte[] ip) {
    for (String san : sans(cert, SAN_IP)) {
      byte[] other = ipBytes(san);
      if (other != null && Arrays.equals(other, ip)) {
        return true;
      }
    }
    return false;
  }

  private static String stripTrailingDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** The address bytes of an IP literal, or null; never consults DNS. */
  static byte[] ipBytes(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    String h = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    boolean v6 = h.indexOf(':') >= 0;
    if (!v6 && !isDottedQuad(h)) {
      return null;
    }
    if (v6 && !h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return null;
    }
    try {
      return InetAddress.getByName(h).getAddress(); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isDottedQuad(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static List<String> sans(X509Certificate cert, int type) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> all = cert.getSubjectAlternativeNames();
      if (all != null) {
        for (List<?> entry : all) {
          if (((Integer) entry.get(0)) == type && entry.get(1) instanceof String) {
            out.add((String) entry.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // An unparsable SAN extension offers no names: the check then fails closed.
    }
    return out;
  }

  private static List<String> commonNames(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        if (BCStyle.CN.equals(atv.getType())) {
          ASN1Encodable v = atv.getValue();
          if (v instanceof ASN1String) {
            out.add(((ASN1String) v).getString());
          }
        }
      }
    }
    return out;
  }

  private static String namesOf(X509Certificate cert) {
    List<String> dns = sans(cert, SAN_DNS);
    return dns.isEmpty() ? "the subject commonName " + commonNames(cert) : "the DNS SANs " + dns;
  }
}
