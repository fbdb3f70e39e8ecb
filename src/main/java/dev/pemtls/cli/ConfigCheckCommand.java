package dev.pemtls.cli;

import dev.pemtls.internal.config.ConfigReport;
import dev.pemtls.internal.config.SecurityFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.List;

/**
 * {@code pemtls config-check [--security SECURITY_FILE] [CONF]}: loads a provider config exactly
 * as the PemTLS provider would and prints what it would do, or the error that would stop it
 * (exit 1). With {@code --security FILE} it checks the security properties file the JVM would
 * read with {@code -Djava.security.properties=FILE}: the provider list (a missing SUN, a list
 * that can fall back to SunJSSE, gaps), then that its PemTLS entry names a readable config
 * (the entry's key and line named in each error), and then that config as {@code config-check
 * CONF} does; a CONF given as well is checked instead, with a warning when it is not the one the
 * entry names. A pemtls.conf given as FILE is recognised and refused. {@code --print-security
 * CONF} prints a security file for this JDK instead.
 */
final class ConfigCheckCommand implements Command {
  private static final OptionTable OPTIONS = new OptionTable("config-check")
      .value("--security", "FILE", "check a security file (-Djava.security.properties=FILE): "
          + "its provider list, and the config its PemTLS entry names (or CONF)")
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
      SecurityFile.PemTlsEntry entry;
      try {
        if (!looksLikeSecurityFile(security)) {
          err.println("pemtls config-check: --security " + security + " has no "
              + "security.provider.N entries: it is not a security file"
              + (conf == null ? "; to check a pemtls.conf, give it without --security: "
                  + "pemtls config-check " + security : ""));
          return 1;
        }
        report = SecurityFile.check(security);
        entry = SecurityFile.pemtlsEntry(security);
      } catch (IOException e) {
        err.println("pemtls config-check: cannot read " + security + ": " + e.getMessage());
        return 1;
      }
      report.forEach(out::println);
      failed = report.stream().anyMatch(l -> l.startsWith("ERROR"));
      String named = entry == null ? null : entry.argument();
      if (conf != null && named != null && !sameFile(conf, named)) {
        out.println("WARNING: " + entry.where(security) + " names " + named + ", but " + conf
            + " is checked here; the provider reads " + named);
      }
      if (conf == null && entry != null) {
        String problem = configProblem(entry, security);
        if (problem != null) {
          out.println(problem);
          return problem.startsWith("ERROR") ? 1 : failed ? 1 : 0;
        }
        conf = named;
        if (!Path.of(named).isAbsolute()) {
          out.println("WARNING: " + entry.where(security) + " names the relative path " + named
              + ": the JVM resolves it against its own working directory, not this one; give "
              + "an absolute path");
        }
      }
      if (conf == null) {
        return failed ? 1 : 0;
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

  /**
   * What stops the provider from reading the config the security file's PemTLS entry names, as
   * a report line (ERROR: the provider would fail; WARNING: nothing here to check), or null when
   * the entry names a readable file.
   */
  private static String configProblem(SecurityFile.PemTlsEntry entry, Path security) {
    String named = entry.argument();
    if (named == null) {
      return "WARNING: " + entry.where(security) + " names no config file: the provider then "
          + "reads -Dpemtls.config=FILE and -Dpemtls.<key>=VALUE of the JVM, which this check "
          + "cannot see; write " + entry.key() + "=PemTLS /path/pemtls.conf, or check the config "
          + "with 'pemtls config-check --security " + security + " CONF'";
    }
    Path file;
    try {
      file = Path.of(named);
    } catch (java.nio.file.InvalidPathException e) {
      return "ERROR: " + entry.where(security) + " names '" + named + "', which is not a valid "
          + "path (" + e.getReason() + "); give the absolute path of the pemtls.conf";
    }
    if (!Files.exists(file)) {
      return "ERROR: " + entry.where(security) + " names " + named + ", which does not exist"
          + (file.isAbsolute() ? "" : " (relative to this directory, " + Path.of("")
              .toAbsolutePath() + ")") + "; give the absolute path of the pemtls.conf";
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return "ERROR: " + entry.where(security) + " names " + named + ", which is "
          + (Files.isDirectory(file) ? "a directory" : "not readable by this user")
          + "; name a pemtls.conf the JVM's user can read";
    }
    return null;
  }

  /** Whether {@code file} sets any {@code security.provider.N} (a pemtls.conf sets none). */
  private static boolean looksLikeSecurityFile(Path file) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (java.io.Reader r = Files.newBufferedReader(file,
        java.nio.charset.StandardCharsets.ISO_8859_1)) {
      p.load(r);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a properties file: " + e.getMessage(), e);
    }
    return p.stringPropertyNames().stream().anyMatch(k -> k.startsWith("security.provider."));
  }

  private static boolean sameFile(String a, String b) {
    try {
      return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath()
          .normalize());
    } catch (java.nio.file.InvalidPathException e) {
      return a.equals(b);
    }
  }
}
