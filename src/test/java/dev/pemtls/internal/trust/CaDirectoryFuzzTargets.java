package dev.pemtls.internal.trust;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;

/**
 * Jazzer fuzz target for the CA directory scanner: every {@code <hash>.N} and {@code <hash>.rN}
 * file holds the fuzzer's bytes. Lookups must return (possibly nothing), never throw: a bad file
 * in a capath is skipped, as OpenSSL skips it.
 */
class CaDirectoryFuzzTargets {
  private static final Issued CA = new Spec("fuzz").ca().issue();
  private static final List<byte[]> TEMPLATES = templates();
  private static final AtomicLong VERSION = new AtomicLong();

  @FuzzTest(maxDuration = "2h")
  void caDirectories(byte[] data) throws Exception {
    byte[] content = Mutations.apply(TEMPLATES, data);
    long version = VERSION.incrementAndGet();
    CaFiles files = new CaFiles() {
      @Override
      public boolean isDirectory(Path dir) {
        return true;
      }

      @Override
      public Stamp stamp(Path file) {
        String name = file.getFileName().toString();
        boolean first = name.endsWith(".0") || name.endsWith(".r0");
        return first ? new Stamp(name, content.length, version) : null;
      }

      @Override
      public byte[] read(Path file) {
        return content;
      }
    };
    CaDirectory dir = CaDirectory.open(List.of(Path.of("/fuzz-capath")), files);
    X500Principal subject = CA.certificate().getSubjectX500Principal();
    dir.certificates(subject);
    dir.crls(subject);
  }

  private static List<byte[]> templates() {
    try {
      return List.of(DemoPki.pem(CA.certificate()).getBytes(StandardCharsets.US_ASCII),
          CA.certificate().getEncoded(), TestCrls.current(CA).getEncoded(),
          (DemoPki.pem(CA.certificate()) + DemoPki.pem(CA.certificate()))
              .getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
