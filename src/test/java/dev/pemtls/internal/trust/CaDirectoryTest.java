package dev.pemtls.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslError;
import dev.pemtls.VerifyFlags;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lazy hashed-directory look-up: what is read, when, and how junk is skipped. */
class CaDirectoryTest {
  static final int CAS = 10_000;

  @TempDir static Path big;
  static Issued[] cas = new Issued[CAS];

  @TempDir Path dir;

  /** 10,000 CAs sharing one key (keys are slow to make; names are what matters here). */
  @BeforeAll
  static void tenThousandCas() throws Exception {
    KeyPair shared = DemoPki.keyPair("EC");
    for (int i = 0; i < CAS; i++) {
      cas[i] = new Spec("Bulk CA " + i).keys(shared).ca().issue();
      link(big, cas[i].certificate());
    }
  }

  /** Writes the certificate as {@code <hash>.<n>}, the first free n, as rehash would. */
  static Path link(Path dir, X509Certificate cert) throws IOException {
    String hash = SubjectHash.of(cert);
    int n = 0;
    while (Files.exists(dir.resolve(hash + "." + n))) {
      n++;
    }
    return Files.writeString(dir.resolve(hash + "." + n), DemoPki.pem(cert));
  }

  static X509Certificate[] leafOf(Issued ca) {
    Issued leaf = new Spec("leaf.example").issuer(ca).dns("leaf.example").issue();
    return new X509Certificate[] {leaf.certificate()};
  }

  static ChainVerifier verifier(CaDirectory d) {
    return new ChainVerifier(TrustStore.empty().plusDirectory(d), VerifyFlags.X509_TRUSTED_FIRST,
        Clock.systemUTC());
  }

  @Test
  void open_tenThousandCas_readsNothing() throws Exception {
    CountingCaFiles files = new CountingCaFiles();
    CaDirectory.open(List.of(big), files);
    assertEquals(List.of(), files.reads);
    assertEquals(List.of(), files.stamps);
  }

  @Test
  void firstVerification_tenThousandCas_readsOneFileThenNoneWhenCached() throws Exception {
    CountingCaFiles files = new CountingCaFiles();
    ChainVerifier v = verifier(CaDirectory.open(List.of(big), files));
    Issued ca = cas[4321];
    List<X509Certificate> path = v.verify(leafOf(ca), true, "leaf.example");
    assertEquals(ca.certificate(), path.get(1));
    assertEquals(List.of(big.resolve(SubjectHash.of(ca.certificate()) + ".0")), files.reads);
    files.reads.clear();
    v.verify(leafOf(ca), true, "leaf.example");
    assertEquals(List.of(), files.reads, "the second verification uses the cache");
  }

  @Test
  void changedFile_isReadAgain() throws Exception {
    Issued ca = new Spec("Changing CA").ca().issue();
    Path f = link(dir, ca.certificate());
    CountingCaFiles files = new CountingCaFiles();
    ChainVerifier v = verifier(CaDirectory.open(List.of(dir), files));
    v.verify(leafOf(ca), true, "leaf.example");
    Files.writeString(f, Files.readString(f) + "\n"); // new size and time
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    v.verify(leafOf(ca), true, "leaf.example");
    assertEquals(2, files.reads.size());
  }

  @Test
  void multipleDirectories_areSearchedInOrder() throws Exception {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Issued ca = new Spec("Second Dir CA").ca().issue();
    link(b, ca.certificate());
    ChainVerifier v = verifier(CaDirectory.open(List.of(a, b), CaFiles.system()));
    assertEquals(2, v.verify(leafOf(ca), true, "leaf.example").size());
  }

  @Test
  void junk_danglingLinkTwoLinksNonCertAndUnreadable_skippedNeverTrusted() throws Exception {
    Issued ca = new Spec("Junk Dir CA").ca().issue();
    String hash = SubjectHash.of(ca.certificate());
    Path real = Files.writeString(dir.resolve("ca.pem"), DemoPki.pem(ca.certificate()));
    Files.writeString(dir.resolve(hash + ".0"), "not a certificate at all\n");
    Path unreadable = Files.writeString(dir.resolve(hash + ".1"), DemoPki.pem(ca.certificate()));
    Files.createSymbolicLink(dir.resolve(hash + ".2"), real.getFileName());
    Files.createSymbolicLink(dir.resolve(hash + ".3"), real.getFileName()); // same file again
    Files.createSymbolicLink(dir.resolve("ffffffff.0"), dir.resolve("gone.pem")); // dangling
    CountingCaFiles files = new CountingCaFiles();
    files.unreadable.add(unreadable);
    CaDirectory d = CaDirectory.open(List.of(dir), files);
    assertEquals(List.of(ca.certificate()), d.certificates(ca.certificate()
        .getSubjectX500Principal()));
    assertEquals(3, files.reads.size(), "junk, unreadable, and the linked file once: "
        + files.reads);
    Issued other = new Spec("Not In Dir").ca().issue();
    VerificationFailure f = assertThrows(VerificationFailure.class,
        () -> verifier(d).verify(leafOf(other), true, "leaf.example"));
    assertEquals(VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, f.code());
  }

  @Test
  void directoryThatDisappears_failsVerificationWithoutCrash() throws Exception {
    Path gone = Files.createDirectory(dir.resolve("gone"));
    Issued ca = new Spec("Vanishing CA").ca().issue();
    Path f = link(gone, ca.certificate());
    ChainVerifier v = verifier(CaDirectory.open(List.of(gone), CaFiles.system()));
    Files.delete(f);
    Files.delete(gone);
    VerificationFailure e = assertThrows(VerificationFailure.class,
        () -> v.verify(leafOf(ca), true, "leaf.example"));
    assertEquals(VerifyCode.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, e.code());
  }

  @Test
  void open_missingDirectory_raisesNamingIt() {
    SslError e = assertThrows(SslError.class, () -> CaDirectory.open(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
