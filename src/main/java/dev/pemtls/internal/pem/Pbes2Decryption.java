package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ARIAEngine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * PBES2 decryption with BouncyCastle's lightweight primitives, for the schemes its JCE-based
 * {@code JceOpenSSLPKCS8DecryptorProviderBuilder} rejects but {@code openssl pkcs8 -topk8} writes:
 * the scrypt KDF ({@code -scrypt}) and Camellia/ARIA ciphers ({@code -v2 camellia-256-cbc}).
 */
final class Pbes2Decryption {
  private record CipherSpec(Supplier<BlockCipher> engine, int keyBytes) {}

  private static final Map<String, CipherSpec> CIPHERS = Map.of(
      "2.16.840.1.101.3.4.1.2", new CipherSpec(AESEngine::newInstance, 16),
      "2.16.840.1.101.3.4.1.22", new CipherSpec(AESEngine::newInstance, 24),
      "2.16.840.1.101.3.4.1.42", new CipherSpec(AESEngine::newInstance, 32),
      "1.2.840.113549.3.7", new CipherSpec(DESedeEngine::new, 24),
      "1.3.14.3.2.7", new CipherSpec(DESEngine::new, 8),
      "1.2.392.200011.61.1.1.1.2", new CipherSpec(CamelliaEngine::new, 16),
      "1.2.392.200011.61.1.1.1.3", new CipherSpec(CamelliaEngine::new, 24),
      "1.2.392.200011.61.1.1.1.4", new CipherSpec(CamelliaEngine::new, 32),
      "1.2.410.200046.1.1.2", new CipherSpec(ARIAEngine::new, 16),
      "1.2.410.200046.1.1.12", new CipherSpec(ARIAEngine::new, 32));

  /** PBKDF2 PRF OIDs (RFC 8018 hmacWithSHA*) to digests. */
  private static final Map<String, Supplier<Digest>> PRFS = Map.of(
      "1.2.840.113549.2.7", SHA1Digest::new,
      "1.2.840.113549.2.8", SHA224Digest::new,
      "1.2.840.113549.2.9", SHA256Digest::new,
      "1.2.840.113549.2.10", SHA384Digest::new,
      "1.2.840.113549.2.11", SHA512Digest::new);

  private Pbes2Decryption() {}

  /** True if this class can handle the scheme. */
  static boolean supports(PBES2Parameters params) {
    ASN1ObjectIdentifier kdf = params.getKeyDerivationFunc().getAlgorithm();
    boolean kdfOk = MiscObjectIdentifiers.id_scrypt.equals(kdf)
        || (PKCSObjectIdentifiers.id_PBKDF2.equals(kdf) && PRFS.containsKey(
            PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters()).getPrf()
                .getAlgorithm().getId()));
    return kdfOk && CIPHERS.containsKey(params.getEncryptionScheme().getAlgorithm().getId());
  }

  /**
   * Decrypts; the result is unvalidated (see {@link Pkcs8Decryption#decrypt}). Call {@link
   * #supports} first and {@link KdfLimits#check} before.
   */
  static byte[] decrypt(PBES2Parameters params, byte[] encrypted, char[] password, String where)
      throws SslError {
    EncryptionScheme scheme = params.getEncryptionScheme();
    CipherSpec spec = CIPHERS.get(scheme.getAlgorithm().getId());
    byte[] iv;
    try {
      iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
    } catch (RuntimeException e) {
      throw Reason.PEM_ASN1_LIB.error("malformed encryption parameters (IV) for the key in "
          + where, e);
    }
    byte[] pw = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
    byte[] key = null;
    try {
      key = deriveKey(params.getKeyDerivationFunc(), pw, spec.keyBytes());
      return cbcDecrypt(spec.engine().get(), new ParametersWithIV(new KeyParameter(key), iv),
          encrypted);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw KeyErrors.badDecrypt(where, e);
    } finally {
      Arrays.fill(pw, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /**
   * CBC decryption with PKCS#7 padding, the last step of PBES1 and PBES2; the intermediate buffer
   * is zeroed. A padding failure (InvalidCipherTextException) is the caller's wrong password.
   */
  static byte[] cbcDecrypt(BlockCipher engine, CipherParameters keyAndIv, byte[] encrypted)
      throws InvalidCipherTextException {
    PaddedBufferedBlockCipher cipher =
        new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine));
    cipher.init(false, keyAndIv);
    byte[] out = new byte[cipher.getOutputSize(encrypted.length)];
    try {
      int n = cipher.processBytes(encrypted, 0, encrypted.length, out, 0);
      n += cipher.doFinal(out, n);
      return Arrays.copyOf(out, n);
    } finally {
      Arrays.fill(out, (byte) 0);
    }
  }

  private static byte[] deriveKey(KeyDerivationFunc kdf, byte[] pw, int keyBytes) {
    if (MiscObjectIdentifiers.id_scrypt.equals(kdf.getAlgorithm())) {
      ScryptParams p = ScryptParams.getInstance(kdf.getParameters());
      return SCrypt.generate(pw, p.getSalt(), p.getCostParameter().intValueExact(),
          p.getBlockSize().intValueExact(), p.getParallelizationParameter().intValueExact(),
          keyBytes);
    }
    PBKDF2Params p = PBKDF2Params.getInstance(kdf.getParameters());
    BigInteger keyLength = p.getKeyLength();
    if (keyLength != null && keyLength.intValueExact() != keyBytes) {
      throw new IllegalArgumentException("PBKDF2 key length does not fit the cipher");
    }
    PKCS5S2ParametersGenerator generator =
        new PKCS5S2ParametersGenerator(PRFS.get(p.getPrf().getAlgorithm().getId()).get());
    generator.init(pw, p.getSalt(), p.getIterationCount().intValueExact());
    return ((KeyParameter) generator.generateDerivedParameters(keyBytes * 8)).getKey();
  }
}
