package dev.pemtls.cli;

import dev.pemtls.internal.crypto.BcProvider;
import java.io.InputStream;
import java.io.PrintStream;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/** {@code pemtls version}: PemTLS, BouncyCastle and Java versions. */
final class VersionCommand implements Command {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public String summary() {
    return "print the PemTLS, BouncyCastle and Java versions";
  }

  private static final OptionTable OPTIONS = new OptionTable("version");

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) {
    String pemtls = Main.class.getPackage().getImplementationVersion();
    out.println("PemTLS " + (pemtls == null ? "(development build)" : pemtls));
    out.println(BcProvider.get().getInfo() + "; " + new BouncyCastleJsseProvider().getInfo());
    out.println("Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vendor") + ")");
    return 0;
  }
}
