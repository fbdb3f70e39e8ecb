package dev.pemtls.cli;

import dev.pemtls.internal.x509.OpenSslFields;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * {@code pemtls x509 -text}: PemTLS's own short readable form of a certificate, not openssl's
 * full dump (no key or signature bytes). Each line uses the same field text as the single
 * options, so it can be compared with {@code openssl x509 -subject} and friends:
 *
 * <pre>
 * Certificate:
 *     Version: 3
 *     Serial Number: 0ABC
 *     Issuer: CN = Root
 *     Not Before: May  5 09:37:37 2011 GMT
 *     Not After : May  5 09:37:37 2012 GMT
 *     Subject: CN = leaf
 *     Public Key Algorithm: EC
 *     Signature Algorithm: SHA256withECDSA
 *     X509v3 Subject Alternative Name: 
 *         DNS:leaf
 *     SHA256 Fingerprint=AB:...
 * </pre>
 */
final class CertificateText {
  private CertificateText() {}

  static void print(X509Certificate cert, OpenSslFields f, PrintStream out) throws Exception {
    out.println("Certificate:");
    out.println("    Version: " + cert.getVersion());
    out.println("    Serial Number: " + f.serial());
    out.println("    Issuer: " + f.issuer());
    out.println("    Not Before: " + f.notBefore());
    out.println("    Not After : " + f.notAfter());
    out.println("    Subject: " + f.subject());
    out.println("    Public Key Algorithm: " + cert.getPublicKey().getAlgorithm());
    out.println("    Signature Algorithm: " + cert.getSigAlgName());
    String san = f.subjectAltNameText();
    if (san != null) {
      for (String line : san.split("\n")) {
        out.print("    ");
        out.write(line.getBytes(StandardCharsets.ISO_8859_1)); // the name's octets as is
        out.println();
      }
    }
    out.println("    " + X509Command.fingerprint(cert, "SHA256"));
  }
}
