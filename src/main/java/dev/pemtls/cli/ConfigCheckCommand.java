package dev.pemtls.cli;

import dev.pemtls.provider.ConfigReport;
import dev.pemtls.provider.SecurityFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.List;

/**
 * {@code pemtls config-check [--security] FILE}: loads a provider config exactly as the PemTLS
 * provider would and prints what it would do, or the error that would stop it (exit 1). With
 * {@code --security} it prints the java.security lines that install it on this JDK instead.
 */
final class ConfigCheckCommand implements Command {
  @Override
  public String name() {
    return "config-check";
  }

  @Override
  public String summary() {
    return "check a provider config file and print what it would do";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    boolean security = !args.isEmpty() && args.get(0).equals("--security");
    List<String> rest = security ? args.subList(1, args.size()) : args;
    if (rest.size() != 1) {
      err.println("usage: pemtls config-check [--security] FILE");
      return 2;
    }
    Path file = Path.of(rest.get(0));
    try {
      List<String> report = ConfigReport.check(file);
      if (security) {
        out.print(SecurityFile.text(file));
      } else {
        report.forEach(out::println);
      }
      return 0;
    } catch (ProviderException e) {
      err.println("pemtls config-check: " + e.getMessage());
      return 1;
    }
  }
}
