package dev.pemtls.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.testing.Peer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Certificates whose extensions OpenSSL decodes but cannot ({@code EXFLAG_INVALID}), in the leaf
 * or the intermediate, each non-critical, against {@code openssl verify} as the oracle: the JDK
 * alone would set such an extension aside and accept the chain.
 */
class InvalidExtensionOpenSslTest {
  static final Issued ROOT = new Spec("Invalid Extension Root").ca().issue();
  static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  @TempDir static Path dir;

  @ParameterizedTest(name = "{0} {1} in the {2}")
  @CsvSource({
      "nameConstraints, 2.5.29.30, intermediate, 040100",
      "nameConstraints, 2.5.29.30, intermediate, 3003800100",
      "basicConstraints with a negative path length, 2.5.29.19, intermediate, 30060101ff0201ff",
      "subjectAltName, 2.5.29.17, leaf, 0403616263",
      "subjectAltName, 2.5.29.17, intermediate, 0403616263",
      "empty keyUsage, 2.5.29.15, leaf, 030100",
      "extendedKeyUsage, 2.5.29.37, leaf, 30020500",
      "authorityKeyIdentifier, 2.5.29.35, leaf, 0500",
      "crlDistributionPoints, 2.5.29.31, leaf, 3003020101",
      "nsCertType, 2.16.840.1.113730.1.1, leaf, 0500",
      "sbgp-ipAddrBlock, 1.3.6.1.5.5.7.1.7, leaf, 0500",
      "subjectKeyIdentifier, 2.5.29.14, intermediate, 0500",
      "subjectKeyIdentifier, 2.5.29.14, leaf, 0500",
      "proxyCertInfo, 1.3.6.1.5.5.7.1.14, leaf, 0500",
      "sbgp-autonomousSysNum, 1.3.6.1.5.5.7.1.8, leaf, 0500",
  })
  void undecodableExtension_endsTheChainAsOpenSslDoes(String what, String oid, String where,
      String hex) throws Exception {
    byte[] value = HexFormat.of().parseHex(hex);
    boolean inLeaf = where.equals("leaf");
    Issued inter = cert(ROOT, "Intermediate", true, inLeaf ? null : oid, value);
    Issued leaf = cert(inter, "leaf", false, inLeaf ? oid : null, value);
    int theirs = openssl(leaf, inter);
    int ours = ours(leaf, inter);
    assertTrue(theirs != 0, "openssl accepted " + what);
    assertEquals(theirs, ours, "verify code for " + what + " in the " + where);
  }

  @Test
  void wellFormedExtensions_stillVerify() throws Exception {
    Issued inter = cert(ROOT, "Intermediate", true, null, null);
    Issued leaf = cert(inter, "leaf", false, null, null);
    assertEquals(0, openssl(leaf, inter));
    assertEquals(0, ours(leaf, inter));
  }

  @Test
  void failure_namesTheCertificateAndTheExtension() throws Exception {
    Issued inter = cert(ROOT, "Bad NC", true, "2.5.29.30", new byte[] {0x04, 0x01, 0x00});
    Issued leaf = cert(inter, "leaf", false, null, null);
    VerificationFailure e = assertThrows(VerificationFailure.class,
        () -> new ChainVerifier(TrustStore.empty().plus(List.of(ROOT.certificate())))
            .verifyAnyPurpose(new X509Certificate[] {leaf.certificate(), inter.certificate()},
                null));
    assertTrue(e.getMessage().contains("CN=Bad NC") && e.getMessage().contains("nameConstraints"),
        e.getMessage());
  }

  /** Python's get_ca_certs() and cert_store_stats() ask X509_check_ca, false for these. */
  @Test
  void caWithAnUndecodableExtension_isLoadedButNotCountedAsCa_asPython() throws Exception {
    Issued bad = cert(ROOT, "Bad SAN CA", true, "2.5.29.17", new byte[] {0x04, 0x01, 0x00});
    Path bundle = DemoPki.write(dir.resolve("bundle.pem"), DemoPki.pem(ROOT.certificate(),
        bad.certificate()));
    Peer.require("python3", "the Python comparison");
    Peer py = Peer.command(List.of("python3", "-c", "import ssl, sys\n"
        + "c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n"
        + "c.load_verify_locations(sys.argv[1])\n"
        + "s = c.cert_store_stats()\n"
        + "print(s['x509'], s['x509_ca'], len(c.get_ca_certs()))", bundle.toString())).run();
    assertEquals(0, py.exitValue(), py.text());
    dev.pemtls.SslContext ctx = new dev.pemtls.SslContext(dev.pemtls.Protocol.TLS_CLIENT);
    ctx.loadVerifyLocations(bundle, null, null);
    Map<String, Integer> stats = ctx.certStoreStats();
    assertEquals(py.text().strip(), stats.get("x509") + " " + stats.get("x509_ca") + " "
        + ctx.caCertificates().size(), "x509, x509_ca and get_ca_certs() against Python's");
  }

  private static int ours(Issued leaf, Issued inter) {
    try {
      new ChainVerifier(TrustStore.empty().plus(List.of(ROOT.certificate())))
          .verifyAnyPurpose(new X509Certificate[] {leaf.certificate(), inter.certificate()}, null);
      return 0;
    } catch (VerificationFailure e) {
      return e.code().code();
    }
  }

  private static int openssl(Issued leaf, Issued inter) throws Exception {
    Peer.require("openssl", "the openssl comparison");
    Path root = DemoPki.write(dir.resolve("root.pem"), DemoPki.pem(ROOT.certificate()));
    Path untrusted = DemoPki.write(dir.resolve("inter.pem"), DemoPki.pem(inter.certificate()));
    Path leafFile = DemoPki.write(dir.resolve("leaf.pem"), DemoPki.pem(leaf.certificate()));
    List<String> cmd = new ArrayList<>(List.of("openssl", "verify", "-CAfile", root.toString(),
        "-untrusted", untrusted.toString(), leafFile.toString()));
    Peer p = Peer.command(cmd).run();
    if (p.exitValue() == 0) {
      return 0;
    }
    Matcher m = Pattern.compile("error (\\d+) at").matcher(p.text());
    if (!m.find()) {
      throw new AssertionError("openssl verify failed without a verify code: " + p.text());
    }
    return Integer.parseInt(m.group(1));
  }

  /** A certificate under {@code issuer}, with extension {@code oid} set raw to {@code value}. */
  private static Issued cert(Issued issuer, String cn, boolean ca, String oid, byte[] value)
      throws Exception {
    KeyPair keys = DemoPki.keyPair("EC");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
        X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minusSeconds(3600)),
        Date.from(now.plusSeconds(86_400)), new X500Name("CN=" + cn), keys.getPublic());
    if (oid != null) {
      b.addExtension(new ASN1ObjectIdentifier(oid), false, value);
    }
    if (ca && !Extension.basicConstraints.getId().equals(oid)) {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    }
    if (ca) {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
    }
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(
        new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.keys().getPrivate())));
    return new Issued(cert, keys);
  }
}
