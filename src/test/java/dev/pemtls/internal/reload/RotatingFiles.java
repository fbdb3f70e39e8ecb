package dev.pemtls.internal.reload;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * A server identity in {@code tls.crt} / {@code tls.key} that tests rotate the ways deployments
 * do: an atomic rename of each file (cert-manager, ACME clients), a Kubernetes secret volume's
 * {@code ..data} symlink swap, and an in-place rewrite (a plain {@code cp} or an editor), here
 * torn on purpose with pauses between the halves.
 */
public final class RotatingFiles {
  public final Path dir;
  public final Path certfile;
  public final Path keyfile;
  public final Path caFile;
  public final Issued ca;
  /** The identity the files hold at first. */
  public final Issued first;
  private int versions;

  /** A CA ({@code ca.pem}) and a first localhost identity in plain files. */
  public RotatingFiles(Path dir) throws IOException {
    this.dir = dir;
    ca = new Spec("Reload Test CA").ca().issue();
    caFile = DemoPki.write(dir.resolve("ca.pem"), DemoPki.pem(ca.certificate()));
    certfile = dir.resolve("tls.crt");
    keyfile = dir.resolve("tls.key");
    first = issue();
    Files.writeString(certfile, chain(first));
    Files.writeString(keyfile, key(first));
  }

  /** A new localhost server identity from the CA (new key, new serial). */
  public Issued issue() {
    return new Spec("localhost").issuer(ca).dns("localhost").ip("127.0.0.1")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
  }

  /** The identity now in the files' serial, as the served certificate shows it. */
  public static String serial(Issued issued) {
    return Served.serial(issued.certificate());
  }

  public String chain(Issued leaf) throws IOException {
    return DemoPki.pem(leaf.certificate(), ca.certificate());
  }

  public static String key(Issued leaf) throws IOException {
    return DemoPki.pem(leaf.keys().getPrivate());
  }

  /** Writes each file beside itself and renames it into place: key first, then certificate. */
  public void renameInto(Issued next) throws IOException {
    replace(keyfile, key(next));
    replace(certfile, chain(next));
  }

  private static void replace(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Turns the files into a Kubernetes secret volume's layout holding {@code current} (the
   * identity already served, so nothing changes): {@code tls.crt -> ..data/tls.crt}, {@code
   * ..data -> ..<version>}.
   */
  public void becomeSecretVolume(Issued current) throws IOException {
    swapData(current);
    for (Path f : new Path[] {certfile, keyfile}) {
      Path link = f.resolveSibling("." + f.getFileName() + ".link");
      Files.createSymbolicLink(link, Path.of("..data").resolve(f.getFileName()));
      Files.move(link, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * What the kubelet does on a secret update: writes a new timestamped folder, points a new
   * {@code ..data_tmp} link at it and renames that over {@code ..data}, one atomic step for both
   * files.
   */
  public void swapData(Issued next) throws IOException {
    Path version = dir.resolve("..2026_12_01_10_00_00." + (++versions));
    Files.createDirectory(version);
    Files.writeString(version.resolve("tls.crt"), chain(next));
    Files.writeString(version.resolve("tls.key"), key(next));
    Path tmp = dir.resolve("..data_tmp");
    Files.createSymbolicLink(tmp, version.getFileName());
    Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Rewrites the files in place (same inode, through any links), the certificate first and
   * torn: its first half, a pause, the rest, another pause (a new certificate beside the old
   * key), then the key.
   *
   * @param duringHalf run once the first half is on disk, after the pause
   * @param duringMismatch run once the certificate is complete but the key still old
   */
  public void rewriteInPlace(Issued next, Duration pause, Runnable duringHalf,
      Runnable duringMismatch) throws IOException, InterruptedException {
    byte[] cert = chain(next).getBytes(StandardCharsets.US_ASCII);
    int half = cert.length / 2;
    try (FileChannel ch = FileChannel.open(certfile, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(cert, 0, half));
      ch.force(true);
      Thread.sleep(pause.toMillis());
      duringHalf.run();
      ch.write(ByteBuffer.wrap(cert, half, cert.length - half));
      ch.force(true);
    }
    Thread.sleep(pause.toMillis());
    duringMismatch.run();
    try (FileChannel ch = FileChannel.open(keyfile, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(key(next).getBytes(StandardCharsets.US_ASCII)));
    }
  }
}
