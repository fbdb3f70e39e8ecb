package dev.pemtls.internal.x509;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/** GeneralName values rendered as CPython's {@code (type, value)} pairs. */
final class GeneralNames {
  static final int OTHER_NAME = 0;
  static final int RFC822_NAME = 1;
  static final int DNS_NAME = 2;
  static final int X400_ADDRESS = 3;
  static final int DIRECTORY_NAME = 4;
  static final int EDI_PARTY_NAME = 5;
  static final int URI = 6;
  static final int IP_ADDRESS = 7;
  static final int REGISTERED_ID = 8;

  /**
   * The otherName types OpenSSL 3.0's {@code GENERAL_NAME_print} spells out, with the label it
   * prints. SRVName must hold an IA5String, the others a UTF8String.
   */
  private static final Map<String, String> KNOWN_OTHER_NAMES = Map.of(
      "1.3.6.1.5.5.7.8.9", "SmtpUTF8Mailbox",
      "1.3.6.1.5.5.7.8.5", "XmppAddr",
      "1.3.6.1.5.5.7.8.7", "SRVName",
      "1.3.6.1.4.1.311.20.2.3", "UPN",
      "1.3.6.1.5.5.7.8.8", "NAIRealm");

  private GeneralNames() {}

  /**
   * Mirrors CPython's {@code _get_peer_alt_names} loop body for one GeneralName: DirName as name
   * tuples, DNS/email/URI as their raw octets, IP addresses in CPython's own format, registeredID
   * through {@code i2t_ASN1_OBJECT}, and the other types through OpenSSL's
   * {@code GENERAL_NAME_print} text split at its first colon.
   */
  static List<Object> pair(ASN1TaggedObject name) throws SslError {
    switch (name.getTagNo()) {
      case DIRECTORY_NAME:
        return List.of("DirName", NameTuples.of(name.getExplicitBaseObject()));
      case RFC822_NAME:
        return List.of("email", ia5(name));
      case DNS_NAME:
        return List.of("DNS", ia5(name));
      case URI:
        return List.of("URI", ia5(name));
      case REGISTERED_ID:
        return List.of("Registered ID",
            OidNames.text(ASN1ObjectIdentifier.getInstance(name, false)));
      case IP_ADDRESS:
        return List.of("IP Address", ip(ASN1OctetString.getInstance(name, false).getOctets()));
      case OTHER_NAME:
        return printed(otherName(ASN1Sequence.getInstance(name, false)));
      case X400_ADDRESS:
        return printed("X400Name:<unsupported>");
      case EDI_PARTY_NAME:
        return printed("EdiPartyName:<unsupported>");
      default:
        throw Reason.X509V3_UNSUPPORTED_OPTION.error("unknown GeneralName type " + name.getTagNo());
    }
  }

  /** The content octets of an implicitly tagged IA5String, decoded as CPython does: UTF-8. */
  static String ia5(ASN1TaggedObject name) throws SslError {
    return AsnStrings.strictUtf8(ASN1OctetString.getInstance(name, false).getOctets(),
        "GeneralName");
  }

  /**
   * CPython formats IP addresses itself: IPv4 dotted decimal, IPv6 as eight upper-case hex groups
   * without zero compression ({@code "%X:%X:..."}), any other length as {@code "<invalid>"}.
   */
  static String ip(byte[] p) {
    if (p.length == 4) {
      return (p[0] & 0xff) + "." + (p[1] & 0xff) + "." + (p[2] & 0xff) + "." + (p[3] & 0xff);
    }
    if (p.length == 16) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i += 2) {
        if (i > 0) {
          sb.append(':');
        }
        sb.append(Integer.toHexString((p[i] & 0xff) << 8 | (p[i + 1] & 0xff)).toUpperCase());
      }
      return sb.toString();
    }
    return "<invalid>";
  }

  /**
   * OpenSSL 3.0's {@code GENERAL_NAME_print} for an otherName: {@code othername:LABEL:value} for
   * the five types it knows when the value has the expected string type, otherwise
   * {@code othername:<unsupported>}. The value goes through {@code %.*s}, so it stops at a NUL.
   */
  private static String otherName(ASN1Sequence seq) {
    String oid = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
    ASN1Encodable value = ASN1TaggedObject.getInstance(seq.getObjectAt(1)).getExplicitBaseObject();
    String label = KNOWN_OTHER_NAMES.get(oid);
    int wanted = "SRVName".equals(label) ? 22 : 12; // IA5String : UTF8String
    if (label == null || Der.identifier(value) != wanted) {
      return "othername:<unsupported>";
    }
    byte[] b = Der.content(value);
    int len = 0;
    while (len < b.length && b[len] != 0) {
      len++;
    }
    return "othername:" + label + ":" + new String(b, 0, len, StandardCharsets.ISO_8859_1);
  }

  /**
   * CPython's handling of {@code GENERAL_NAME_print} output: one {@code BIO_gets} line (so up to
   * and including a newline), split at the first colon. {@code text} holds octets, one per char.
   */
  private static List<Object> printed(String text) throws SslError {
    int nl = text.indexOf('\n');
    if (nl >= 0) {
      text = text.substring(0, nl + 1);
    }
    int colon = text.indexOf(':');
    String head = text.substring(0, colon);
    byte[] tail = text.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1);
    return List.of(head, AsnStrings.strictUtf8(tail, "GeneralName"));
  }

  /** Collects the pairs of a GeneralNames SEQUENCE, in order. */
  static List<Object> pairs(ASN1Sequence names) throws SslError {
    List<Object> out = new ArrayList<>();
    for (ASN1Encodable element : names) {
      out.add(pair(ASN1TaggedObject.getInstance(element)));
    }
    return List.copyOf(out);
  }
}
