package dev.pemtls.cli;

import dev.pemtls.SslError;
import dev.pemtls.internal.ciphers.CipherStrings;
import dev.pemtls.internal.ciphers.CipherSuite;
import dev.pemtls.internal.ciphers.Expansion;
import dev.pemtls.internal.ciphers.SecurityFilter;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pemtls ciphers [-v] [-V] [-s] [-stdname] [-tls1_2] [-tls1_3] [-ciphersuites LIST]
 * [STRING]}: prints what {@code openssl ciphers} (OpenSSL 3.0, apps/ciphers.c) prints, limited to
 * the suites PemTLS (BCJSSE) can negotiate. TLS 1.3 suites come first, as in OpenSSL.
 */
final class CiphersCommand implements Command {
  @Override
  public String name() {
    return "ciphers";
  }

  @Override
  public String summary() {
    return "expand an OpenSSL cipher string as openssl ciphers does";
  }

  private static final OptionTable OPTIONS = new OptionTable("ciphers")
      .flag("-v", "verbose: one line per suite with protocol, key exchange, cipher and MAC")
      .flag("-V", "as -v, with each suite's two-byte id")
      .flag("-s", "only the suites supported at the security level and versions")
      .flag("-stdname", "as -v, with each suite's IANA (RFC) name")
      .flag("-tls1_2", "with -s: only suites usable with TLS 1.2")
      .flag("-tls1_3", "with -s: only suites usable with TLS 1.3")
      .value("-ciphersuites", "LIST", "the TLS 1.3 suites to list, colon-separated (default: "
          + "OpenSSL's)")
      .operands("[STRING]", 0, 1);

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) {
    o.exclusive("-tls1_2", "-tls1_3");
    boolean ids = o.has("-V");
    boolean stdname = o.has("-stdname");
    boolean verbose = o.has("-v") || ids || stdname;
    boolean supported = o.has("-s");
    int minVersion = SecurityFilter.SSL3_VERSION, maxVersion = SecurityFilter.TLS1_3_VERSION;
    if (o.has("-tls1_2")) {
      minVersion = maxVersion = SecurityFilter.TLS1_2_VERSION;
    } else if (o.has("-tls1_3")) {
      minVersion = maxVersion = SecurityFilter.TLS1_3_VERSION;
    }
    String suites13 = o.get("-ciphersuites", CipherStrings.DEFAULT_CIPHERSUITES);
    String rule = o.operands().isEmpty() ? null : o.operands().get(0);

    List<CipherSuite> tls13;
    try {
      tls13 = CipherStrings.tls13(suites13);
    } catch (SslError e) {
      err.println("Error setting TLSv1.3 ciphersuites");
      err.println(e.getMessage());
      return 1;
    }
    Expansion expansion;
    try {
      // As apps/ciphers.c, the cipher list is set only when a string is given.
      expansion = rule == null ? CipherStrings.expandRule(CipherStrings.DEFAULT_CIPHER_LIST)
          : CipherStrings.expandOrThrow(rule);
      if (expansion.negotiable().isEmpty()) {
        CipherStrings.negotiable(rule); // throws, explaining what OpenSSL would select
      }
    } catch (SslError e) {
      err.println("Error in cipher list");
      err.println(e.getMessage());
      return 1;
    }

    List<CipherSuite> shown = new ArrayList<>();
    for (CipherSuite s : tls13) {
      if (s.bcjsse()) {
        shown.add(s);
      }
    }
    shown.addAll(expansion.negotiable());
    if (supported) {
      shown = SecurityFilter.filter(shown, expansion.securityLevel(), minVersion, maxVersion);
    }
    print(shown, verbose, ids, stdname, out);
    return 0;
  }

  private static void print(List<CipherSuite> shown, boolean verbose, boolean ids,
      boolean stdname, PrintStream out) {
    if (!verbose) {
      StringBuilder b = new StringBuilder();
      for (CipherSuite s : shown) {
        if (b.length() > 0) {
          b.append(':');
        }
        b.append(s.name());
      }
      out.println(b);
      return;
    }
    for (CipherSuite s : shown) {
      StringBuilder line = new StringBuilder();
      if (ids) {
        line.append(String.format("          0x%02X,0x%02X - ", s.id() >> 8, s.id() & 0xFF));
      }
      if (stdname) {
        line.append(String.format("%-45s - ", s.ianaName()));
      }
      line.append(s.description());
      out.println(line);
    }
  }
}
