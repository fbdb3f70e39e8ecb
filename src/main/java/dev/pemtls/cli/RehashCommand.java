package dev.pemtls.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code pemtls rehash [-old|-compat] [-n] [-v] DIR...}: makes the {@code <hash>.<n>} and
 * {@code <hash>.r<n>} links of CA directories exactly as {@code openssl rehash} does, so a
 * capath can be prepared without OpenSSL. The exit status is the number of errors, as OpenSSL's.
 */
final class RehashCommand implements Command {
  @Override
  public String name() {
    return "rehash";
  }

  @Override
  public String summary() {
    return "make a CA directory's <hash>.<n> links, as openssl rehash does";
  }

  private static final OptionTable OPTIONS = new OptionTable("rehash")
      .flag("-old", "links by the pre-1.0 MD5 hash instead of the current one")
      .flag("-compat", "links by both hashes")
      .flag("-n", "keep existing links (default: remove the old links first)")
      .flag("-v", "print each link made")
      .operands("DIR...", 1, Integer.MAX_VALUE);

  @Override
  public OptionTable options() {
    return OPTIONS;
  }

  @Override
  public int run(Options o, InputStream in, PrintStream out, PrintStream err) {
    o.exclusive("-old", "-compat");
    Rehash.HashKind kind = o.has("-old") ? Rehash.HashKind.OLD
        : o.has("-compat") ? Rehash.HashKind.BOTH : Rehash.HashKind.NEW;
    boolean remove = !o.has("-n");
    boolean verbose = o.has("-v");
    int errors = 0;
    for (String d : o.operands()) {
      errors += Rehash.directory(Path.of(d), new Rehash.Options(kind, remove, verbose), out, err);
    }
    return Math.min(errors, 255);
  }
}
