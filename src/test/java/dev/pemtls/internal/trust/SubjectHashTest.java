package dev.pemtls.internal.trust;

import static dev.pemtls.internal.trust.RawNameCert.tlv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.OpenSslBinary;
import dev.pemtls.internal.pem.PemFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subject hashes compared with {@code openssl x509 -subject_hash / -subject_hash_old}. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class SubjectHashTest {
  static final String CN = "2.5.4.3";
  static final String O = "2.5.4.10";
  static final String OU = "2.5.4.11";
  static final String C = "2.5.4.6";
  static final String EMAIL = "1.2.840.113549.1.9.1";
  static final String DC = "0.9.2342.19200300.100.1.25";
  static final String UID = "0.9.2342.19200300.100.1.1";

  @TempDir Path dir;

  static byte[] atv(String oid, int tag, byte[] value) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(RawNameCert.der(new ASN1ObjectIdentifier(oid)));
    b.writeBytes(tlv(tag, value));
    return tlv(0x30, b.toByteArray());
  }

  static byte[] utf8(String oid, String s) {
    return atv(oid, 0x0c, s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] latin1(String oid, int tag, String s) {
    return atv(oid, tag, s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** An RDN with its attributes in the order given (possibly not DER-sorted). */
  static byte[] rdn(byte[]... atvs) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] a : atvs) {
      b.writeBytes(a);
    }
    return tlv(0x31, b.toByteArray());
  }

  static byte[] name(byte[]... rdns) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] r : rdns) {
      b.writeBytes(r);
    }
    return tlv(0x30, b.toByteArray());
  }

  /** Awkward names, by case name: string types, spaces, case, multi-valued and empty RDNs. */
  static Map<String, byte[]> awkwardNames() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("plainMixedCase", name(rdn(utf8(CN, "MiXeD CaSe Example"))));
    m.put("utf8NonAscii", name(rdn(utf8(CN, "Zürich ÉCOLE Ωμέγα 中文 \ud83d\ude00"))));
    m.put("spaces", name(rdn(utf8(CN, "   lead  inner\t\t tabs \n\r\u000b\u000f end   "))));
    m.put("onlySpaces", name(rdn(utf8(CN, " \t "))));
    m.put("emptyValue", name(rdn(utf8(CN, ""))));
    m.put("nbspKept", name(rdn(utf8(CN, "\u00a0A\u00a0 B \u00a0"))));
    m.put("printable", name(rdn(latin1(C, 0x13, "DE")), rdn(latin1(O, 0x13, "  Big   ORG  "))));
    m.put("t61Latin1", name(rdn(latin1(CN, 0x14, "Caf\u00e9 BAR \u00c9"))));
    m.put("printableWithUtf8Bytes", name(rdn(atv(CN, 0x13,
        "Caf\u00e9".getBytes(StandardCharsets.UTF_8)))));
    m.put("bmp", name(rdn(atv(CN, 0x1e, "ÄBC Ж  Q".getBytes(StandardCharsets.UTF_16BE)))));
    m.put("universal", name(rdn(atv(CN, 0x1c, new byte[] {0, 0, 0, 'A', 0, 1, (byte) 0xf6, 0,
        0, 0, 0, ' ', 0, 0, 0, 'z'}))));
    m.put("ia5Email", name(rdn(utf8(CN, "Mail")), rdn(latin1(EMAIL, 0x16,
        "John.Doe@Example.COM"))));
    // VisibleString is canonicalised too, but OpenSSL refuses it in a Name (not in
    // B_ASN1_PRINTABLE), so no certificate carrying one can be compared.
    m.put("bitStringKeptAsIs", name(rdn(atv(CN, 0x03, new byte[] {0, 'X', ' ', ' '}))));
    m.put("numericKeptAsIs", name(rdn(latin1("2.5.4.5", 0x12, "  0123  456 "))));
    m.put("dcAndUid", name(rdn(latin1(DC, 0x16, "COM")), rdn(latin1(DC, 0x16, "Example")),
        rdn(utf8(UID, "JDoe"))));
    m.put("multiValuedUnsorted", name(rdn(utf8(OU, "Zeta"), latin1(O, 0x13, "Alpha"),
        utf8(CN, "Mid"))));
    m.put("multiValuedSortChangesAfterCanon", name(rdn(utf8(CN, "B"), latin1(CN, 0x13, "a"),
        utf8(CN, "  A"))));
    m.put("emptyName", name());
    m.put("emptyRdnInside", name(rdn(utf8(CN, "before")), rdn(), rdn(utf8(CN, "after"))));
    m.put("onlyEmptyRdn", name(rdn()));
    m.put("unknownOid", name(rdn(utf8("1.2.3.4.5.6.7", "Unknown OID")),
        rdn(utf8("2.999.1234567890123", "Big Arc"))));
    m.put("longValue", name(rdn(utf8(CN, "Long ".repeat(60)))));
    m.put("duplicateAttributes", name(rdn(utf8(CN, "Same")), rdn(utf8(CN, "SAME"))));
    m.put("controlChars", name(rdn(utf8(CN, "a\u0000b\u0007c\u007fD"))));
    m.put("octetLikeSequenceValue", name(rdn(atv(CN, 0x30, tlv(0x0c,
        "In A Sequence".getBytes(StandardCharsets.UTF_8))))));
    return m;
  }

  @Test
  void canonicalHash_awkwardNames_matchOpensslSubjectHash() throws Exception {
    OpenSslBinary.assume30();
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : awkwardNames().entrySet()) {
      Path f = dir.resolve(e.getKey() + ".pem");
      Files.writeString(f, RawNameCert.pem(RawNameCert.withName(e.getValue())));
      OpenSslBinary.Result r = OpenSslBinary.run("x509", "-noout", "-subject_hash",
          "-subject_hash_old", "-in", f.toString());
      assertEquals(0, r.exit(), "openssl could not read case " + e.getKey());
      String ours = SubjectHash.hex(SubjectHash.canonicalHash(e.getValue())) + "\n"
          + SubjectHash.hex(SubjectHash.oldHash(e.getValue())) + "\n";
      if (!ours.equals(r.out())) {
        mismatches.add(e.getKey() + ": openssl " + r.out().replace('\n', ' ') + " ours "
            + ours.replace('\n', ' '));
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  void subjectHash_everySystemCaCertificate_matchesOpenssl() throws Exception {
    OpenSslBinary.assume30();
    Path certs = Path.of("/etc/ssl/certs");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(certs),
        "no /etc/ssl/certs on this machine");
    List<Path> files;
    try (Stream<Path> s = Files.list(certs)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList();
    }
    int compared = 0;
    List<String> mismatches = new ArrayList<>();
    for (Path f : files) {
      X509Certificate cert = PemFiles.readCaFile(f).certificates().get(0);
      OpenSslBinary.Result r = OpenSslBinary.run("x509", "-noout", "-subject_hash",
          "-subject_hash_old", "-in", f.toString());
      String ours = SubjectHash.of(cert) + "\n" + SubjectHash.oldOf(cert) + "\n";
      if (!ours.equals(r.out())) {
        mismatches.add(f.getFileName() + ": openssl " + r.out() + " ours " + ours);
      }
      compared++;
    }
    assertTrue(compared > 0 || files.isEmpty());
    assertEquals(List.of(), mismatches, "compared " + compared);
  }

  @Test
  void canonicalHash_invalidUtf8_isRefusedLikeOpenssl() {
    byte[] bad = name(rdn(atv(CN, 0x0c, new byte[] {'a', (byte) 0xc0, (byte) 0x80})));
    assertThrows(IllegalArgumentException.class, () -> SubjectHash.canonicalHash(bad));
  }

  @Test
  void canonicalise_trimsCollapsesAndLowercasesAsciiOnly() {
    assertEquals("a b ä Ä", new String(SubjectHash.canonicalise(
        "  A \t\n B ä Ä  ".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
  }
}
