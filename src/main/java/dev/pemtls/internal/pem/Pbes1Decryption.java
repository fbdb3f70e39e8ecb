package dev.pemtls.internal.pem;

import dev.pemtls.SslError;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.MD2Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.generators.PKCS5S1ParametersGenerator;

/**
 * PBES1 (RFC 8018 section 6.1) with BouncyCastle's lightweight primitives: {@code
 * pbeWithMD2/MD5/SHA1AndDES-CBC} and {@code ...AndRC2-CBC}, as {@code openssl pkcs8 -topk8 -v1
 * PBE-MD5-DES} (and the other PBES1 names) writes them. The key and IV are the first and second
 * 8 bytes of the iterated digest of password and salt; the password's bytes are its UTF-8
 * encoding, as OpenSSL uses the bytes typed.
 */
final class Pbes1Decryption {
  private record Scheme(Supplier<Digest> digest, Supplier<BlockCipher> engine) {}

  private static final Map<String, Scheme> SCHEMES = Map.of(
      "1.2.840.113549.1.5.1", new Scheme(MD2Digest::new, DESEngine::new),
      "1.2.840.113549.1.5.3", new Scheme(MD5Digest::new, DESEngine::new),
      "1.2.840.113549.1.5.4", new Scheme(MD2Digest::new, RC2Engine::new),
      "1.2.840.113549.1.5.6", new Scheme(MD5Digest::new, RC2Engine::new),
      "1.2.840.113549.1.5.10", new Scheme(SHA1Digest::new, DESEngine::new),
      "1.2.840.113549.1.5.11", new Scheme(SHA1Digest::new, RC2Engine::new));

  private Pbes1Decryption() {}

  /** True for the PBES1 algorithm identifiers. */
  static boolean supports(AlgorithmIdentifier algorithm) {
    return SCHEMES.containsKey(algorithm.getAlgorithm().getId());
  }

  /**
   * Decrypts; the result is unvalidated (see {@link Pkcs8Decryption#decrypt}). Call {@link
   * KdfLimits#check} before.
   */
  static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] encrypted, char[] password,
      String where) throws SslError {
    Scheme scheme = SCHEMES.get(algorithm.getAlgorithm().getId());
    byte[] pw = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
    try {
      PBEParameter p = PBEParameter.getInstance(algorithm.getParameters());
      PKCS5S1ParametersGenerator generator = new PKCS5S1ParametersGenerator(scheme.digest().get());
      generator.init(pw, p.getSalt(), p.getIterationCount().intValueExact());
      CipherParameters keyAndIv = generator.generateDerivedParameters(64, 64);
      return Pbes2Decryption.cbcDecrypt(scheme.engine().get(), keyAndIv, encrypted);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw KeyErrors.badDecrypt(where, e);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }
}
