package dev.pemtls.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Rehash.HashKind kind = Rehash.HashKind.NEW;
    boolean remove = true;
    boolean verbose = false;
    List<String> dirs = new ArrayList<>();
    for (String a : args) {
      switch (a) {
        case "-old":
          kind = Rehash.HashKind.OLD;
          break;
        case "-compat":
          kind = Rehash.HashKind.BOTH;
          break;
        case "-n":
          remove = false;
          break;
        case "-v":
          verbose = true;
          break;
        default:
          if (a.startsWith("-")) {
            err.println("pemtls rehash: unknown option " + a + "; use -old, -compat, -n or -v");
            return 2;
          }
          dirs.add(a);
      }
    }
    if (dirs.isEmpty()) {
      err.println("usage: pemtls rehash [-old|-compat] [-n] [-v] DIR...");
      return 2;
    }
    int errors = 0;
    for (String d : dirs) {
      errors += Rehash.directory(Path.of(d), new Rehash.Options(kind, remove, verbose), out, err);
    }
    return Math.min(errors, 255);
  }
}
