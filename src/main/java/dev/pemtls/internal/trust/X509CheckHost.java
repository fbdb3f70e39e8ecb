package dev.pemtls.internal.trust;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

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
    check(cert, host, true);
  }

  /**
   * As {@link #check(X509Certificate, String)}; {@code commonNameFallback} false is Python's
   * {@code hostname_checks_common_name = False} (OpenSSL's {@code
   * X509_CHECK_FLAG_NEVER_CHECK_SUBJECT}): a certificate without DNS SANs matches no host name.
   */
  public static void check(X509Certificate cert, String host, boolean commonNameFallback)
      throws VerificationFailure {
    byte[] ip = ipBytes(host);
    if (ip != null) {
      if (!matchesIp(cert, ip)) {
        throw new VerificationFailure(VerifyCode.IP_ADDRESS_MISMATCH, 0,
            "IP address '" + host + "' is not among the certificate's IP address SANs");
      }
      return;
    }
    if (!matchesHost(cert, host, commonNameFallback)) {
      throw new VerificationFailure(VerifyCode.HOSTNAME_MISMATCH, 0,
          "host name '" + host + "' matches none of " + namesOf(cert));
    }
  }

  static boolean matchesHost(X509Certificate cert, String host) {
    return matchesHost(cert, host, true);
  }

  private static boolean matchesHost(X509Certificate cert, String host,
      boolean commonNameFallback) {
    String h = stripTrailingDot(host).toLowerCase(Locale.ROOT);
    List<String> dnsNames = sans(cert, SAN_DNS);
    List<String> candidates = !dnsNames.isEmpty() ? dnsNames
        : commonNameFallback ? commonNames(cert) : List.of();
    for (String pattern : candidates) {
      if (matchesPattern(pattern.toLowerCase(Locale.ROOT), h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * OpenSSL's {@code equal_wildcard} with {@code NO_PARTIAL_WILDCARDS}, for lower-cased inputs.
   * A pattern whose wildcard is not valid ({@code valid_star} refuses it) is compared literally,
   * as OpenSSL does; the wildcard covers only {@code [a-z0-9-]}, so never {@code a_b}.
   */
  static boolean matchesPattern(String pattern, String host) {
    pattern = stripTrailingDot(pattern);
    if (host.isEmpty() || pattern.isEmpty() || pattern.indexOf('\0') >= 0) {
      return false;
    }
    int star = host.length() > 1 && host.charAt(0) == '.' ? -1 : validStar(pattern);
    if (star < 0) {
      return pattern.equals(host);
    }
    String suffix = pattern.substring(star + 1); // ".example.com": the star is a whole label
    if (host.length() <= suffix.length() || !host.endsWith(suffix)) {
      return false;
    }
    String covered = host.substring(0, host.length() - suffix.length());
    if (covered.equals("*")) {
      return true; // the wildcard may match a literal '*'
    }
    return covered.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || (c >= 'A' && c <= 'Z') || c == '-');
  }

  /**
   * OpenSSL's {@code valid_star} with {@code NO_PARTIAL_WILDCARDS}: the index of the pattern's
   * one wildcard when it is a whole first label of a syntactically valid name ({@code
   * [A-Za-z0-9-]} labels, none starting or ending with '-', no IDNA first label, at least two
   * labels after it), else -1.
   */
  private static int validStar(String p) {
    int star = -1;
    boolean labelStart = true;
    boolean hyphen = false;
    boolean idna = false;
    int dots = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '*') {
        boolean atEnd = i == p.length() - 1 || p.charAt(i + 1) == '.';
        if (star >= 0 || idna || dots > 0 || !labelStart || !atEnd) {
          return -1;
        }
        star = i;
        labelStart = false;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        if (labelStart && p.regionMatches(true, i, "xn--", 0, 4)) {
          idna = true;
        }
        labelStart = false;
        hyphen = false;
      } else if (c == '.') {
        if (hyphen || labelStart) {
          return -1;
        }
        labelStart = true;
        idna = false;
        dots++;
      } else if (c == '-') {
        if (labelStart) {
          return -1;
        }
        hyphen = true;
      } else {
        return -1;
      }
    }
    return labelStart || hyphen || dots < 2 ? -1 : star;
  }

  /** OpenSSL's do_x509_check for GEN_IPADD: the SAN's octets, compared as they are. */
  private static boolean matchesIp(X509Certificate cert, byte[] ip) {
    for (byte[] san : ipSans(cert)) {
      if (Arrays.equals(san, ip)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The iPAddress SANs as their raw octets. Not {@code getSubjectAlternativeNames()}: the JDK
   * renders a 16-byte IPv4-mapped address through {@code InetAddress}, which folds it to IPv4.
   */
  private static List<byte[]> ipSans(X509Certificate cert) {
    List<byte[]> out = new ArrayList<>();
    byte[] ext = CertExtensions.value(cert, Extension.subjectAlternativeName.getId());
    if (ext == null) {
      return out;
    }
    try {
      GeneralNames names = GeneralNames.getInstance(
          ASN1OctetString.getInstance(ext).getOctets());
      for (GeneralName n : names.getNames()) {
        if (n.getTagNo() == GeneralName.iPAddress) {
          out.add(ASN1OctetString.getInstance(n.getName()).getOctets());
        }
      }
    } catch (RuntimeException e) {
      // An unparsable SAN extension offers no addresses: the check then fails closed.
    }
    return out;
  }

  private static String stripTrailingDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The address bytes of an IP literal, or null; never consults DNS. As OpenSSL's {@code
   * a2i_IPADDRESS}: 4 bytes for a dotted quad, 16 for an IPv6 literal, an IPv4-mapped one
   * included (it is not folded to IPv4).
   */
  static byte[] ipBytes(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    String h = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    return h.indexOf(':') >= 0 ? InetPton.v6(h) : dottedQuad(h);
  }

  private static byte[] dottedQuad(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(p) > 255) {
        return null;
      }
      out[i] = (byte) Integer.parseInt(p);
    }
    return out;
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
