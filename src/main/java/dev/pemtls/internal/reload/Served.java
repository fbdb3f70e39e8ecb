package dev.pemtls.internal.reload;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.x509.SerialNumbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How PemTLS names the certificate it serves, in log lines, the JMX bean and {@code pemtls
 * config-check} alike: serial as OpenSSL prints it, subject, validity, and the files (with the
 * file a symbolic link resolves to, so a Kubernetes {@code ..data} swap shows which version).
 */
public final class Served {
  private Served() {}

  /** The serial number in OpenSSL's hex form, e.g. {@code 5A3F...}. */
  public static String serial(X509Certificate cert) {
    return SerialNumbers.print(cert.getSerialNumber());
  }

  /** Whole days from {@code now} to the certificate's notAfter; negative once expired. */
  public static long daysToExpiry(X509Certificate cert, Instant now) {
    return Math.floorDiv(Duration.between(now, cert.getNotAfter().toInstant()).getSeconds(),
        86_400L);
  }

  /** "N days", "1 day" or "less than a day" until notAfter; "EXPIRED" after it. */
  public static String timeLeft(X509Certificate cert, Instant now) {
    long days = daysToExpiry(cert, now);
    return days < 0 ? "EXPIRED" : days == 0 ? "less than a day" : days == 1 ? "1 day"
        : days + " days";
  }

  /** "serial S, subject CN=..., notBefore ..., notAfter ... (N days left)". */
  public static String describe(Identity identity, Instant now) {
    X509Certificate leaf = identity.leaf();
    String left = timeLeft(leaf, now);
    return "serial " + serial(leaf) + ", subject " + leaf.getSubjectX500Principal().getName()
        + ", notBefore " + leaf.getNotBefore().toInstant() + ", notAfter "
        + leaf.getNotAfter().toInstant() + " (" + left
        + (left.equals("EXPIRED") ? ")" : " left)");
  }

  /** The files, each with what a symbolic link in its path resolves to. */
  public static String files(List<Path> files) {
    StringBuilder b = new StringBuilder();
    for (Path f : files) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(f);
      try {
        Path real = f.toRealPath();
        if (!real.equals(f.toAbsolutePath().normalize())) {
          b.append(" -> ").append(real);
        }
      } catch (java.io.IOException e) {
        if (!Files.exists(f)) {
          b.append(" (missing)");
        }
      }
    }
    return b.toString();
  }

  /** Whether two identities present the same chain (then a reload changes nothing). */
  static boolean sameChain(Identity a, Identity b) {
    List<X509Certificate> x = a.chain();
    List<X509Certificate> y = b.chain();
    if (x.size() != y.size()) {
      return false;
    }
    try {
      for (int i = 0; i < x.size(); i++) {
        if (!Arrays.equals(x.get(i).getEncoded(), y.get(i).getEncoded())) {
          return false;
        }
      }
    } catch (CertificateEncodingException e) {
      return false;
    }
    return true;
  }
}
