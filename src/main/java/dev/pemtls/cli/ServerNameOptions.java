package dev.pemtls.cli;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * s_server's second identities, as openssl's: {@code -dcert/-dkey} load another chain into the
 * context (another key type: the client's signature algorithms pick), and {@code -servername
 * NAME -cert2 F -key2 F} serve a second context's identity to clients whose SNI is NAME. As
 * openssl does, each SNI received is printed ({@code Hostname in TLS extension: "NAME"}) and a
 * match with {@code Switching server context.}; a mismatch keeps the first identity (openssl
 * also sends a warning alert then, which clients ignore; PemTLS sends none).
 */
final class ServerNameOptions {
  private ServerNameOptions() {}

  static OptionTable addTo(OptionTable table) {
    return table
        .value("-dcert", "FILE", "a second certificate chain, of another key type (ECDSA "
            + "beside RSA): the client's signature algorithms choose")
        .value("-dkey", "FILE", "the private key of -dcert (default: in the -dcert file)")
        .value("-dpass", "SOURCE", "password of an encrypted -dkey, as -pass")
        .value("-servername", "NAME", "serve -cert2/-key2 to clients whose SNI is NAME")
        .value("-cert2", "FILE", "certificate chain for -servername (default server2.pem)")
        .value("-key2", "FILE", "private key of -cert2 (default: in the -cert2 file)");
  }

  /** Applies the options to {@code ctx}; SNI lines go to {@code out} unless {@code quiet}. */
  static void apply(Options o, SslContext ctx, PrintStream out) throws IOException {
    if (o.get("-dcert") != null) {
      ctx.loadCertChain(Path.of(o.get("-dcert")), path(o, "-dkey"),
          ContextOptions.password(o.get("-dpass")));
    } else if (o.get("-dkey") != null) {
      throw new UsageError("-dkey needs -dcert");
    }
    String name = o.get("-servername");
    if (name == null) {
      if (o.get("-cert2") != null || o.get("-key2") != null) {
        throw new UsageError((o.get("-cert2") != null ? "-cert2" : "-key2") + " needs "
            + "-servername NAME, the SNI name to serve it to");
      }
      return;
    }
    SslContext second = new SslContext(Protocol.TLS_SERVER);
    if (o.get("-cipher") != null) { // its security level applies to the chain
      second.setCiphers(o.get("-cipher"));
    }
    second.loadCertChain(Path.of(o.get("-cert2", "server2.pem")), path(o, "-key2"),
        ContextOptions.password(o.get("-pass")));
    boolean quiet = o.has("-quiet");
    ctx.setSniCallback((connection, requested, context) -> {
      if (requested != null) {
        if (!quiet) {
          out.println("Hostname in TLS extension: \"" + requested + "\"");
        }
        if (requested.equalsIgnoreCase(name)) {
          if (!quiet) {
            out.println("Switching server context.");
          }
          connection.setContext(second);
        }
        out.flush();
      }
      return null;
    });
  }

  private static Path path(Options o, String name) {
    return o.get(name) == null ? null : Path.of(o.get(name));
  }
}
