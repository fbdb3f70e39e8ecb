package dev.pemtls.internal.trust;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSL's name hashes, the file names of a hashed CA directory: {@code X509_NAME_hash} (what
 * {@code openssl x509 -subject_hash} prints) and {@code X509_NAME_hash_old} ({@code
 * -subject_hash_old}).
 *
 * <p>The new hash is SHA-1 over OpenSSL's canonical encoding of the name ({@code
 * x509_name_canon} in crypto/x509/x_name.c): each RDN is re-encoded as a DER SET OF its
 * attributes, the outer SEQUENCE is left out, and values of the string types UTF8String,
 * PrintableString, T61String, IA5String, VisibleString, UniversalString and BMPString become
 * UTF8String with ASCII letters lower-cased, ASCII white space trimmed at both ends and inner runs
 * of it collapsed to one space ({@code asn1_string_canon}). Other value types are kept as they
 * are. The old hash is MD5 over the name's DER. Either way the hash is the digest's first four
 * bytes read little-endian.
 */
public final class SubjectHash {
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;

  private SubjectHash() {}

  /** {@code X509_NAME_hash} of the certificate's subject, as 8 lower-case hex digits. */
  public static String of(X509Certificate cert) {
    return hex(canonicalHash(cert.getSubjectX500Principal().getEncoded()));
  }

  /** {@code X509_NAME_hash} of the CRL's issuer (the name of a {@code <hash>.r<n>} link). */
  public static String ofIssuer(X509CRL crl) {
    return hex(canonicalHash(crl.getIssuerX500Principal().getEncoded()));
  }

  /** {@code X509_NAME_hash_old} of the certificate's subject, as 8 lower-case hex digits. */
  public static String oldOf(X509Certificate cert) {
    return hex(oldHash(cert.getSubjectX500Principal().getEncoded()));
  }

  /**
   * {@code X509_NAME_hash} of a DER-encoded Name.
   *
   * @throws IllegalArgumentException if {@code nameDer} is not a Name, or holds a string OpenSSL
   *     cannot convert to UTF-8 (it then refuses the whole certificate)
   */
  public static int canonicalHash(byte[] nameDer) {
    return littleEndian(digest("SHA-1", canonicalEncoding(nameDer)));
  }

  /** {@code X509_NAME_hash_old} of a DER-encoded Name: MD5 of the encoding as it is. */
  public static int oldHash(byte[] nameDer) {
    return littleEndian(digest("MD5", nameDer));
  }

  /** The hash as OpenSSL prints it and names files: {@code %08lx}. */
  public static String hex(int hash) {
    return String.format("%08x", hash);
  }

  /** OpenSSL's {@code canon_enc}: the RDN SETs, canonicalised, concatenated; empty if no RDN. */
  static byte[] canonicalEncoding(byte[] nameDer) {
    DerReader name = new DerReader(nameDer);
    DerReader.Tlv seq = name.next();
    if (seq.tag() != SEQUENCE || name.hasMore()) {
      throw new IllegalArgumentException("not a DER Name: expected one SEQUENCE of RDN SETs");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DerReader rdns = seq.children();
    while (rdns.hasMore()) {
      DerReader.Tlv rdn = rdns.next();
      if (rdn.tag() != SET) {
        throw new IllegalArgumentException("not a DER Name: an RDN is not a SET");
      }
      List<byte[]> atvs = new ArrayList<>();
      DerReader members = rdn.children();
      while (members.hasMore()) {
        atvs.add(canonicalAttribute(members.next()));
      }
      if (atvs.isEmpty()) {
        continue; // an empty RDN holds no entries, so OpenSSL's entry list has nothing of it
      }
      atvs.sort(SubjectHash::derOrder); // DER SET OF order, as i2d of X509_NAME_ENTRIES sorts
      ByteArrayOutputStream set = new ByteArrayOutputStream();
      atvs.forEach(set::writeBytes);
      DerReader.writeTlv(out, SET, set.toByteArray());
    }
    return out.toByteArray();
  }

  private static byte[] canonicalAttribute(DerReader.Tlv atv) {
    if (atv.tag() != SEQUENCE) {
      throw new IllegalArgumentException("not a DER Name: an attribute is not a SEQUENCE");
    }
    DerReader parts = atv.children();
    DerReader.Tlv type = parts.next();
    DerReader.Tlv value = parts.next();
    if (type.tag() != 0x06 || parts.hasMore()) {
      throw new IllegalArgumentException("not a DER Name: attribute is not {OID, value}");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(type.encoded());
    byte[] utf8 = toUtf8(value);
    if (utf8 == null) {
      body.writeBytes(value.reencoded()); // not a string type OpenSSL canonicalises: as is
    } else {
      DerReader.writeTlv(body, 0x0c, canonicalise(utf8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DerReader.writeTlv(out, SEQUENCE, body.toByteArray());
    return out.toByteArray();
  }

  /** {@code ASN1_STRING_to_UTF8} for the canonicalised types; null for any other type. */
  private static byte[] toUtf8(DerReader.Tlv value) {
    byte[] c = value.content();
    switch (value.tag()) {
      case 0x13: case 0x14: case 0x16: case 0x1a: // Printable, T61, IA5, Visible: one byte each
        return new String(c, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
      case 0x0c:
        strictUtf8(c);
        return c;
      case 0x1e: // BMPString: UCS-2; surrogates are not characters to OpenSSL
        return wide(c, 2);
      case 0x1c: // UniversalString: UCS-4
        return wide(c, 4);
      default:
        return null;
    }
  }

  private static byte[] wide(byte[] c, int unit) {
    if (c.length % unit != 0) {
      throw new IllegalArgumentException("string of " + c.length + " bytes is not a whole "
          + "number of " + unit + "-byte characters");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.length; i += unit) {
      long cp = 0;
      for (int j = 0; j < unit; j++) {
        cp = (cp << 8) | (c[i + j] & 0xff);
      }
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw new IllegalArgumentException("invalid character U+" + Long.toHexString(cp));
      }
      sb.appendCodePoint((int) cp);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void strictUtf8(byte[] c) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF8String in name: " + e.getMessage(), e);
    }
  }

  /** {@code asn1_string_canon} on UTF-8 bytes: trim, collapse, lower-case ASCII only. */
  static byte[] canonicalise(byte[] s) {
    int from = 0;
    int to = s.length;
    while (from < to && isSpace(s[from])) {
      from++;
    }
    while (to > from && isSpace(s[to - 1])) {
      to--;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = s[i];
      if (isSpace(b)) {
        out.write(' ');
        while (isSpace(s[i + 1])) { // the last byte is no space, so this stops in range
          i++;
        }
      } else if (b >= 'A' && b <= 'Z') {
        out.write(b + ('a' - 'A'));
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** OpenSSL's {@code ossl_isspace}: space, \t, \n, \v, \f, \r; never a byte above 0x7f. */
  private static boolean isSpace(byte b) {
    return b == ' ' || (b >= 0x09 && b <= 0x0d);
  }

  /** DER's SET OF order: byte-wise unsigned, a prefix before its extensions. */
  private static int derOrder(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int d = (a[i] & 0xff) - (b[i] & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return a.length - b.length;
  }

  private static byte[] digest(String alg, byte[] data) {
    try {
      return MessageDigest.getInstance(alg).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(alg + " is missing from this JDK", e);
    }
  }

  private static int littleEndian(byte[] md) {
    return (md[0] & 0xff) | (md[1] & 0xff) << 8 | (md[2] & 0xff) << 16 | (md[3] & 0xff) << 24;
  }
}
