package dev.pemtls.internal.x509;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * What {@code openssl x509 -ext subjectAltName} prints: OpenSSL 3.0's {@code
 * X509V3_extensions_print} for each subjectAltName extension, in order (a duplicate is printed
 * twice). Per extension a header {@code X509v3 Subject Alternative Name: } ({@code critical}
 * appended when marked so), then, indented by four, {@code i2v_GENERAL_NAMES}' values joined by
 * {@code ", "} ({@code <EMPTY>} and an extra blank line for an empty sequence), or, when the value
 * does not parse as GeneralNames, its octets as {@code ASN1_STRING_print} writes them (bytes
 * outside printable ASCII, except CR and LF, as {@code .}).
 *
 * <p>DNS, email, URI, IP Address and Registered ID names print exactly as openssl; otherName,
 * DirName, X400 and EDI party names print as {@code TYPE:<unsupported>}, where openssl has
 * forms of its own.
 *
 * <p>The text holds one char per octet openssl writes (ISO-8859-1): a UTF-8 DNS name stays its
 * UTF-8 octets, so a caller writing {@code text.getBytes(ISO_8859_1)} writes openssl's bytes
 * whatever the locale's charset.
 */
final class SanText {
  private SanText() {}

  /** The text for every subjectAltName extension in {@code extensions}; null when none. */
  static String print(ASN1Sequence extensions) {
    if (extensions == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (ASN1Encodable element : extensions) {
      ASN1Sequence ext = ASN1Sequence.getInstance(element);
      if (!ASN1ObjectIdentifier.getInstance(ext.getObjectAt(0)).getId()
          .equals(Extensions.SUBJECT_ALT_NAME)) {
        continue;
      }
      boolean critical = ext.size() == 3 && ASN1Boolean.getInstance(ext.getObjectAt(1)).isTrue();
      byte[] octets = ASN1OctetString.getInstance(ext.getObjectAt(ext.size() - 1)).getOctets();
      out.append("X509v3 Subject Alternative Name: ").append(critical ? "critical" : "")
          .append('\n').append("    ");
      List<String> values = values(octets);
      if (values == null) {
        out.append(asn1StringPrint(octets));
      } else if (values.isEmpty()) {
        out.append("<EMPTY>\n");
      } else {
        out.append(String.join(", ", values));
      }
      out.append('\n');
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** {@code i2v_GENERAL_NAMES}: one "TYPE:value" per name; null when the value does not parse. */
  private static List<String> values(byte[] octets) {
    try {
      ASN1Primitive v = ASN1Primitive.fromByteArray(octets);
      if (!(v instanceof ASN1Sequence)) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (ASN1Encodable element : (ASN1Sequence) v) {
        out.add(value(ASN1TaggedObject.getInstance(element)));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String value(ASN1TaggedObject name) {
    switch (name.getTagNo()) {
      case GeneralNames.RFC822_NAME:
        return "email:" + octets(name);
      case GeneralNames.DNS_NAME:
        return "DNS:" + octets(name);
      case GeneralNames.URI:
        return "URI:" + octets(name);
      case GeneralNames.IP_ADDRESS:
        return "IP Address:" + GeneralNames.ip(ASN1OctetString.getInstance(name, false)
            .getOctets());
      case GeneralNames.REGISTERED_ID:
        return "Registered ID:" + OidNames.text(ASN1ObjectIdentifier.getInstance(name, false));
      case GeneralNames.OTHER_NAME:
        return "othername:<unsupported>";
      case GeneralNames.DIRECTORY_NAME:
        return "DirName:<unsupported>";
      case GeneralNames.X400_ADDRESS:
        return "X400Name:<unsupported>";
      case GeneralNames.EDI_PARTY_NAME:
        return "EdiPartyName:<unsupported>";
      default:
        throw new IllegalArgumentException("GeneralName tag " + name.getTagNo());
    }
  }

  /** An IA5String's octets as openssl writes them: one char per octet, whatever they are. */
  private static String octets(ASN1TaggedObject name) {
    byte[] b = ASN1OctetString.getInstance(name, false).getOctets();
    int len = 0;
    while (len < b.length && b[len] != 0) {
      len++; // openssl prints the value with %s: it stops at a NUL
    }
    return new String(b, 0, len, StandardCharsets.ISO_8859_1);
  }

  private static String asn1StringPrint(byte[] octets) {
    StringBuilder sb = new StringBuilder();
    for (byte x : octets) {
      sb.append(x > '~' || (x < ' ' && x != '\n' && x != '\r') ? '.' : (char) x);
    }
    return sb.toString();
  }
}
