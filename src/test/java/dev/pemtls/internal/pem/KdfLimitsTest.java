package dev.pemtls.internal.pem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import dev.pemtls.SslError;
import dev.pemtls.testing.OpenSsl;
import dev.pemtls.testing.Peer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crafted key's KDF parameters cannot exhaust the heap or stall start-up: scrypt follows
 * OpenSSL 3.0's memory rule (openssl is the oracle for where it lies) plus a work cap, PBKDF2 an
 * iteration cap; a key at the scrypt corners loads in a child JVM with a 128 MiB heap.
 */
class KdfLimitsTest {
  static final String PASSWORD = "kdf-pass";
  @TempDir static Path dir;
  static OpenSsl ssl;

  @BeforeAll
  static void keys() throws Exception {
    OpenSsl.assumeAvailable();
    ssl = new OpenSsl(dir);
    ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        "ec.key");
    ssl.selfSigned("ec.key", "kdf", "ec.crt");
    topk8("scrypt.key", "-scrypt");
    topk8("pbkdf2.key", "-iter", "2048");
  }

  private static void topk8(String out, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("pkcs8", "-topk8", "-in", "ec.key",
        "-passout", "pass:" + PASSWORD, "-out", out));
    cmd.addAll(List.of(args));
    ssl.run(cmd.toArray(String[]::new));
  }

  @Test
  void scrypt_justOverOpenSslsMemoryLimit_isRefusedByBoth() throws Exception {
    Path key = scrypt("over-mem.key", 32768, 8, 1); // 128*8*(32768+2+1) > 32 MiB
    assertRefused(key, "32 MiB");
    assertFalse(ssl.tryRun("pkey", "-in", key.toString(), "-passin", "pass:" + PASSWORD,
        "-noout"), "openssl 3.0 refuses it too");
  }

  @Test
  void scrypt_manyLanesOverMemoryLimit_isRefused() throws Exception {
    assertRefused(scrypt("lanes.key", 2, 1, 1 << 20), "32 MiB"); // the 822 MB RSS case
  }

  @Test
  void scrypt_withinMemoryButHoursOfWork_isRefused() throws Exception {
    assertRefused(scrypt("work.key", 1 << 15, 2, 1 << 16), "block mixes");
  }

  @Test
  void scrypt_costNotAPowerOfTwo_isRefused() throws Exception {
    assertRefused(scrypt("odd.key", 1000, 8, 1), "power of 2");
  }

  @Test
  void pbkdf2_overTheIterationCap_isRefusedBeforeDeriving() throws Exception {
    assertRefused(pbkdf2("iter.key", KdfLimits.MAX_ITERATIONS + 1), "iteration count");
  }

  @Test
  void scryptKeysAtTheCorners_loadUnderA128MiBHeap() throws Exception {
    // OpenSSL's largest memory (N=16384, r=8 is its -scrypt default; N·r cannot double) and the
    // largest lane count the memory rule allows with N=2: BouncyCastle holds 3 copies of it.
    Path wide = scrypt("wide.key", 2, 1, (32 << 20) / 128 - 4);
    Peer child = Peer.java(List.of("-Xmx128m", "-cp", System.getProperty("java.class.path"),
        LoadKey.class.getName(), dir.resolve("ec.crt").toString(),
        dir.resolve("scrypt.key").toString(), wide.toString())).run();
    String out = child.text();
    assertEquals(0, child.exitValue(), out);
    assertEquals(2, out.lines().filter(l -> l.startsWith("loaded ")).count(), out);
  }

  /** Child JVM: loads each key with the certificate; exits non-zero on any throwable. */
  public static final class LoadKey {
    public static void main(String[] args) throws Exception {
      for (int i = 1; i < args.length; i++) {
        new SslContext(Protocol.TLS_SERVER).loadCertChain(Path.of(args[0]), Path.of(args[i]),
            PASSWORD.toCharArray());
        System.out.println("loaded " + args[i]);
      }
    }
  }

  private static void assertRefused(Path key, String detail) {
    SslError e = assertThrows(SslError.class, () -> new SslContext(Protocol.TLS_SERVER)
        .loadCertChain(dir.resolve("ec.crt"), key, PASSWORD.toCharArray()));
    assertEquals("UNSUPPORTED_KEY_DERIVATION_PARAMETERS", e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(detail) && e.getMessage().contains(key.toString()),
        e.getMessage());
  }

  /**
   * The openssl-made scrypt key with its parameters replaced (openssl will not write keys over
   * its limit). For the corner case the real key is re-encrypted by openssl instead.
   */
  private static Path scrypt(String name, long n, int r, int p) throws Exception {
    if (MemoryRule.fits(n, r, p)) {
      topk8(name, "-scrypt", "-scrypt_N", Long.toString(n), "-scrypt_r", Integer.toString(r),
          "-scrypt_p", Integer.toString(p));
      return dir.resolve(name);
    }
    EncryptedPrivateKeyInfo info = read("scrypt.key");
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(
        info.getEncryptionAlgorithm().getParameters());
    ScryptParams old = ScryptParams.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    KeyDerivationFunc kdf = new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt,
        new ScryptParams(old.getSalt(), BigInteger.valueOf(n), BigInteger.valueOf(r),
            BigInteger.valueOf(p), old.getKeyLength()));
    return write(name, info, new PBES2Parameters(kdf, pbes2.getEncryptionScheme()));
  }

  private static Path pbkdf2(String name, long iterations) throws Exception {
    EncryptedPrivateKeyInfo info = read("pbkdf2.key");
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(
        info.getEncryptionAlgorithm().getParameters());
    PBKDF2Params old = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    KeyDerivationFunc kdf = new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
        new PBKDF2Params(old.getSalt(), (int) iterations, old.getPrf()));
    return write(name, info, new PBES2Parameters(kdf, pbes2.getEncryptionScheme()));
  }

  private static EncryptedPrivateKeyInfo read(String name) throws Exception {
    String pem = Files.readString(dir.resolve(name));
    String b64 = pem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
    return EncryptedPrivateKeyInfo.getInstance(Base64.getDecoder().decode(b64));
  }

  private static Path write(String name, EncryptedPrivateKeyInfo info, PBES2Parameters params)
      throws Exception {
    EncryptedPrivateKeyInfo out = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(
        PKCSObjectIdentifiers.id_PBES2, params), info.getEncryptedData());
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(out.getEncoded(ASN1Encoding.DER));
    Path file = dir.resolve(name);
    Files.writeString(file, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + b64
        + "\n-----END ENCRYPTED PRIVATE KEY-----\n");
    return file;
  }

  /** OpenSSL's rule, restated here so the test picks which keys openssl can write. */
  private static final class MemoryRule {
    static boolean fits(long n, int r, int p) {
      return (n & (n - 1)) == 0 && 128L * r * (n + 2 + p) <= 32L << 20
          && n * r * p <= KdfLimits.MAX_SCRYPT_WORK;
    }
  }
}
