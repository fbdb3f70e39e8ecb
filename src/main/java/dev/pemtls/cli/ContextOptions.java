package dev.pemtls.cli;

import dev.pemtls.internal.Reason;
import dev.pemtls.PasswordCallback;
import dev.pemtls.Ssl;
import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.TlsVersion;
import dev.pemtls.internal.crypto.KeyLog;
import dev.pemtls.VerifyFlags;
import dev.pemtls.internal.pem.PemFiles;
import dev.pemtls.internal.trust.OpenSslDefaultPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** The options {@code s_client} and {@code s_server} share, with openssl's meanings. */
final class ContextOptions {
  /** Adds the shared options to {@code table}, each described as openssl's -help does. */
  static OptionTable addTo(OptionTable table) {
    return table
        .value("-CAfile", "FILE", "PEM file of CA certificates to trust")
        .value("-CApath", "DIR", "directory of CA certificates by subject hash (pemtls rehash)")
        .flag("-no-CAfile", "do not load the default CA file")
        .flag("-no-CApath", "do not load the default CA directory")
        .value("-CRL", "FILE", "PEM file of CRLs for -crl_check and -crl_check_all")
        .flag("-crl_check", "check the peer's certificate against CRLs (VERIFY_CRL_CHECK_LEAF)")
        .flag("-crl_check_all", "check the peer's whole chain against CRLs "
            + "(VERIFY_CRL_CHECK_CHAIN)")
        .value("-cert", "FILE", "PEM certificate chain to present")
        .value("-key", "FILE", "PEM private key of -cert (default: in the -cert file)")
        .value("-cert_chain", "FILE", "PEM certificates to send after those of -cert (the "
            + "chain to the CA)")
        .value("-pass", "SOURCE", "password of an encrypted -key: pass:TEXT, env:VAR or "
            + "file:PATH")
        .value("-cipher", "LIST", "TLS 1.2 cipher list, an OpenSSL cipher string")
        .value("-ciphersuites", "LIST", "TLS 1.3 cipher suites, colon-separated")
        .value("-groups", "LIST", "key-exchange groups, colon-separated (X25519:P-256)")
        .value("-curves", "LIST", "the same as -groups")
        .value("-alpn", "LIST", "ALPN protocols to offer, comma-separated (h2,http/1.1)")
        .flag("-tls1_2", "use TLS 1.2 only")
        .flag("-tls1_3", "use TLS 1.3 only")
        .flag("-no_tls1_2", "do not use TLS 1.2")
        .flag("-no_tls1_3", "do not use TLS 1.3")
        .value("-keylogfile", "FILE", "append the TLS secrets to FILE (NSS key log, for "
            + "Wireshark); whoever reads it can decrypt the connection");
  }

  private ContextOptions() {}

  /** A context for {@code protocol} with the certificate, trust, cipher and version options. */
  static SslContext build(Options o, Protocol protocol) throws IOException {
    o.exclusive("-tls1_2", "-tls1_3");
    SslContext ctx = new SslContext(protocol);
    if (o.get("-CAfile") != null || o.get("-CApath") != null) {
      ctx.loadVerifyLocations(path(o, "-CAfile"), path(o, "-CApath"), null);
    }
    loadDefaults(ctx, o);
    crls(ctx, o);
    if (o.get("-cert") != null && o.get("-cert_chain") != null) {
      withChain(ctx, o);
    } else if (o.get("-cert") != null) {
      ctx.loadCertChain(Path.of(o.get("-cert")), path(o, "-key"), password(o.get("-pass")));
    } else if (o.get("-key") != null || o.get("-cert_chain") != null) {
      throw new UsageError((o.get("-key") != null ? "-key" : "-cert_chain") + " needs -cert");
    }
    if (o.get("-cipher") != null) {
      ctx.setCiphers(o.get("-cipher"));
    }
    if (o.get("-ciphersuites") != null) {
      ctx.setCiphersuites(o.get("-ciphersuites"));
    }
    o.exclusive("-groups", "-curves");
    String groups = o.get("-groups") != null ? o.get("-groups") : o.get("-curves");
    if (groups != null) {
      ctx.setGroups(groups);
    }
    if (o.has("-tls1_2") || o.has("-no_tls1_3")) {
      ctx.setMaximumVersion(TlsVersion.TLSv1_2);
    }
    if (o.has("-tls1_2")) {
      ctx.setMinimumVersion(TlsVersion.TLSv1_2);
    }
    if (o.has("-tls1_3") || o.has("-no_tls1_2")) {
      ctx.setMinimumVersion(TlsVersion.TLSv1_3);
    }
    if (o.get("-alpn") != null) {
      ctx.setAlpnProtocols(Arrays.asList(o.get("-alpn").split(",")));
    }
    if (o.get("-keylogfile") != null) {
      Path keylog = Path.of(o.get("-keylogfile"));
      KeyLog.open(keylog, KeyLog.OPENSSL_HEADER); // a new file: openssl's header, not Python's
      ctx.setKeylogFilename(keylog);
    }
    return ctx;
  }

  /**
   * openssl's apps load the default CA file and directory as well, each unless given explicitly
   * or switched off with {@code -no-CAfile} / {@code -no-CApath}; missing defaults are skipped.
   */
  private static void loadDefaults(SslContext ctx, Options o) throws SslError {
    OpenSslDefaultPaths defaults = OpenSslDefaultPaths.current();
    if (o.get("-CAfile") == null && !o.has("-no-CAfile")
        && Files.isRegularFile(defaults.cafile())) {
      ctx.loadVerifyLocations(defaults.cafile(), null, null);
    }
    if (o.get("-CApath") == null && !o.has("-no-CApath")) {
      for (Path dir : defaults.capaths()) {
        if (Files.isDirectory(dir)) {
          ctx.loadVerifyLocations(null, dir, null);
        }
      }
    }
  }

  /**
   * openssl's {@code -cert_chain}: the certificates of -cert, then those of -cert_chain, are
   * loaded as one chain. load_cert_chain takes one file, so the certificates (public, never the
   * key, which is read from -key or the -cert file itself) go through a temporary file.
   */
  private static void withChain(SslContext ctx, Options o) throws IOException {
    Path cert = Path.of(o.get("-cert"));
    StringBuilder pem = new StringBuilder();
    for (Path p : new Path[] {cert, Path.of(o.get("-cert_chain"))}) {
      List<X509Certificate> certs = PemFiles.readCaFile(p).certificates();
      if (certs.isEmpty()) {
        throw Reason.PEM_NO_START_LINE.error("no certificate in " + p + " (" + (p == cert
            ? "-cert" : "-cert_chain") + "): give a PEM file of CERTIFICATE blocks");
      }
      for (X509Certificate c : certs) {
        try {
          pem.append(Ssl.derCertToPemCert(c.getEncoded()));
        } catch (CertificateEncodingException e) {
          throw new IllegalStateException("a parsed certificate has no encoding", e);
        }
      }
    }
    Path chain = Files.createTempFile("pemtls-cert-chain", ".pem");
    try {
      Files.writeString(chain, pem, StandardCharsets.US_ASCII);
      Path key = o.get("-key") != null ? Path.of(o.get("-key")) : cert;
      ctx.loadCertChain(chain, key, password(o.get("-pass")));
    } catch (SslError e) {
      String message = e.getMessage();
      if (e.library() == null || !message.contains(chain.toString())) {
        throw e;
      }
      throw new SslError(e.library(), e.reason(), message.substring(message.indexOf("] ") + 2)
          .replace(chain.toString(), "-cert " + cert + " with -cert_chain "
              + o.get("-cert_chain")), e);
    } finally {
      Files.deleteIfExists(chain);
    }
  }

  /** openssl's -CRL and -crl_check[_all]: CRLs join the trust store, the flags the context. */
  private static void crls(SslContext ctx, Options o) throws SslError {
    if (o.get("-CRL") != null) {
      ctx.loadVerifyLocations(path(o, "-CRL"), null, null);
    }
    if (o.has("-crl_check_all")) {
      ctx.setVerifyFlags(ctx.verifyFlags().with(VerifyFlags.CRL_CHECK_CHAIN));
    } else if (o.has("-crl_check")) {
      ctx.setVerifyFlags(ctx.verifyFlags().with(VerifyFlags.CRL_CHECK_LEAF));
    }
  }

  private static Path path(Options o, String name) {
    return o.get(name) == null ? null : Path.of(o.get(name));
  }

  /** openssl's pass phrase sources: {@code pass:TEXT}, {@code env:VAR}, {@code file:PATH}. */
  static PasswordCallback password(String spec) {
    if (spec == null) {
      return null;
    }
    return () -> {
      if (spec.startsWith("pass:")) {
        return spec.substring(5).toCharArray();
      } else if (spec.startsWith("env:")) {
        String v = System.getenv(spec.substring(4));
        if (v == null) {
          throw Reason.PEM_BAD_PASSWORD_READ.error("-pass " + spec
              + ": the environment variable is not set");
        }
        return v.toCharArray();
      } else if (spec.startsWith("file:")) {
        String first = Files.readString(Path.of(spec.substring(5)), StandardCharsets.UTF_8)
            .lines().findFirst().orElse("");
        return first.toCharArray();
      }
      throw Reason.PEM_BAD_PASSWORD_READ.error("-pass takes pass:TEXT, env:VAR or "
          + "file:PATH");
    };
  }
}
