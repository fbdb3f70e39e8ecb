package dev.pemtls.providertests;

import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test class: initdb into a temp folder, TLS on with the
 * given server certificate, client certificates from {@code ca} required ({@code hostssl ...
 * cert}), listening on an ephemeral port of 127.0.0.1 only. PostgreSQL refuses to run as root,
 * so under root (as in CI) it runs as the {@code postgres} user through {@code runuser}.
 * Skipped (failed under PEMTLS_REQUIRE_PEERS) when Debian's {@code postgresql} is missing.
 */
final class PostgresServer implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final boolean asPostgres;
  final int port;

  private PostgresServer(Path bin, Path dir, boolean asPostgres, int port) {
    this.bin = bin;
    this.dir = dir;
    this.asPostgres = asPostgres;
    this.port = port;
  }

  /** Debian keeps initdb and pg_ctl in /usr/lib/postgresql/VERSION/bin, off the PATH. */
  private static Path binDir() throws IOException {
    if (Peer.onPath("initdb") && Peer.onPath("pg_ctl")) {
      return null;
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Path.of("missing");
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
              .replaceAll("\\D", "0")))).orElse(Path.of("missing"));
    }
  }

  static PostgresServer start(Path cert, Path key, Path ca, String superuser) throws Exception {
    Path bin = binDir();
    Peer.assume(bin == null || !bin.toString().equals("missing"),
        "PostgreSQL (initdb, pg_ctl) is not installed; skipping the pgjdbc recipe"
        + " (apt-get install postgresql)");
    boolean root = System.getProperty("user.name").equals("root");
    Peer.assume(!root || Peer.onPath("runuser"), "runuser is missing; skipping PostgreSQL");
    Path dir = Files.createTempDirectory("pemtls-pg");
    Files.copy(cert, dir.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(key, dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(ca, dir.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(dir.resolve("server.key"),
        PosixFilePermissions.fromString("rw-------"));
    if (root) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      for (Path p : List.of(dir, dir.resolve("server.pem"), dir.resolve("server.key"),
          dir.resolve("ca.pem"))) {
        Files.setOwner(p, postgres);
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    PostgresServer pg = new PostgresServer(bin, dir, root, port);
    Path data = dir.resolve("data");
    pg.run("initdb", "-D", data.toString(), "-U", superuser, "-A", "reject", "--no-sync",
        "-E", "UTF8", "--locale=C");
    Files.writeString(data.resolve("pg_hba.conf"), "hostssl all all 127.0.0.1/32 cert\n");
    Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
        "listen_addresses = '127.0.0.1'",
        "port = " + port,
        "unix_socket_directories = '" + dir + "'",
        "ssl = on",
        "ssl_cert_file = '" + dir.resolve("server.pem") + "'",
        "ssl_key_file = '" + dir.resolve("server.key") + "'",
        "ssl_ca_file = '" + dir.resolve("ca.pem") + "'",
        "fsync = off",
        ""), java.nio.file.StandardOpenOption.APPEND);
    pg.run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
        "-t", "30", "start");
    return pg;
  }

  private void run(String program, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (asPostgres) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.add(bin == null ? program : bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      Path log = dir.resolve("server.log");
      throw new IOException(String.join(" ", cmd) + " failed:\n" + out
          + (Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : ""));
    }
  }

  /** The server's log so far. */
  String log() throws IOException {
    return Files.readString(dir.resolve("server.log"));
  }

  @Override
  public void close() throws Exception {
    try {
      run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
