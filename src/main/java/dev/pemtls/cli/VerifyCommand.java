package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.VerifyFlags;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.ChainVerifier;
import dev.pemtls.internal.trust.OpenSslDefaultPaths;
import dev.pemtls.internal.trust.TrustStore;
import dev.pemtls.internal.trust.VerificationFailure;
import dev.pemtls.internal.trust.VerifyLocations;
import dev.pemtls.internal.trust.X509CheckHost;
import dev.pemtls.internal.x509.OneLineNames;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pemtls verify [options] CERT...}: would PemTLS trust these certificates? The answer of
 * PemTLS's own verifier ({@link ChainVerifier}, the one its trust manager uses), printed as
 * {@code openssl verify} (OpenSSL 3.0) prints it.
 *
 * <p>For each CERT (its first certificate) in order: {@code CERT: OK} on standard output, or on
 * standard error the subject of the failing certificate (OpenSSL's oneline form), {@code error N
 * at D depth lookup: MESSAGE} with OpenSSL's code and text, and {@code error CERT: verification
 * failed}. Exit status 0 when every certificate verified, 2 when one failed or could not be read,
 * 1 for a usage error or a trust file that cannot be loaded, as openssl.
 *
 * <p>Trust, as openssl: {@code -CAfile} and {@code -CApath}; where one of them is not given
 * OpenSSL's default CA file or directory takes its place ({@code SSL_CERT_FILE}, {@code
 * SSL_CERT_DIR}). Verify flags: {@code X509_TRUSTED_FIRST} always (OpenSSL 3.0's default), plus
 * those of the flag options. Without {@code -purpose} no purpose is checked, as openssl.
 * {@code -verify_hostname} and {@code -verify_ip} exclude each other here (openssl would check
 * both); a host name that is an IP literal is matched as an IP address, as PemTLS's trust manager
 * matches it.
 */
final class VerifyCommand implements Command {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String summary() {
    return "verify certificates with PemTLS's verifier, printing as openssl verify";
  }

  private static final OptionTable OPTIONS = new OptionTable("verify")
      .value("-CAfile", "FILE", "trusted certificates (PEM); default: OpenSSL's default CA file")
      .value("-CApath", "DIR", "hashed CA directory; default: OpenSSL's default CA directory")
      .value("-untrusted", "FILE", "intermediate certificates to build the chain with")
      .value("-purpose", "PURPOSE", "sslserver or sslclient; default: no purpose check")
      .value("-verify_hostname", "HOST", "the leaf must match this host name")
      .value("-verify_ip", "IP", "the leaf must match this IP address")
      .flag("-partial_chain", "any trusted certificate is an anchor (VERIFY_X509_PARTIAL_CHAIN)")
      .flag("-x509_strict", "RFC 5280 strict checks (VERIFY_X509_STRICT)")
      .flag("-crl_check", "check the leaf against CRLs (VERIFY_CRL_CHECK_LEAF)")
      .flag("-crl_check_all", "check the whole chain against CRLs (VERIFY_CRL_CHECK_CHAIN)")
      .value("-CRLfile", "FILE", "CRLs (PEM) for -crl_check and -crl_check_all")
      .operands("CERT...", 1, Integer.MAX_VALUE);

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception {
    o.exclusive("-verify_hostname", "-verify_ip");
    String purpose = o.get("-purpose");
    if (purpose != null && !purpose.equals("sslserver") && !purpose.equals("sslclient")) {
      throw new UsageError("invalid purpose " + purpose + "; use sslserver or sslclient");
    }
    String host = o.get("-verify_hostname");
    String ip = o.get("-verify_ip");
    if (ip != null && !X509CheckHost.isIpLiteral(ip)) {
      throw new UsageError("-verify_ip " + ip + " is not an IPv4 or IPv6 address");
    }
    ChainVerifier verifier;
    List<X509Certificate> untrusted;
    try {
      verifier = new ChainVerifier(trust(o), flags(o), Clock.systemUTC());
      untrusted = o.has("-untrusted")
          ? PemFiles.readCaFile(Path.of(o.get("-untrusted"))).certificates() : List.of();
    } catch (SslError e) {
      err.println("Error loading file: " + e.getMessage());
      return 1;
    }
    int status = 0;
    for (String file : o.operands()) {
      if (!verifyOne(file, verifier, untrusted, purpose, ip != null ? ip : host, out, err)) {
        status = 2;
      }
    }
    out.flush();
    return status;
  }

  private static boolean verifyOne(String file, ChainVerifier verifier,
      List<X509Certificate> untrusted, String purpose, String host, PrintStream out,
      PrintStream err) {
    X509Certificate leaf;
    try {
      leaf = PemFiles.readFirstCertificate(Path.of(file), "certificate file");
    } catch (SslError e) {
      err.println("Unable to load certificate file " + file + ": " + e.getMessage());
      return false;
    }
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(untrusted);
    X509Certificate[] peer = chain.toArray(new X509Certificate[0]);
    try {
      if (purpose == null) {
        verifier.verifyAnyPurpose(peer, host);
      } else {
        verifier.verify(peer, purpose.equals("sslserver"), host);
      }
      out.println(file + ": OK");
      return true;
    } catch (VerificationFailure f) {
      List<X509Certificate> built = verifier.buildChain(peer);
      X509Certificate failing = built.get(Math.min(f.depth(), built.size() - 1));
      err.println(OneLineNames.print(failing.getSubjectX500Principal().getEncoded()));
      err.println("error " + f.code().code() + " at " + f.depth() + " depth lookup: "
          + f.code().message());
      err.println("error " + file + ": verification failed");
      return false;
    }
  }

  private static TrustStore trust(Options o) throws SslError {
    OpenSslDefaultPaths defaults = OpenSslDefaultPaths.current();
    Path cafile = o.has("-CAfile") ? Path.of(o.get("-CAfile")) : null;
    Path capath = o.has("-CApath") ? Path.of(o.get("-CApath")) : null;
    TrustStore store = VerifyLocations.load(cafile, capath, null).addTo(TrustStore.empty());
    if (cafile == null || capath == null) {
      store = VerifyLocations.defaults(defaults.only(cafile == null, capath == null))
          .addTo(store);
    }
    if (o.has("-CRLfile")) {
      List<X509CRL> crls = PemFiles.readCaFile(Path.of(o.get("-CRLfile"))).crls();
      store = store.plusCrls(crls);
    }
    return store;
  }

  private static VerifyFlags flags(Options o) {
    int v = VerifyFlags.X509_TRUSTED_FIRST.value();
    if (o.has("-partial_chain")) {
      v |= VerifyFlags.X509_PARTIAL_CHAIN.value();
    }
    if (o.has("-x509_strict")) {
      v |= VerifyFlags.X509_STRICT.value();
    }
    if (o.has("-crl_check")) {
      v |= VerifyFlags.CRL_CHECK_LEAF.value();
    }
    if (o.has("-crl_check_all")) {
      v |= VerifyFlags.CRL_CHECK_CHAIN.value();
    }
    return VerifyFlags.of(v);
  }
}
