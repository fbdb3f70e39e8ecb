package dev.pemtls.internal.trust;

import dev.pemtls.testing.CaDirs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pemtls.VerifyFlags;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRL checks, partial chains and issuers found in the store rather than sent by the peer. */
class ChainVerifierFlagsTest {
  static final VerifyFlags LEAF = VerifyFlags.X509_TRUSTED_FIRST.with(VerifyFlags.CRL_CHECK_LEAF);
  static final VerifyFlags CHAIN = VerifyFlags.X509_TRUSTED_FIRST
      .with(VerifyFlags.CRL_CHECK_CHAIN);

  final Issued root = new Spec("Flags Root").ca().issue();
  final Issued inter = new Spec("Flags Intermediate").issuer(root).ca().issue();
  final Issued leaf = new Spec("leaf.example").issuer(inter).dns("leaf.example").issue();

  @TempDir Path dir;

  private X509Certificate[] sent(Issued... certs) {
    X509Certificate[] out = new X509Certificate[certs.length];
    for (int i = 0; i < certs.length; i++) {
      out[i] = certs[i].certificate();
    }
    return out;
  }

  private static VerifyCode failure(TrustStore store, VerifyFlags flags, X509Certificate[] chain) {
    return assertThrows(VerificationFailure.class, () -> new ChainVerifier(store, flags,
        Clock.systemUTC()).verify(chain, true, "leaf.example")).code();
  }

  private static List<X509Certificate> ok(TrustStore store, VerifyFlags flags,
      X509Certificate[] chain) throws VerificationFailure {
    return new ChainVerifier(store, flags, Clock.systemUTC()).verify(chain, true, "leaf.example");
  }

  private TrustStore rootAnd(X509CRL... crls) {
    return TrustStore.empty().plus(List.of(root.certificate())).plusCrls(List.of(crls));
  }

  @Test
  void crlCheckLeaf_noCrlLoaded_raisesCode3() {
    assertEquals(VerifyCode.UNABLE_TO_GET_CRL, failure(rootAnd(), LEAF, sent(leaf, inter)));
  }

  @Test
  void crlCheckLeaf_leafRevoked_raisesCode23() {
    X509CRL crl = TestCrls.current(inter, leaf.certificate().getSerialNumber());
    assertEquals(VerifyCode.CERT_REVOKED, failure(rootAnd(crl), LEAF, sent(leaf, inter)));
  }

  @Test
  void crlCheckLeaf_expiredCrl_raisesCode12() {
    X509CRL crl = TestCrls.issue(inter, Instant.now().minusSeconds(7200),
        Instant.now().minusSeconds(3600));
    assertEquals(VerifyCode.CRL_HAS_EXPIRED, failure(rootAnd(crl), LEAF, sent(leaf, inter)));
  }

  @Test
  void crlCheckLeaf_crlSignedByAnotherKey_raisesCode8() {
    Issued impostor = new Spec("Flags Intermediate").ca().issue(); // same name, other key
    X509CRL crl = TestCrls.current(impostor);
    assertEquals(VerifyCode.CRL_SIGNATURE_FAILURE, failure(rootAnd(crl), LEAF,
        sent(leaf, inter)));
  }

  @Test
  void crlCheckLeaf_currentCrlWithoutLeaf_verifies() throws Exception {
    assertEquals(3, ok(rootAnd(TestCrls.current(inter)), LEAF, sent(leaf, inter)).size());
  }

  @Test
  void crlCheckChain_intermediateRevokedByRoot_raisesCode23() {
    X509CRL leafCrl = TestCrls.current(inter);
    X509CRL rootCrl = TestCrls.current(root, inter.certificate().getSerialNumber());
    assertEquals(VerifyCode.CERT_REVOKED, failure(rootAnd(leafCrl, rootCrl), CHAIN,
        sent(leaf, inter)));
  }

  @Test
  void crlCheckChain_rootCrlMissing_raisesCode3() {
    assertEquals(VerifyCode.UNABLE_TO_GET_CRL, failure(rootAnd(TestCrls.current(inter)), CHAIN,
        sent(leaf, inter)));
  }

  @Test
  void crlInCapath_hashRLink_isUsed() throws Exception {
    Files.writeString(dir.resolve("root.pem"), DemoPki.pem(root.certificate()));
    Files.writeString(dir.resolve("inter.crl"), TestCrls.pem(TestCrls.current(inter,
        leaf.certificate().getSerialNumber())));
    CaDirs.rehash(dir);
    TrustStore store = TrustStore.empty().plusDirectory(CaDirectory.open(dir));
    assertEquals(VerifyCode.CERT_REVOKED, failure(store, LEAF, sent(leaf, inter)));
  }

  @Test
  void intermediateNotSent_foundInCafile_verifies() throws Exception {
    TrustStore store = TrustStore.empty().plus(List.of(root.certificate(),
        inter.certificate()));
    assertEquals(3, ok(store, VerifyFlags.DEFAULT, sent(leaf)).size());
  }

  @Test
  void intermediateInCapath_rootInCafile_verifies() throws Exception {
    Files.writeString(dir.resolve("inter.pem"), DemoPki.pem(inter.certificate()));
    CaDirs.rehash(dir);
    TrustStore store = TrustStore.empty().plus(List.of(root.certificate()))
        .plusDirectory(CaDirectory.open(dir));
    assertEquals(3, ok(store, VerifyFlags.DEFAULT, sent(leaf)).size());
  }

  @Test
  void trustedIntermediateOnly_withoutPartialChain_raisesCode2() {
    TrustStore store = TrustStore.empty().plus(List.of(inter.certificate()));
    assertEquals(VerifyCode.UNABLE_TO_GET_ISSUER_CERT, failure(store, VerifyFlags.DEFAULT,
        sent(leaf)));
  }

  @Test
  void trustedIntermediateOnly_withPartialChain_isAnAnchor() throws Exception {
    TrustStore store = TrustStore.empty().plus(List.of(inter.certificate()));
    List<X509Certificate> path = ok(store, VerifyFlags.X509_PARTIAL_CHAIN, sent(leaf));
    assertEquals(List.of(leaf.certificate(), inter.certificate()), path);
  }

  @Test
  void untrusted_rootNotLoaded_raisesCode20() {
    assertEquals(VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, failure(TrustStore.empty(),
        VerifyFlags.DEFAULT, sent(leaf, inter)));
  }

  @Test
  void verifyDepth_tooManyIntermediates_raisesCode22() {
    VerificationFailure e = assertThrows(VerificationFailure.class, () -> new ChainVerifier(
        rootAnd(), VerifyFlags.DEFAULT, Clock.systemUTC()).withMaxDepth(0)
        .verify(sent(leaf, inter), true, "leaf.example"));
    assertEquals(VerifyCode.CERT_CHAIN_TOO_LONG, e.code());
  }

  @Test
  void verifyFlags_namesAndBitsAsPython() {
    assertEquals(0xc, VerifyFlags.CRL_CHECK_CHAIN.value());
    assertEquals("VERIFY_CRL_CHECK_CHAIN|VERIFY_X509_STRICT",
        VerifyFlags.CRL_CHECK_CHAIN.with(VerifyFlags.X509_STRICT).toString());
    assertEquals("VERIFY_DEFAULT", VerifyFlags.of(0).toString());
    assertEquals(true, CHAIN.contains(VerifyFlags.CRL_CHECK_LEAF));
    assertThrows(IllegalArgumentException.class, () -> VerifyFlags.of(0x2));
  }
}
