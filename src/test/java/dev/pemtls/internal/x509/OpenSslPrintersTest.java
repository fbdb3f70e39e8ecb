package dev.pemtls.internal.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The OpenSSL printers on known values, without Python (the CPython comparison tests cover the
 * same ground against the real thing when python3 is present).
 */
class OpenSslPrintersTest {
  @Test
  void timePrint_padsDayWithSpaceAndKeepsFraction() {
    assertEquals("May  5 09:37:37 2011 GMT", AsnTimes.print(23, "110505093737Z"));
    assertEquals("Jan  1 00:00:00 2050 GMT", AsnTimes.print(24, "20500101000000Z"));
    assertEquals("May  5 09:37:37.123 2011 GMT", AsnTimes.print(24, "20110505093737.123Z"));
    assertEquals("May  5 08:07:37 2011 GMT", AsnTimes.print(23, "110505093737+0130"));
    assertEquals("Bad time value", AsnTimes.print(24, "21000229120000Z"));
  }

  @Test
  void serialPrint_isUpperHexOfMagnitudeInWholeOctets() {
    assertEquals("0ABC", SerialNumbers.print(BigInteger.valueOf(0xABC)));
    assertEquals("00", SerialNumbers.print(BigInteger.ZERO));
    assertEquals("-80", SerialNumbers.print(BigInteger.valueOf(-128)));
    assertEquals("80FF", SerialNumbers.print(BigInteger.valueOf(0x80FF)));
  }

  @Test
  void ipAddress_isCpythonsUncompressedUpperCaseForm() {
    assertEquals("192.0.2.1", GeneralNames.ip(new byte[] {(byte) 192, 0, 2, 1}));
    byte[] v6 = new byte[16];
    v6[0] = 0x20;
    v6[1] = 0x01;
    v6[2] = 0x0d;
    v6[3] = (byte) 0xb8;
    v6[15] = 1;
    assertEquals("2001:DB8:0:0:0:0:0:1", GeneralNames.ip(v6));
    assertEquals("<invalid>", GeneralNames.ip(new byte[8]));
  }

  @Test
  void oidText_isLongNameOrDotted() {
    assertEquals("emailAddress", OidNames.text(Asn.oid("1.2.840.113549.1.9.1")));
    assertEquals("domainComponent", OidNames.text(Asn.oid("0.9.2342.19200300.100.1.25")));
    assertEquals("1.2.3.4", OidNames.text(Asn.oid("1.2.3.4")));
  }

  @Test
  void oneLineName_quotesEscapesAndJoinsAsOpenssl() {
    // Expected values are what openssl 3.0 x509 -subject printed for these names.
    assertEquals("C = DE, O = \"a,b\" + OU = x\\\"y",
        OneLineNames.print(Asn.name(Asn.rdn(Asn.atv("2.5.4.6", Asn.latin1(19, "DE"))),
            Asn.rdn(Asn.atv("2.5.4.10", "a,b"), Asn.atv("2.5.4.11", "x\"y")))));
    assertEquals("CN = \" \\C3\\A9<z>;#\\\\ \", CN = \"#zz\", CN = a#b c, CN = #",
        OneLineNames.print(Asn.name(Asn.atv(GeneratedCerts.CN, " \u00e9<z>;#\\ "),
            Asn.atv(GeneratedCerts.CN, "#zz"), Asn.atv(GeneratedCerts.CN, "a#b c"),
            Asn.atv(GeneratedCerts.CN, "#"))));
    assertEquals("UID = u, DC = com, emailAddress = a@b, 1.2.3.4 = x",
        OneLineNames.print(Asn.name(Asn.atv("0.9.2342.19200300.100.1.1", "u"),
            Asn.atv("0.9.2342.19200300.100.1.25", Asn.latin1(22, "com")),
            Asn.atv("1.2.840.113549.1.9.1", Asn.latin1(22, "a@b")), Asn.atv("1.2.3.4", "x"))));
  }

  @Test
  void serialPrintAll_continuesPast35Octets() {
    BigInteger big = BigInteger.ONE.shiftLeft(8 * 35); // 36 octets
    assertEquals("01" + "00".repeat(34) + "\\\n" + "00", SerialNumbers.printAll(big));
    assertEquals("01" + "00".repeat(34) + "\\\n", SerialNumbers.print(big));
  }
}
