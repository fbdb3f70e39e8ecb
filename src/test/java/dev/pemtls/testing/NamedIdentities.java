package dev.pemtls.testing;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.Issued;
import dev.pemtls.internal.demo.DemoPki.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Server identities for SNI and key-type tests: one root, and leaves for a host name and key
 * type, each written as a chain file and a key file; a Python client that reports which
 * certificate each connection got ({@link #pythonProbe}).
 */
public final class NamedIdentities {
  public final Path dir;
  public final Issued root;
  public final Path caFile;

  public NamedIdentities(Path dir) throws IOException {
    this.dir = dir;
    root = new Spec("SNI Test Root").keyAlgorithm("RSA").ca().issue();
    caFile = DemoPki.write(dir.resolve("sni-ca.pem"), DemoPki.pem(root.certificate()));
  }

  /** One issued leaf: its files and its certificate's SHA-256, as the probe prints it. */
  public record Leaf(String name, String keyType, Path chain, Path key, String sha256) {}

  /** A leaf for {@code host} with a {@code keyType} key ("RSA", "EC", "Ed25519"). */
  public Leaf leaf(String host, String keyType) throws IOException {
    Issued leaf = new Spec(host).keyAlgorithm(keyType).issuer(root).dns(host)
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    String stem = host + "-" + keyType;
    Path chain = DemoPki.write(dir.resolve(stem + ".pem"), DemoPki.pem(leaf.certificate(),
        root.certificate()));
    Path key = DemoPki.write(dir.resolve(stem + ".key"), DemoPki.pem(leaf.keys().getPrivate()));
    try {
      return new Leaf(host, keyType, chain, key, HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(leaf.certificate().getEncoded())));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A Python client: for each case "SNI|CIPHERS|MAXVERSION" (each may be empty: no SNI, default
   * ciphers, TLS 1.3) it connects to {@code port} without verifying and prints one line, {@code
   * cert <sha256> <version>} or {@code refused <reason>}.
   */
  public static List<String> pythonProbe(int port, List<String> cases) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c", String.join("\n",
        "import hashlib, socket, ssl, sys",
        "for case in sys.argv[2:]:",
        "    sni, ciphers, maxv = case.split('|')",
        "    c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
        "    c.check_hostname = False",
        "    c.verify_mode = ssl.CERT_NONE",
        "    if ciphers: c.set_ciphers(ciphers)",
        "    if maxv == '1.2': c.maximum_version = ssl.TLSVersion.TLSv1_2",
        "    try:",
        "        s = c.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),",
        "                          server_hostname=sni or None)",
        "        print('cert', hashlib.sha256(s.getpeercert(True)).hexdigest(), s.version())",
        "        s.close()",
        "    except ssl.SSLError as e:",
        "        print('refused', e.reason)",
        "    sys.stdout.flush()"), Integer.toString(port)));
    cmd.addAll(cases);
    Peer py = Peer.command(cmd).separateStderr().run();
    return py.lines();
  }
}
