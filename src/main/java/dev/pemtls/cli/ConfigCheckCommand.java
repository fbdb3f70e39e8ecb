package dev.pemtls.cli;

import dev.pemtls.internal.config.ConfigReport;
import dev.pemtls.internal.config.SecurityFile;
import java.io.IOException;
import java.io.InputStream;
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
  private static final OptionTable OPTIONS = new OptionTable("config-check")
      .value("--security", "FILE", "also check a java.security properties file; CONF defaults "
          + "to the config its PemTLS entry names")
      .value("--print-security", "CONF", "print a security file for this JDK naming CONF, "
          + "instead of checking")
      .operands("[CONF]", 0, 1);

  @Override
  public String name() {
    return "config-check";
  }

  @Override
  public String summary() {
    return "check a provider config (and a security file) and print what it would do";
  }

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) throws Exception {
    if (o.has("--print-security")) {
      if (o.has("--security") || !o.operands().isEmpty()) {
        throw new UsageError("--print-security CONF takes no other option or operand");
      }
      Path file = Path.of(o.get("--print-security"));
      try {
        ConfigReport.check(file);
      } catch (ProviderException e) {
        err.println("pemtls config-check: " + e.getMessage());
        return 1;
      }
      out.print(SecurityFile.text(file));
      return 0;
    }
    Path security = o.has("--security") ? Path.of(o.get("--security")) : null;
    if (o.operands().isEmpty() && security == null) {
      throw new UsageError("missing CONF: usage: " + OPTIONS.synopsis());
    }
    boolean failed = false;
    String conf = o.operands().isEmpty() ? null : o.operands().get(0);
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
