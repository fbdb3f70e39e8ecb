package dev.pemtls.internal.x509;

import java.math.BigInteger;

/** A certificate serial number as OpenSSL prints it. */
public final class SerialNumbers {
  /** OpenSSL breaks the hex digits with a backslash-newline after this many octets. */
  private static final int OCTETS_PER_LINE = 35;

  private SerialNumbers() {}

  /**
   * Mirrors OpenSSL's {@code i2a_ASN1_INTEGER} followed by CPython's single {@code BIO_gets}: a
   * {@code -} for a negative number, then the magnitude's minimal big-endian octets as two
   * upper-case hex digits each ({@code 00} for zero). Past 35 octets OpenSSL writes
   * {@code "\\\n"}, and since CPython reads one line only, the result ends there.
   */
  public static String print(BigInteger value) {
    return print(value, true);
  }

  /**
   * OpenSSL's {@code i2a_ASN1_INTEGER} whole, as {@code openssl x509 -serial} prints it: as
   * {@link #print(BigInteger)}, but past every 35 octets a {@code "\\\n"} and the digits go on.
   */
  public static String printAll(BigInteger value) {
    return print(value, false);
  }

  private static String print(BigInteger value, boolean firstLineOnly) {
    StringBuilder sb = new StringBuilder();
    if (value.signum() < 0) {
      sb.append('-');
    }
    byte[] mag = value.abs().toByteArray();
    int start = mag.length > 1 && mag[0] == 0 ? 1 : 0;
    for (int i = start; i < mag.length; i++) {
      if (i > start && (i - start) % OCTETS_PER_LINE == 0) {
        sb.append("\\\n");
        if (firstLineOnly) {
          break;
        }
      }
      sb.append(Character.toUpperCase(Character.forDigit((mag[i] >> 4) & 0xf, 16)));
      sb.append(Character.toUpperCase(Character.forDigit(mag[i] & 0xf, 16)));
    }
    return sb.toString();
  }
}
