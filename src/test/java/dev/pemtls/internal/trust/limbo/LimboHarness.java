package dev.pemtls.internal.trust.limbo;

import dev.pemtls.testing.MiniJson;
import dev.pemtls.testing.CaDirs;
import dev.pemtls.SslError;
import dev.pemtls.VerifyFlags;
import dev.pemtls.internal.pem.CaFileContents;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.CaDirectory;
import dev.pemtls.internal.trust.ChainVerifier;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerificationFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs PemTLS's chain verifier on x509-limbo test cases, with the settings of limbo's own
 * OpenSSL harness: {@code VERIFY_X509_STRICT | VERIFY_X509_PARTIAL_CHAIN}, security level 2, a
 * purpose only when the case names an extended key usage, the case's verify depth, and CRL
 * checks of the leaf when the case has CRLs. Trusted certificates (and CRLs) are given either as a cafile or as a
 * directory rehashed with {@code pemtls rehash} and read lazily.
 */
final class LimboHarness {
  enum Trust { CAFILE, CAPATH }

  /** One case's outcome, in limbo's result format. */
  record Result(String id, String expected, String actual, String context) {
    boolean agrees() {
      return expected.equals(actual);
    }
  }

  private LimboHarness() {}

  @SuppressWarnings("unchecked")
  static List<Result> run(Path limboJson, Trust trust, Path work) throws IOException {
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(limboJson));
    List<Result> out = new ArrayList<>();
    int n = 0;
    for (Object o : (List<Object>) root.get("testcases")) {
      Map<String, Object> tc = (Map<String, Object>) o;
      out.add(runCase(tc, trust, work.resolve("case" + n++)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Result runCase(Map<String, Object> tc, Trust trust, Path dir)
      throws IOException {
    String id = (String) tc.get("id");
    String expected = (String) tc.get("expected_result");
    boolean server = "SERVER".equals(tc.get("validation_kind"));
    List<String> trusted = (List<String>) (List<?>) tc.get("trusted_certs");
    List<String> crls = (List<String>) (List<?>) tc.getOrDefault("crls", List.of());
    try {
      TrustStore store = store(trusted, crls, trust, dir);
      List<X509Certificate> chain = new ArrayList<>(certs((String) tc.get("peer_certificate")));
      for (Object pem : (List<Object>) tc.get("untrusted_intermediates")) {
        chain.addAll(certs((String) pem));
      }
      VerifyFlags flags = VerifyFlags.X509_STRICT.with(VerifyFlags.X509_PARTIAL_CHAIN)
          .with(VerifyFlags.X509_TRUSTED_FIRST);
      if (!crls.isEmpty()) {
        flags = flags.with(VerifyFlags.CRL_CHECK_LEAF);
      }
      String time = (String) tc.get("validation_time");
      Clock clock = time == null ? Clock.systemUTC()
          : Clock.fixed(OffsetDateTime.parse(time).toInstant(), ZoneOffset.UTC);
      Map<String, Object> name = (Map<String, Object>) tc.get("expected_peer_name");
      String host = server && name != null && !"RFC822".equals(name.get("kind"))
          ? (String) name.get("value") : null;
      ChainVerifier v = new ChainVerifier(store, flags, clock).withSecurityLevel(2);
      if (tc.get("max_chain_depth") != null) {
        v = v.withMaxDepth(((Double) tc.get("max_chain_depth")).intValue());
      }
      X509Certificate[] peer = chain.toArray(new X509Certificate[0]);
      List<Object> ekus = (List<Object>) tc.get("extended_key_usage");
      if (ekus.isEmpty()) {
        v.verifyAnyPurpose(peer, host); // limbo's OpenSSL harness sets a purpose only for EKUs
      } else {
        v.verify(peer, ekus.contains("serverAuth"), host);
      }
      return new Result(id, expected, "SUCCESS", null);
    } catch (VerificationFailure e) {
      return new Result(id, expected, "FAILURE", e.code().message()
          + (e.code() == dev.pemtls.internal.trust.VerifyCode.UNSPECIFIED ? ": " + e.getMessage() : ""));
    } catch (SslError | RuntimeException e) {
      return new Result(id, expected, "FAILURE", "unloadable: " + e.getMessage());
    }
  }

  private static TrustStore store(List<String> trusted, List<String> crls, Trust trust,
      Path dir) throws IOException, SslError {
    if (trust == Trust.CAFILE) {
      StringBuilder all = new StringBuilder();
      trusted.forEach(all::append);
      crls.forEach(all::append);
      CaFileContents c = PemFiles.parseCaFile(all.toString().getBytes(), "limbo cafile");
      return TrustStore.empty().plus(c.certificates()).plusCrls(c.crls());
    }
    Files.createDirectories(dir);
    for (int i = 0; i < trusted.size(); i++) {
      Files.writeString(dir.resolve("ca" + i + ".pem"), trusted.get(i));
    }
    for (int i = 0; i < crls.size(); i++) {
      Files.writeString(dir.resolve("crl" + i + ".crl"), crls.get(i));
    }
    CaDirs.rehash(dir);
    return TrustStore.empty().plusDirectory(CaDirectory.open(dir));
  }

  private static List<X509Certificate> certs(String pem) throws SslError {
    return PemFiles.parseCaData(pem).certificates();
  }
}
