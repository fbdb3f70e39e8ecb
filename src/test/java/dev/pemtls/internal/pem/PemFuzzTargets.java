package dev.pemtls.internal.pem;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pemtls.SslError;
import dev.pemtls.fuzz.Mutations;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.crypto.util.PBKDF2Config;
import org.bouncycastle.crypto.util.ScryptConfig;

/**
 * Jazzer fuzz targets for the PEM reader and every key decoder and KDF (PBES2 with PBKDF2 and
 * scrypt, PKCS#12 PBE, legacy DEK-Info, PKCS#1, SEC1, PKCS#8), the CA bundle reader and cadata:
 * only {@link SslError} (or {@link IllegalArgumentException}) may escape. In {@code mvn verify}
 * they replay their seeds; see SECURITY.md for the command that fuzzes.
 */
class PemFuzzTargets {
  private static final List<byte[]> TEMPLATES = templates();
  private static final Path FILE = tempFile();

  @FuzzTest(maxDuration = "2h")
  void keysAndCertificates(byte[] data) throws Exception {
    byte[] input = Mutations.apply(TEMPLATES, data);
    allowOnly(() -> PrivateKeyReader.read(PemTokenizer.blocks(input, "fuzz"), "fuzz", "fuzz",
        () -> "pw".toCharArray()));
    Files.write(FILE, input);
    allowOnly(() -> PemFiles.loadIdentity(FILE, null, () -> "pw".toCharArray()));
  }

  @FuzzTest(maxDuration = "2h")
  void caBundlesAndCadata(byte[] data) {
    byte[] input = Mutations.apply(TEMPLATES, data);
    allowOnly(() -> PemFiles.parseCaFile(input, "fuzz"));
    allowOnly(() -> PemFiles.parseCaData(input));
    allowOnly(() -> PemFiles.parseCaData(new String(input, StandardCharsets.ISO_8859_1)));
  }

  interface Call {
    Object run() throws Exception;
  }

  /** Runs {@code call}; the documented failures pass, anything else is a finding. */
  static void allowOnly(Call call) {
    try {
      call.run();
    } catch (SslError | IllegalArgumentException expected) {
      // documented
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("undocumented exception escaped: " + e, e);
    }
  }

  private static List<byte[]> templates() {
    try {
      dev.pemtls.internal.pem.FuzzTest.makeSeeds(); // the JUnit fuzz test's material: plain, encrypted and legacy keys
      List<byte[]> out = new ArrayList<>(dev.pemtls.internal.pem.FuzzTest.seeds);
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      KeyPair pair = g.generateKeyPair();
      byte[] cert = dev.pemtls.internal.pem.FuzzTest.seeds.get(0);
      out.add(concat(cert, pbes2(pair, new JcePKCSPBEOutputEncryptorBuilder(
          new PBKDF2Config.Builder().withIterationCount(8).withPRF(PBKDF2Config.PRF_SHA256)
              .build(), NISTObjectIdentifiers.id_aes256_CBC))));
      out.add(concat(cert, pbes2(pair, new JcePKCSPBEOutputEncryptorBuilder(
          new ScryptConfig.Builder(16, 1, 1).withSaltLength(16).build(),
          NISTObjectIdentifiers.id_aes128_CBC))));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot make fuzz templates", e);
    }
  }

  private static byte[] pbes2(KeyPair pair, JcePKCSPBEOutputEncryptorBuilder enc)
      throws Exception {
    enc.setProvider(dev.pemtls.internal.crypto.BcProvider.get());
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(new PKCS8EncryptedPrivateKeyInfoBuilder(
          org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()))
          .build(enc.build("pw".toCharArray())));
    }
    return w.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Path tempFile() {
    try {
      Path f = Files.createTempFile("pemtls-fuzz", ".pem");
      f.toFile().deleteOnExit();
      return f;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
