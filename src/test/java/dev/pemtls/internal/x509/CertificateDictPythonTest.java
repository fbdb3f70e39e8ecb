package dev.pemtls.internal.x509;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslError;
import dev.pemtls.internal.x509.Json;
import dev.pemtls.testing.PythonOracle;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates built field by field decode exactly as CPython 3.11 decodes them (same JSON text),
 * and fail where CPython raises. CPython runs once for all of them.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class CertificateDictPythonTest {
  @TempDir static Path dir;

  private static Map<String, byte[]> certs;
  private static final Map<String, String> PYTHON = new HashMap<>();

  @BeforeAll
  static void decodeAllWithPython() throws Exception {
    certs = GeneratedCerts.all();
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : certs.entrySet()) {
      Path f = dir.resolve(e.getKey() + ".pem");
      Files.writeString(f, TestCert.pem(e.getValue()));
      files.add(f);
    }
    List<String> lines = PythonOracle.decode(files);
    int i = 0;
    for (String name : certs.keySet()) {
      PYTHON.put(name, lines.get(i++));
    }
  }

  /** Asserts every case whose name passes {@code which} matches Python; at least one must. */
  private static void assertMatchesPython(Predicate<String> which) {
    List<Executable> checks = new ArrayList<>();
    for (String name : certs.keySet()) {
      if (!which.test(name)) {
        continue;
      }
      String expected = PYTHON.get(name);
      checks.add(() -> {
        if (expected.startsWith("ERROR ")) {
          assertThrows(SslError.class, () -> CertificateDict.decode(certs.get(name)),
              name + ": Python raised " + expected.substring(6));
        } else {
          assertEquals(expected, Json.write(CertificateDict.decode(certs.get(name))), name);
        }
      });
    }
    assertTrue(!checks.isEmpty(), "no case selected");
    assertAll(checks);
  }

  private static void assertMatchesPython(String... names) {
    assertMatchesPython(List.of(names)::contains);
  }

  @Test
  void decode_multiValuedRdn_matchesPython() {
    assertMatchesPython("multiValuedRdn", "emptyNameAndEmptyRdn");
  }

  @Test
  void decode_emailDcUidEvAttributesAndMixedCase_matchesPython() {
    assertMatchesPython("commonAttributeNames");
  }

  @Test
  void decode_everyOidOfTheLongNameTable_matchesOpenSsl() {
    assertMatchesPython("everyTableOid");
  }

  @Test
  void decode_unknownAttributeOids_printDotted() {
    assertMatchesPython("unknownOids");
  }

  @Test
  void decode_everyStringType_convertsAsAsn1StringToUtf8() {
    assertMatchesPython("stringTypes", "escapesAndControls", "printableWithUtf8Bytes");
  }

  @Test
  void decode_subjectAltNameOfEveryType_matchesPython() {
    assertMatchesPython(n -> n.startsWith("san"));
  }

  @Test
  void decode_authorityInfoAccess_listsOcspAndCaIssuerUris() {
    assertMatchesPython(n -> n.startsWith("aia") || n.equals("allExtensionsInOrder"));
  }

  @Test
  void decode_crlDistributionPoints_listsFullNameUris() {
    assertMatchesPython("crlDistributionPoints", "crlNoUris");
  }

  @Test
  void decode_serialNumbers_printAsI2aAsn1Integer() {
    assertMatchesPython(n -> n.startsWith("serial"));
  }

  @Test
  void decode_x509CertificateFromJdk_equalsDecodeOfItsDer() throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<Executable> checks = new ArrayList<>();
    for (String name : List.of("serialNegative", "serialMinusOne", "serialZero", "version1",
        "sanEveryType", "stringTypes", "timeGeneralizedAfter2049")) {
      byte[] der = certs.get(name);
      checks.add(() -> {
        X509Certificate cert =
            (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        assertEquals(CertificateDict.decode(der), CertificateDict.decode(cert), name);
      });
    }
    assertAll(checks);
  }

  @Test
  void decode_version1Certificate_matchesPython() {
    assertMatchesPython("version1", "version1WithSerialOne");
  }

  @Test
  void decode_validityTimes_printAsAsn1TimePrint() {
    assertMatchesPython(n -> n.startsWith("time"));
  }

  @Test
  void decode_valuesPythonCannotConvert_raiseSslError() {
    assertMatchesPython(n -> n.startsWith("fail"));
  }
}
