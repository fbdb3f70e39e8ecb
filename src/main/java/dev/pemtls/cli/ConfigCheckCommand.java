package dev.pemtls.cli;

import dev.pemtls.provider.ConfigReport;
import dev.pemtls.provider.SecurityFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.List;

/**
 * {@code pemtls config-check [--security SECURITY_FILE] [CONF]}: loads a provider config exactly
 * as the PemTLS provider would and prints what it would do, or the error that would stop it
 * (exit 1). With {@code --security} it also checks a security properties file: a missing SUN, a
 * provider list that can fall back to SunJSSE, gaps; CONF then defaults to the file's PemTLS
 * argument. {@code --print-security CONF} prints a security file for this JDK instead.
 */
final class ConfigCheckCommand implements Command {
  private static final String USAGE = "usage: pemtls config-check [--security SECURITY_FILE] "
      + "[CONF] | --print-security CONF";

  @Override
  public String name() {
    return "config-check";
  }

  @Override
  public String summary() {
    return "check a provider config (and a security file) and print what it would do";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.size() == 2 && args.get(0).equals("--print-security")) {
      Path file = Path.of(args.get(1));
      try {
        ConfigReport.check(file);
      } catch (ProviderException e) {
        err.println("pemtls config-check: " + e.getMessage());
        return 1;
      }
      out.print(SecurityFile.text(file));
      return 0;
    }
    Path security = null;
    List<String> rest = args;
    if (!args.isEmpty() && args.get(0).equals("--security")) {
      if (args.size() < 2) {
        err.println(USAGE);
        return 2;
      }
      security = Path.of(args.get(1));
      rest = args.subList(2, args.size());
    }
    if (rest.size() > 1 || (rest.isEmpty() && security == null)) {
      err.println(USAGE);
      return 2;
    }
    boolean failed = false;
    String conf = rest.isEmpty() ? null : rest.get(0);
    if (security != null) {
      List<String> report;
      try {
        report = SecurityFile.check(security);
      } catch (IOException e) {
        err.println("pemtls config-check: cannot read " + security + ": " + e.getMessage());
        return 1;
      }
      report.forEach(out::println);
      failed = report.stream().anyMatch(l -> l.startsWith("ERROR"));
      if (conf == null) {
        conf = SecurityFile.pemtlsArgument(security);
        if (conf == null) {
          return failed ? 1 : 0;
        }
      }
    }
    try {
      ConfigReport.check(Path.of(conf)).forEach(out::println);
    } catch (ProviderException | java.nio.file.InvalidPathException e) {
      err.println("pemtls config-check: " + e.getMessage());
      return 1;
    }
    return failed ? 1 : 0;
  }
}
