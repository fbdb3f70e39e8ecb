package dev.pemtls.internal.x509;

import static dev.pemtls.internal.x509.Asn.atv;
import static dev.pemtls.internal.x509.Asn.bytes;
import static dev.pemtls.internal.x509.Asn.explicit;
import static dev.pemtls.internal.x509.Asn.gn;
import static dev.pemtls.internal.x509.Asn.latin1;
import static dev.pemtls.internal.x509.Asn.name;
import static dev.pemtls.internal.x509.Asn.oid;
import static dev.pemtls.internal.x509.Asn.rdn;
import static dev.pemtls.internal.x509.Asn.seq;
import static dev.pemtls.internal.x509.Asn.unsortedRdn;
import static dev.pemtls.internal.x509.Asn.utf8;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/** The certificates the CPython comparison tests decode, by case name. */
final class GeneratedCerts {
  static final String SAN = Extensions.SUBJECT_ALT_NAME;
  static final String AIA = Extensions.AUTHORITY_INFO_ACCESS;
  static final String CRL_DP = Extensions.CRL_DISTRIBUTION_POINTS;
  static final String CN = "2.5.4.3";

  private final Map<String, byte[]> cases = new LinkedHashMap<>();

  private GeneratedCerts() {}

  static Map<String, byte[]> all() {
    GeneratedCerts g = new GeneratedCerts();
    g.names();
    g.stringTypes();
    g.subjectAltNames();
    g.infoAccessAndCrl();
    g.serials();
    g.times();
    g.failures();
    return g.cases;
  }

  private void add(String name, Consumer<TestCert> setup) {
    TestCert c = new TestCert();
    setup.accept(c);
    cases.put(name, c.der());
  }

  private void names() {
    add("multiValuedRdn", c -> c.subject = seq(
        rdn(atv("2.5.4.6", latin1(19, "DE"))),
        rdn(atv(CN, "Alice"), atv("0.9.2342.19200300.100.1.1", "alice"),
            atv("1.2.840.113549.1.9.1", latin1(22, "alice@example.org"))),
        unsortedRdn(atv("2.5.4.11", "Zeta"), atv("2.5.4.10", "Alpha"), atv(CN, "Mid"))));
    add("commonAttributeNames", c -> c.subject = name(
        atv("0.9.2342.19200300.100.1.25", latin1(22, "org")),
        atv("0.9.2342.19200300.100.1.25", latin1(22, "Example")),
        atv("1.3.6.1.4.1.311.60.2.1.3", latin1(19, "US")),
        atv("1.3.6.1.4.1.311.60.2.1.2", "Delaware"),
        atv("2.5.4.15", "Private Organization"), atv("2.5.4.5", latin1(19, "5157550")),
        atv("2.5.4.97", "VATDE-123456789"), atv("2.5.4.9", "Main St 1"),
        atv("1.2.840.113549.1.9.1", latin1(22, "MiXeD.Case@Example.ORG")),
        atv(CN, "MiXeD CaSe")));
    // Every OID of the long-name table, so the table itself is checked against OpenSSL.
    List<ASN1Encodable> all = new ArrayList<>();
    OidNames.all().keySet().stream().sorted().forEach(o -> all.add(atv(o, "v")));
    add("everyTableOid", c -> c.subject = name(all.toArray(new ASN1Encodable[0])));
    add("unknownOids", c -> c.subject = name(atv("1.2.3.4.5", "unknown"),
        atv("2.999.1234567890123456789", "big arc"), atv("2.5.4.2", "no long name"),
        atv("1.3.6.1.4.1.311.60.2.1.9", "near EV")));
    add("emptyNameAndEmptyRdn", c -> {
      c.issuer = seq();
      c.subject = seq(rdn(atv(CN, "before")), new org.bouncycastle.asn1.DERSet(),
          rdn(atv(CN, "after")));
    });
  }

  private void stringTypes() {
    add("stringTypes", c -> c.subject = name(
        atv(CN, new DERUTF8String("Zürich \u00e9\u4e2d\u6587 \ud83d\ude00")),
        atv("2.5.4.10", new DERBMPString("B\u00e9MP \u0416\u4e2d")),
        atv("2.5.4.11", latin1(20, "T61 caf\u00e9")),
        atv("2.5.4.7", latin1(19, "Printable")),
        atv("2.5.4.8", latin1(22, "IA5 string")),
        atv("2.5.4.12", TestCert.raw(28, bytes(0, 0, 0, 0x41, 0, 1, 0xF6, 0x00, 0, 0, 0, 0xE9))),
        atv("2.5.4.5", latin1(18, "0123 456"))));
    add("escapesAndControls", c -> c.subject = name(
        atv(CN, "quote\" back\\slash / tab\t nl\n cr\r nul\u0000 del\u007f bell\u0007"),
        atv("2.5.4.10", latin1(19, "high\u00ff\u0080 bytes"))));
    add("printableWithUtf8Bytes", c -> c.subject = name(
        atv(CN, TestCert.raw(19, utf8("caf\u00e9")))));
  }

  private void subjectAltNames() {
    DERSequence dirName = seq(rdn(atv("2.5.4.6", latin1(19, "FR"))),
        rdn(atv(CN, "Dir"), atv("2.5.4.10", "Org")));
    add("sanEveryType", c -> c.ext(SAN, seq(
        gn(2, "example.com"), gn(2, "*.Example.COM"), gn(1, "user@example.com"),
        gn(6, "https://example.com/path?q=1"),
        gn(7, new DEROctetString(bytes(192, 0, 2, 1))),
        gn(7, new DEROctetString(bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))),
        gn(7, new DEROctetString(bytes(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x1a, 0x2b, 0xff, 0xfe,
            0x3c, 0x4d, 0x5e))),
        gn(7, new DEROctetString(bytes(10, 0, 0, 0, 255, 0, 0, 0))),
        explicit(4, dirName),
        gn(8, oid("1.2.3.4.5.6")), gn(8, oid("2.5.4.3")),
        gn(0, seq(oid("1.2.3.4"), explicit(0, new DERUTF8String("other")))),
        gn(0, seq(oid("1.3.6.1.4.1.311.20.2.3"), explicit(0, new DERUTF8String("upn@example.com")))),
        gn(0, seq(oid("1.3.6.1.5.5.7.8.7"), explicit(0, latin1(22, "_xmpp.example.com")))),
        gn(0, seq(oid("1.3.6.1.5.5.7.8.5"), explicit(0, latin1(22, "wrong type")))),
        gn(0, seq(oid("1.3.6.1.5.5.7.8.9"), explicit(0, new DERUTF8String("j\u00f6rg@example.com")))),
        gn(0, seq(oid("1.3.6.1.5.5.7.8.8"), explicit(0, new DERUTF8String("realm.example")))),
        gn(3, seq(seq())),
        gn(5, seq(explicit(0, new DERUTF8String("assigner")), explicit(1, latin1(19, "party")))))));
    add("sanEmpty", c -> c.ext(SAN, seq()));
    add("sanDuplicateExtension", c -> c.ext(SAN, seq(gn(2, "a.example")))
        .ext(SAN, seq(gn(2, "b.example"))));
    add("sanUnparseable", c -> c.ext(SAN, new ASN1Integer(5)));
  }

  private void infoAccessAndCrl() {
    String ocsp = Extensions.AD_OCSP;
    String ca = Extensions.AD_CA_ISSUERS;
    add("aiaSeveral", c -> c.ext(AIA, seq(
        seq(oid(ocsp), gn(6, "http://ocsp1.example.com")),
        seq(oid(ca), gn(6, "http://ca.example.com/ca1.crt")),
        seq(oid(ocsp), gn(6, "http://ocsp2.example.com/")),
        seq(oid(ocsp), gn(2, "ocsp-dns.example.com")),
        seq(oid("1.3.6.1.5.5.7.48.5"), gn(6, "http://repo.example.com")),
        seq(oid(ca), gn(6, "ldap://ldap.example.com/cn=CA?cACertificate")))));
    add("aiaOnlyCaIssuers", c -> c.ext(AIA, seq(
        seq(oid(ca), gn(6, "http://ca.example.com/only.crt")))));
    add("aiaNoUris", c -> c.ext(AIA, seq(seq(oid(ocsp), gn(1, "ocsp@example.com")))));
    DERSequence fullName = seq(gn(6, "http://crl1.example.com/a.crl"), gn(2, "crl.example.com"),
        gn(6, "ldap://ldap.example.com/cn=CRL"));
    add("crlDistributionPoints", c -> c.ext(CRL_DP, seq(
        seq(explicit(0, gn(0, fullName))),
        seq(explicit(0, gn(0, seq(gn(6, "http://crl2.example.com/b.crl")))),
            gn(1, new DERBitString(bytes(0x60), 5))),
        seq(explicit(0, gn(1, rdn(atv(CN, "relative"))))),
        seq(gn(2, seq(explicit(4, name(atv(CN, "CRL Issuer")))))),
        seq(explicit(0, gn(0, seq(gn(1, "crl@example.com"))))),
        seq(explicit(0, gn(0, seq(gn(6, "http://crl3.example.com/c.crl"))))))));
    add("crlNoUris", c -> c.ext(CRL_DP, seq(seq(explicit(0, gn(0, seq(gn(2, "x.example"))))))));
    add("allExtensionsInOrder", c -> c.ext(CRL_DP, seq(seq(explicit(0, gn(0,
            seq(gn(6, "http://crl.example.com")))))))
        .ext(AIA, seq(seq(oid(ca), gn(6, "http://ca")), seq(oid(ocsp), gn(6, "http://ocsp"))))
        .ext(SAN, seq(gn(2, "example.net"))));
  }

  private void serials() {
    Map<String, BigInteger> serials = new LinkedHashMap<>();
    serials.put("serialOddHexLength", BigInteger.valueOf(0xABC));
    serials.put("serialLeadingZeroByte", new BigInteger("80ff", 16));
    serials.put("serialZero", BigInteger.ZERO);
    serials.put("serialTwentyOctets", new BigInteger("7f0123456789abcdef0123456789abcdef012345", 16));
    serials.put("serialNegative", BigInteger.valueOf(-0x1234));
    serials.put("serialMinusOne", BigInteger.valueOf(-1));
    serials.put("serialMinus128", BigInteger.valueOf(-128));
    serials.put("serialOver35Octets", BigInteger.ONE.shiftLeft(300).add(BigInteger.TEN));
    serials.forEach((name, value) -> add(name, c -> c.serial = value));
    add("version1", c -> c.version = null);
    add("version1WithSerialOne", c -> {
      c.version = null;
      c.serial = BigInteger.ONE;
      c.subject = name(atv("2.5.4.6", latin1(19, "US")), atv(CN, "v1"));
    });
  }

  private void times() {
    String[][] pairs = {
      {"timeGeneralizedAfter2049", "24:20500101000000Z", "24:99991231235959Z"},
      {"timeBefore1950", "24:19490505093737Z", "24:00010101000000Z"},
      {"timeDayPadding", "23:110505093737Z", "23:491231235959Z"},
      {"timeFractionalSeconds", "24:20110505093737.123Z", "24:20500505093737.5Z"},
      {"timeWithoutSeconds", "23:1105050937Z", "24:205005050937Z"},
      {"timeWithOffsets", "23:110505093737+0130", "24:20500101003000-0045"},
      {"timeLeapDay", "23:200229120000Z", "24:21000229120000Z"},
      {"timeOutOfRangeFields", "23:110532000000Z", "24:20110505246000Z"},
      {"timeBadValues", "23:111305093737Z", "24:2011050509373Z"},
      {"timeUtcTwoDigitYearPivot", "23:500101000000Z", "23:491231235959Z"},
    };
    for (String[] p : pairs) {
      add(p[0], c -> {
        c.notBefore = TestCert.time(Integer.parseInt(p[1].substring(0, 2)), p[1].substring(3));
        c.notAfter = TestCert.time(Integer.parseInt(p[2].substring(0, 2)), p[2].substring(3));
      });
    }
  }

  private void failures() {
    add("failIntegerAttribute", c -> c.subject = name(atv(CN, new ASN1Integer(7))));
    add("failOctetStringAttribute", c -> c.subject = name(atv(CN, new DEROctetString(bytes(1)))));
    add("failBmpSurrogatePair", c -> c.subject = name(
        atv(CN, TestCert.raw(30, bytes(0xd8, 0x3d, 0xde, 0x00)))));
    add("failVisibleStringAttribute", c -> c.subject = name(atv(CN, latin1(26, "Visible"))));
    add("failUtcTimeAttribute", c -> c.subject = name(atv(CN, latin1(23, "110505093737Z"))));
    add("failGeneralizedTimeAttribute", c -> c.subject = name(
        atv(CN, latin1(24, "20110505093737Z"))));
    add("failVideotexAttribute", c -> c.subject = name(atv(CN, latin1(21, "Videotex"))));
    add("failBitStringAttribute", c -> c.subject = name(atv(CN, new DERBitString(bytes(1)))));
    add("failSequenceAttribute", c -> c.subject = name(atv(CN, seq(new DERUTF8String("x")))));
    add("failInvalidUtf8String", c -> c.subject = name(atv(CN, TestCert.raw(12, bytes(0xc3, 0x28)))));
    add("failInvalidUtf8DnsName", c -> c.ext(SAN, seq(gn(2, TestCert.raw(22, bytes(0x61, 0xff))))));
  }
}
