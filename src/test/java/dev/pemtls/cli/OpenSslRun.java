package dev.pemtls.cli;

import dev.pemtls.testing.Peer;
import java.util.ArrayList;
import java.util.List;

/** One run of the openssl binary, to compare a pemtls command with: status, stdout, stderr. */
record OpenSslRun(int status, String out, String err) {
  static OpenSslRun of(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    Peer p = Peer.command(cmd).separateStderr().run();
    return new OpenSslRun(p.exitValue(), p.text(), p.stderr());
  }
}
