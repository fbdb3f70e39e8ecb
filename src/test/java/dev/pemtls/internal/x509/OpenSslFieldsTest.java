package dev.pemtls.internal.x509;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.OpenSslBinary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OpenSslFields} and {@link OneLineNames} against {@code openssl x509 -noout -subject
 * -issuer -serial -dates -ext subjectAltName} on every generated certificate of the CPython
 * comparison corpus: string types, multi-valued and unsorted RDNs, every attribute OID of the
 * name table, unknown OIDs, escapes, IP and email names.
 */
@Tag("peer") // needs the openssl 3.0 binary
class OpenSslFieldsTest {
  @TempDir Path dir;

  @Test
  void everyGeneratedCertificate_printsAsOpensslX509() throws Exception {
    OpenSslBinary.assume30();
    List<Executable> checks = new ArrayList<>();
    int compared = 0;
    for (Map.Entry<String, byte[]> e : GeneratedCerts.all().entrySet()) {
      Path f = dir.resolve(e.getKey() + ".pem");
      Files.writeString(f, TestCert.pem(e.getValue()));
      OpenSslBinary.Result r = OpenSslBinary.run("x509", "-in", f.toString(), "-noout",
          "-subject", "-issuer", "-serial", "-dates", "-ext", "subjectAltName");
      if (r.exit() != 0 || e.getKey().equals("sanEveryType")) {
        // sanEveryType holds otherName, DirName, X400 and EDI names, which SanText documents
        // as printed differently
        continue; // openssl cannot load it; nothing to compare with
      }
      compared++;
      String name = e.getKey();
      checks.add(() -> assertEquals(r.out(), print(OpenSslFields.of(e.getValue())), name));
    }
    assertTrue(compared >= 20, "openssl loaded only " + compared + " certificates");
    assertAll(checks);
  }

  private static String print(OpenSslFields f) {
    StringBuilder sb = new StringBuilder()
        .append("subject=").append(f.subject()).append('\n')
        .append("issuer=").append(f.issuer()).append('\n')
        .append("serial=").append(f.serial()).append('\n')
        .append("notBefore=").append(f.notBefore()).append('\n')
        .append("notAfter=").append(f.notAfter()).append('\n');
    String san = f.subjectAltNameText();
    if (san != null) {
      // one char per octet; openssl's output was read as UTF-8
      sb.append(new String(san.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
