package dev.pemtls.internal.pem;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.IdentityKeys;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pemtls.SslError;
import dev.pemtls.internal.crypto.BcProvider;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated PEM input never lets anything but SslError escape, never hangs. Deterministic (fixed
 * seed); material is made with the JDK and BouncyCastle so this runs without openssl.
 */
class FuzzTest {
  /** Raise with -Dpemtls.fuzzRounds=20000 for a deeper local run. */
  private static final int ROUNDS = Integer.getInteger("pemtls.fuzzRounds", 400);
  private static final Duration LIMIT = Duration.ofSeconds(60L * Math.max(1, ROUNDS / 400));

  @TempDir Path tmp;
  static List<byte[]> seeds = new ArrayList<>();

  @BeforeAll
  static void makeSeeds() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    KeyPair pair = gen.generateKeyPair();
    X500Name name = new X500Name("CN=fuzz");
    Date now = new Date();
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now,
            new Date(now.getTime() + 86_400_000L), name, pair.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));

    String certPem = pem(cert);
    String keyPem = pem(new JcaPKCS8Generator(pair.getPrivate(), null));
    String encryptedPem = pem(new JcaPKCS8Generator(pair.getPrivate(),
        new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
            .setProvider(BcProvider.get()).setIterationCount(64)
            .setPassword("pw".toCharArray()).build()));
    String legacy = "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
        + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
        + "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n-----END EC PRIVATE KEY-----\n";
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(1024);
    KeyPair rsa = rsaGen.generateKeyPair();
    String rsaTraditional = pem(rsa);
    StringWriter legacyRsa = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(legacyRsa)) {
      w.writeObject(rsa, new JcePEMEncryptorBuilder("AES-128-CBC")
          .setProvider(BcProvider.get()).build("pw".toCharArray()));
    }
    String pbes1 = pem(new JcaPKCS8Generator(rsa.getPrivate(),
        new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.PBE_SHA1_3DES)
            .setProvider(BcProvider.get()).setIterationCount(64)
            .setPassword("pw".toCharArray()).build()));
    for (String seed : List.of(certPem + keyPem, keyPem + "text\n" + certPem + certPem,
        certPem + encryptedPem, certPem + legacy, "# bundle\n" + certPem + "x\n" + certPem,
        certPem + rsaTraditional, certPem + legacyRsa, pbes1 + certPem)) {
      seeds.add(seed.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static String pem(Object o) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    }
    return out.toString();
  }

  @Test
  void mutatedInput_onlySslErrorEscapes() {
    assertTimeoutPreemptively(LIMIT, () -> {
      Random random = new Random(Long.getLong("pemtls.fuzzSeed", 20240601L));
      Path file = tmp.resolve("fuzz.pem");
      for (int round = 0; round < ROUNDS; round++) {
        byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
        Files.write(file, input);
        int r = round;
        check(r, input, () -> PemFiles.loadIdentity(file, null, () -> "pw".toCharArray()));
        check(r, input, () -> PemFiles.readCaFile(file));
        check(r, input, () -> PemFiles.parseCaData(input));
        check(r, input, () -> PemFiles.parseCaData(
            new String(input, StandardCharsets.ISO_8859_1)));
      }
    });
  }

  @Test
  void mutatedDerInsideValidPem_onlySslErrorEscapes() {
    // Base64 damage is caught early; this drives the ASN.1, key and certificate parsers.
    assertTimeoutPreemptively(LIMIT, () -> {
      Random random = new Random(Long.getLong("pemtls.fuzzSeed", 7L));
      Path file = tmp.resolve("fuzz-der.pem");
      for (int round = 0; round < ROUNDS; round++) {
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        StringBuilder out = new StringBuilder();
        for (PemBlock block : PemTokenizer.blocks(seed, "seed")) {
          byte[] der = random.nextInt(3) == 0 ? block.der() : mutate(block.der(), random);
          out.append("-----BEGIN ").append(block.label()).append("-----\n");
          block.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
          if (!block.headers().isEmpty()) {
            out.append('\n');
          }
          out.append(java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
              .encodeToString(der)).append("\n-----END ").append(block.label()).append("-----\n");
        }
        byte[] input = out.toString().getBytes(StandardCharsets.US_ASCII);
        Files.write(file, input);
        int r = round;
        check(r, input, () -> PemFiles.loadIdentity(file, null, () -> "pw".toCharArray()));
        check(r, input, () -> PemFiles.readCaFile(file));
      }
    });
  }

  @Test
  void unmutatedSeeds_load() throws Exception {
    Path file = tmp.resolve("seed.pem");
    Files.write(file, seeds.get(0));
    PemFiles.loadIdentity(file, null, null);
    Files.write(file, seeds.get(2));
    PemFiles.loadIdentity(file, null, () -> "pw".toCharArray());
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static void check(int round, byte[] input, Call call) {
    try {
      call.run();
    } catch (SslError expected) {
      // The only acceptable failure.
    } catch (Throwable t) {
      fail("round " + round + ": " + t + " escaped for input:\n"
          + new String(input, StandardCharsets.ISO_8859_1), t);
    }
  }

  /** One to five random edits: flips, deletions, duplications, insertions, truncation. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int edits = 1 + random.nextInt(5);
    for (int i = 0; i < edits && data.length > 0; i++) {
      int pos = random.nextInt(data.length);
      int len = Math.min(data.length - pos, 1 + random.nextInt(64));
      switch (random.nextInt(6)) {
        case 0 -> data[pos] ^= (byte) (1 << random.nextInt(8));
        case 1 -> data[pos] = (byte) random.nextInt(256);
        case 2 -> data = splice(data, pos, len, new byte[0]);
        case 3 -> data = splice(data, pos, 0, java.util.Arrays.copyOfRange(data, pos, pos + len));
        case 4 -> {
          String[] pieces = {"-----BEGIN CERTIFICATE-----\n", "-----END CERTIFICATE-----\n",
              "-----BEGIN PRIVATE KEY-----\n", "=\n", "\n\n", "Proc-Type: 4,ENCRYPTED\n",
              "-----BEGIN X509 CRL-----\n", "MIIB", "\r\n"};
          byte[] piece = pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.US_ASCII);
          data = splice(data, pos, 0, piece);
        }
        default -> data = java.util.Arrays.copyOf(data, pos);
      }
    }
    return data;
  }

  private static byte[] splice(byte[] data, int pos, int remove, byte[] insert) {
    byte[] out = new byte[data.length - remove + insert.length];
    System.arraycopy(data, 0, out, 0, pos);
    System.arraycopy(insert, 0, out, pos, insert.length);
    System.arraycopy(data, pos + remove, out, pos + insert.length, data.length - pos - remove);
    return out;
  }
}
