package dev.pemtls.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pemtls.testing.Peer;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host and IP checks against {@code openssl verify -verify_ip/-verify_hostname} as the oracle:
 * addresses compare as byte strings of their own length (an IPv4-mapped IPv6 address is not
 * IPv4), and wildcards follow OpenSSL's syntax. Each case asserts PemTLS's verify code and
 * openssl's, so a disagreement shows which side moved.
 */
class HostCheckOpenSslTest {
  static final Issued ROOT = new Spec("Host Check Root").ca().issue();
  /** An intermediate whose name constraints exclude 127.0.0.0/8. */
  static Issued noLoopback;

  @TempDir static Path dir;
  static Path rootFile;

  @BeforeAll
  static void pki() throws Exception {
    noLoopback = constrainedCa(ROOT, new byte[] {127, 0, 0, 0, (byte) 255, 0, 0, 0});
    rootFile = DemoPki.write(dir.resolve("root.pem"), DemoPki.pem(ROOT.certificate()));
  }

  @Test
  void ipv4MappedSan_underLoopbackExclusion_doesNotMatchIpv4Host() throws Exception {
    Issued leaf = new Spec("mapped").issuer(noLoopback).ip("::ffff:127.0.0.1").issue();
    assertBoth(64, leaf, noLoopback, "ip", "127.0.0.1");
  }

  @Test
  void ipv4MappedSanInHexForm_doesNotMatchIpv4Host() throws Exception {
    Issued leaf = new Spec("mapped hex").issuer(ROOT).ip("::ffff:7f00:1").issue();
    assertBoth(64, leaf, null, "ip", "127.0.0.1");
  }

  @Test
  void ipv4San_doesNotMatchIpv4MappedHost() throws Exception {
    Issued leaf = new Spec("v4").issuer(ROOT).ip("127.0.0.1").issue();
    assertBoth(64, leaf, null, "ip", "::ffff:127.0.0.1");
  }

  @Test
  void ipv4MappedSan_matchesTheSameMappedHost() throws Exception {
    Issued leaf = new Spec("mapped ok").issuer(noLoopback).ip("::ffff:127.0.0.1").issue();
    assertBoth(0, leaf, noLoopback, "ip", "::ffff:127.0.0.1");
  }

  @Test
  void ipv4Host_matchesIpv4San() throws Exception {
    Issued leaf = new Spec("v4 ok").issuer(ROOT).ip("127.0.0.1").issue();
    assertBoth(0, leaf, null, "ip", "127.0.0.1");
  }

  @Test
  void wildcard_doesNotCoverUnderscore() throws Exception {
    Issued leaf = new Spec("w").issuer(ROOT).dns("*.example.com").issue();
    assertBoth(62, leaf, null, "hostname", "a_b.example.com");
  }

  @Test
  void wildcard_coversLettersDigitsAndHyphen() throws Exception {
    Issued leaf = new Spec("w ok").issuer(ROOT).dns("*.example.com").issue();
    assertBoth(0, leaf, null, "hostname", "a-B9.example.com");
  }

  @Test
  void wildcardPatternWithUnderscore_isNotAWildcard() throws Exception {
    Issued leaf = new Spec("w bad").issuer(ROOT).dns("*.ex_ample.com").issue();
    assertBoth(62, leaf, null, "hostname", "a.ex_ample.com");
  }

  @Test
  void wildcardOverHyphenEndedLabel_isNotAWildcard() throws Exception {
    Issued leaf = new Spec("w hyphen").issuer(ROOT).dns("*.example-.com").issue();
    assertBoth(62, leaf, null, "hostname", "a.example-.com");
  }

  @Test
  void wildcardOverTwoLabelsOnly_isNotAWildcard() throws Exception {
    Issued leaf = new Spec("w short").issuer(ROOT).dns("*.com").issue();
    assertBoth(62, leaf, null, "hostname", "example.com");
  }

  @Test
  void wildcard_coversAnIdnaLabel() throws Exception {
    Issued leaf = new Spec("w idna").issuer(ROOT).dns("*.example.com").issue();
    assertBoth(0, leaf, null, "hostname", "xn--bcher-kva.example.com");
  }

  /** PemTLS's and openssl's verify codes for the leaf (and intermediate) against the host. */
  private static void assertBoth(int expected, Issued leaf, Issued inter, String kind,
      String host) throws Exception {
    X509Certificate[] sent = inter == null ? new X509Certificate[] {leaf.certificate()}
        : new X509Certificate[] {leaf.certificate(), inter.certificate()};
    int ours;
    try {
      new ChainVerifier(TrustStore.empty().plus(List.of(ROOT.certificate())))
          .verifyAnyPurpose(sent, host);
      ours = 0;
    } catch (VerificationFailure e) {
      ours = e.code().code();
    }
    assertEquals(expected, ours, "PemTLS's verify code for " + kind + " " + host);
    assertEquals(expected, openssl(leaf, inter, kind, host), "openssl's verify code for "
        + kind + " " + host);
  }

  private static int openssl(Issued leaf, Issued inter, String kind, String host)
      throws IOException, InterruptedException {
    Peer.require("openssl", "the openssl comparison");
    Path leafFile = DemoPki.write(dir.resolve("leaf.pem"), DemoPki.pem(leaf.certificate()));
    Path untrusted = DemoPki.write(dir.resolve("inter.pem"), inter == null ? ""
        : DemoPki.pem(inter.certificate()));
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl", "verify", "-CAfile",
        rootFile.toString(), "-verify_" + kind, host));
    if (inter != null) {
      cmd.addAll(List.of("-untrusted", untrusted.toString()));
    }
    cmd.add(leafFile.toString());
    Peer p = Peer.command(cmd).run();
    String out = p.text();
    if (p.exitValue() == 0) {
      return 0;
    }
    Matcher m = Pattern.compile("error (\\d+) at").matcher(out);
    if (!m.find()) {
      throw new AssertionError("openssl verify failed without a verify code: " + out);
    }
    return Integer.parseInt(m.group(1));
  }

  /** A CA under {@code issuer} whose name constraints exclude one IPv4 range (8 bytes). */
  private static Issued constrainedCa(Issued issuer, byte[] excludedRange) throws Exception {
    KeyPair keys = DemoPki.keyPair("EC");
    X500Name subject = new X500Name("CN=No Loopback CA");
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
        X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
        Date.from(now.plusSeconds(86_400)), subject, keys.getPublic());
    b.addExtension(Extension.subjectKeyIdentifier, false,
        ext.createSubjectKeyIdentifier(keys.getPublic()));
    b.addExtension(Extension.authorityKeyIdentifier, false,
        ext.createAuthorityKeyIdentifier(issuer.certificate()));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
    b.addExtension(Extension.nameConstraints, true, new NameConstraints(null,
        new GeneralSubtree[] {new GeneralSubtree(new GeneralName(GeneralName.iPAddress,
            new DEROctetString(excludedRange)))}));
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(
        new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.keys().getPrivate())));
    return new Issued(cert, keys);
  }
}
