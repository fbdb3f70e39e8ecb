package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki.Spec;
import dev.pemtls.internal.x509.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure module functions against CPython (python3 on the PATH) for the same inputs: one
 * Python process per test, over the whole table.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class ModuleFunctionsPythonTest {
  @TempDir Path dir;

  private static List<byte[]> ders() throws Exception {
    List<byte[]> ders = new ArrayList<>();
    ders.add(new Spec("localhost").dns("localhost").issue().certificate().getEncoded());
    ders.add(new Spec("RSA CA").keyAlgorithm("RSA").ca().issue().certificate().getEncoded());
    Random random = new Random(7);
    for (int len : new int[] {0, 1, 2, 3, 4, 47, 48, 49, 95, 96, 97, 144, 1000}) {
      byte[] b = new byte[len];
      random.nextBytes(b);
      ders.add(b);
    }
    return ders;
  }

  @Test
  void derCertToPemCert_matchesPythonByteForByte_andRoundTrips() throws Exception {
    List<byte[]> ders = ders();
    List<String> b64 = new ArrayList<>();
    ders.forEach(d -> b64.add(Base64.getEncoder().encodeToString(d)));
    List<PythonBatch.Outcome> py = PythonBatch.run(String.join("\n",
        "for d in data:",
        "    out(ssl.DER_cert_to_PEM_cert(base64.b64decode(d)))"), Json.write(b64), ders.size());
    for (int i = 0; i < ders.size(); i++) {
      String pem = Ssl.derCertToPemCert(ders.get(i));
      assertEquals(py.get(i).value(), pem, "DER of " + ders.get(i).length + " bytes");
      assertArrayEquals(ders.get(i), Ssl.pemCertToDerCert(pem));
    }
  }

  @Test
  void pemCertToDerCert_oddInputs_matchPythonResultsAndErrors() throws Exception {
    String pem = Ssl.derCertToPemCert(ders().get(0));
    String body = pem.substring(28, pem.length() - 26);
    List<String> inputs = List.of(pem, pem + "\n\n  \t", pem.replace("\n", "\r\n"),
        " " + pem, pem.replace("-----END CERTIFICATE-----\n", ""),
        pem.replace("BEGIN", "begin"), "-----BEGIN CERTIFICATE-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE----------END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----trailing",
        "-----BEGIN CERTIFICATE-----\nQUJ\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQU\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQUJDR\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQU==QUJD\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQUJ=D\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\n====\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQ!U@J#D$\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQUJD\u00e9\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQU\u00e9\u00e8JD\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQUJD\ud83d\ude00\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\n" + body.replace("\n", " ") + "\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n\u3000",
        "");
    List<PythonBatch.Outcome> py = PythonBatch.run(String.join("\n",
        "for s in data:",
        "    try: out(ssl.PEM_cert_to_DER_cert(s))",
        "    except Exception as e: err(e)"), Json.write(inputs), inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      String in = inputs.get(i);
      PythonBatch.Outcome expected = py.get(i);
      if (expected.failed()) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Ssl.pemCertToDerCert(in), "input " + i);
        assertEquals(expected.errorMessage(), e.getMessage(), "input " + i);
      } else {
        assertArrayEquals(expected.bytes(), Ssl.pemCertToDerCert(in), "input " + i);
      }
    }
  }

  @Test
  void certTimeToSeconds_manyDatesAndErrors_matchPython() throws Exception {
    List<String> inputs = new ArrayList<>(List.of("May  9 00:00:00 2007 GMT",
        "Jan  1 00:00:00 1970 GMT", "Dec 31 23:59:59 1969 GMT", "Feb 29 12:00:00 2000 GMT",
        "Feb 29 12:00:00 2001 GMT", "Feb 31 00:00:00 2023 GMT", "Apr 31 00:00:00 2023 GMT",
        "Jun 30 23:59:60 2015 GMT", "Jun 30 23:59:61 2015 GMT", "Jun 30 23:59:62 2015 GMT",
        "Jan 19 03:14:08 2038 GMT", "Dec 31 23:59:59 9999 GMT", "Jan  1 00:00:00 0001 GMT",
        "Jan  1 00:00:00 0000 GMT", "Jan  1 00:00:00 1 GMT", "jan  1 00:00:00 2000 GMT",
        "JAN  1 00:00:00 2000 GMT", "jAN  1 00:00:00 2000 gmt", "May 09 00:00:00 2007 GMT",
        "May 9 0:0:0 2007 GMT", "May\t9 00:00:00 2007 GMT", "May  9  00:00:00  2007  GMT",
        "May  9 00:00:00 2007 GMT ", "May  9 00:00:00 2007 GMTx", "May  9 00:00:00 2007 UTC",
        "May  9 00:00:00 2007", "May 32 00:00:00 2007 GMT", "May  0 00:00:00 2007 GMT",
        "May  9 24:00:00 2007 GMT", "May  9 00:60:00 2007 GMT", "May  9 00:00:00 20070 GMT",
        "May9 00:00:00 2007 GMT", "Foo  9 00:00:00 2007 GMT", "Ma", "", "May",
        "May  9 00:00:00 2007 GMT\n", "\u017fep  1 00:00:00 2000 GMT", "Sept 1 00:00:00 2000 GMT",
        "May \uff19 00:00:00 \uff12\uff10\uff10\uff17 GMT", "May\u3000 9 00:00:00 2007 GMT",
        "May  9 00:00:00 2007 GMT'\"", "May  9 00:00:00 2007 \u00e9"));
    String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    Random random = new Random(11);
    for (int i = 0; i < 150; i++) {
      inputs.add(String.format("%s %2d %02d:%02d:%02d %04d GMT", months[random.nextInt(12)],
          1 + random.nextInt(31), random.nextInt(24), random.nextInt(60), random.nextInt(60),
          1900 + random.nextInt(250)));
    }
    List<PythonBatch.Outcome> py = PythonBatch.run(String.join("\n",
        "for s in data:",
        "    try: out(ssl.cert_time_to_seconds(s))",
        "    except Exception as e: err(e)"), Json.write(inputs), inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      String in = inputs.get(i);
      PythonBatch.Outcome expected = py.get(i);
      if (expected.failed()) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Ssl.certTimeToSeconds(in), in);
        assertEquals(expected.errorMessage(), e.getMessage(), in);
      } else {
        assertEquals(Long.parseLong(expected.value()), Ssl.certTimeToSeconds(in), in);
      }
    }
  }

  private static Map<String, Object> cert(List<List<String>> san, String... commonNames) {
    Map<String, Object> cert = new LinkedHashMap<>();
    List<Object> subject = new ArrayList<>();
    subject.add(List.of(List.of("countryName", "US")));
    for (String cn : commonNames) {
      subject.add(List.of(List.of("commonName", cn)));
    }
    cert.put("subject", subject);
    if (san != null) {
      cert.put("subjectAltName", new ArrayList<>(san));
    }
    return cert;
  }

  private static List<String> dns(String name) {
    return List.of("DNS", name);
  }

  private static List<String> ip(String address) {
    return List.of("IP Address", address);
  }

  @Test
  void matchHostname_tableOfCertsAndNames_matchesPython() throws Exception {
    List<Map<String, Object>> certs = List.of(
        cert(List.of(dns("example.com"), dns("www.example.com"))),
        cert(List.of(dns("*.example.com"))),
        cert(List.of(dns("*.com"))),
        cert(List.of(dns("f*.example.com"))),
        cert(List.of(dns("*oo.example.com"))),
        cert(List.of(dns("*.*.example.com"))),
        cert(List.of(dns("www.*.com"))),
        cert(List.of(dns("*"))),
        cert(List.of(dns(""), dns("Example.COM"))),
        cert(List.of(ip("127.0.0.1"), ip("2001:DB8:0:0:0:0:0:1\n"))),
        cert(List.of(dns("127.0.0.1"))),
        cert(List.of(ip("::ffff:127.0.0.1"))),
        cert(List.of(List.of("URI", "https://example.com/"), List.of("email", "a@example.com")),
            "example.com"),
        cert(null, "example.com", "www.example.com"),
        cert(null, "*.example.com"),
        cert(null, "127.0.0.1"),
        cert(null),
        cert(List.of(dns("xn--bcher-kva.example")), "ignored.example"),
        cert(List.of(ip("1.2.3")), "x"),
        cert(List.of(ip("01.2.3.4")), "x"),
        cert(List.of(dns("it's.example"))),
        Map.of());
    List<String> hosts = List.of("example.com", "www.example.com", "EXAMPLE.com",
        "a.example.com", "a.b.example.com", "example.com.", "foo.example.com", ".example.com",
        "127.0.0.1", "127.1", "127.0.0.1 ", "2001:db8::1", "::ffff:127.0.0.1", "::1",
        "1.2.3.4", "xn--bcher-kva.example", "", "it's.example");
    List<Object> pairs = new ArrayList<>();
    for (Map<String, Object> c : certs) {
      for (String h : hosts) {
        pairs.add(List.of(c, h));
      }
    }
    List<PythonBatch.Outcome> py = PythonBatch.run(String.join("\n",
        "for cert, host in data:",
        "    try: ssl.match_hostname(cert, host); out('match')",
        // str() of an SSLError made with one argument is that tuple's repr, ('text',):
        // compare the text, args[0].
        "    except ssl.SSLError as e: print('ERR ' + type(e).__name__ + ' '"
            + " + base64.b64encode(e.args[0].encode('utf-8')).decode())",
        "    except Exception as e: err(e)"), Json.write(pairs), pairs.size());
    int i = 0;
    int errors = 0;
    for (Map<String, Object> c : certs) {
      for (String h : hosts) {
        PythonBatch.Outcome expected = py.get(i++);
        String what = h + " against " + c;
        if (!expected.failed()) {
          Ssl.matchHostname(c, h);
          continue;
        }
        errors++;
        Class<? extends Exception> type = expected.errorType().equals("SSLCertVerificationError")
            ? CertificateError.class : IllegalArgumentException.class;
        Exception e = assertThrows(type, () -> Ssl.matchHostname(c, h), what);
        assertEquals(expected.errorMessage(), e.getMessage(), what);
      }
    }
    assertTrue(errors > 50 && errors < pairs.size() - 20, "table has matches and mismatches");
  }

  @Test
  void getDefaultVerifyPaths_withSslCertFileAndDir_matchesPython() throws Exception {
    Path file = Files.writeString(dir.resolve("ca.pem"), "x");
    List<Map<String, String>> envs = List.of(Map.of(),
        Map.of("SSL_CERT_FILE", file.toString()),
        Map.of("SSL_CERT_FILE", dir.resolve("missing.pem").toString()),
        Map.of("SSL_CERT_FILE", ""),
        Map.of("SSL_CERT_FILE", dir.toString(), "SSL_CERT_DIR", dir.toString()),
        Map.of("SSL_CERT_DIR", file.toString()),
        Map.of("SSL_CERT_DIR", dir + ":" + dir),
        Map.of("SSL_CERT_DIR", ""));
    List<PythonBatch.Outcome> py = PythonBatch.run(String.join("\n",
        "for env in data:",
        "    os.environ.pop('SSL_CERT_FILE', None); os.environ.pop('SSL_CERT_DIR', None)",
        "    os.environ.update(env)",
        "    out('\\n'.join(str(f) for f in ssl.get_default_verify_paths()))"),
        Json.write(envs), envs.size());
    for (int i = 0; i < envs.size(); i++) {
      DefaultVerifyPaths p = DefaultVerifyPaths.of(envs.get(i));
      List<String> fields = new ArrayList<>();
      for (String f : new String[] {p.cafile(), p.capath(), p.opensslCafileEnv(),
          p.opensslCafile(), p.opensslCapathEnv(), p.opensslCapath()}) {
        fields.add(String.valueOf(f).replace("null", "None"));
      }
      List<String> expected = List.of(py.get(i).value().split("\n"));
      // OpenSSL's built-in locations depend on how python3's OpenSSL was built; PemTLS takes
      // the distribution's. Compare those only when this python3 uses the same OPENSSLDIR.
      if (!expected.get(3).equals(p.opensslCafile())) {
        fields.set(0, fields.get(0).replace(p.opensslCafile(), expected.get(3)));
        fields.set(1, fields.get(1).replace(p.opensslCapath(), expected.get(5)));
        fields.set(3, expected.get(3));
        fields.set(5, expected.get(5));
      }
      assertEquals(expected, fields, "env " + envs.get(i));
    }
  }
}
