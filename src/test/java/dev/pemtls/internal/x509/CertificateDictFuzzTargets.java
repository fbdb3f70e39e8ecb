package dev.pemtls.internal.x509;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pemtls.SslError;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.fuzz.Mutations;
import java.util.List;

/** Jazzer fuzz target for Python's certificate dictionary from DER: only SslError escapes. */
class CertificateDictFuzzTargets {
  private static final List<byte[]> TEMPLATES = templates();

  @FuzzTest(maxDuration = "2h")
  void certificateDictionaries(byte[] data) {
    try {
      CertificateDict.decode(Mutations.apply(TEMPLATES, data));
    } catch (SslError | IllegalArgumentException expected) {
      // documented
    }
  }

  private static List<byte[]> templates() {
    try {
      Issued ca = new Spec("Fuzz CA").ca().issue();
      Issued leaf = new Spec("fuzz.example").issuer(ca).dns("fuzz.example", "*.fuzz.example")
          .ip("127.0.0.1", "::ffff:127.0.0.1").issue();
      Issued rsa = new Spec("rsa").keyAlgorithm("RSA").issue();
      return List.of(ca.certificate().getEncoded(), leaf.certificate().getEncoded(),
          rsa.certificate().getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
