package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import dev.pemtls.internal.crypto.BcProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEInputDecryptorProviderBuilder;
import org.bouncycastle.util.io.Streams;

/**
 * Decrypts an {@code ENCRYPTED PRIVATE KEY} block (PKCS#8 EncryptedPrivateKeyInfo): PBES2 with
 * PBKDF2 or scrypt and any cipher BouncyCastle knows, PBES1, and PKCS#12 PBE, as {@code openssl
 * pkcs8 -topk8 [-v1 alg | -v2 alg -v2prf prf | -scrypt]} writes them, on BouncyCastle's
 * lightweight primitives ({@link Pbes2Decryption}, {@link Pbes1Decryption}, BouncyCastle's
 * PKCS#12 decryptor), so that no JCA provider is needed; only PBES2 schemes those lack go to
 * BouncyCastle's JCA provider.
 */
final class Pkcs8Decryption {
  private Pkcs8Decryption() {}

  /** Parses the unencrypted envelope; needs no password. */
  static EncryptedPrivateKeyInfo envelope(PemBlock block, String source) throws SslError {
    try {
      // fromByteArray returns null for empty input, and getInstance(null) returns null.
      EncryptedPrivateKeyInfo info =
          EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(block.der()));
      if (info == null) {
        throw new IOException("empty block");
      }
      return info;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw Reason.PEM_ASN1_LIB.error("malformed encrypted PKCS#8 key in "
          + block.describe() + " of " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the decrypted PrivateKeyInfo bytes, not yet validated: the caller parses them and
   * reports any failure as a wrong password, since garbage can decrypt with valid padding.
   */
  static byte[] decrypt(EncryptedPrivateKeyInfo info, char[] password, String where)
      throws SslError {
    AlgorithmIdentifier algorithm = info.getEncryptionAlgorithm();
    byte[] encrypted = info.getEncryptedData();
    PBES2Parameters pbes2;
    boolean lightweightPbes2;
    try {
      KdfLimits.check(algorithm, where);
      pbes2 = pbes2(algorithm);
      lightweightPbes2 = pbes2 != null && Pbes2Decryption.supports(pbes2);
    } catch (RuntimeException e) {
      throw unsupported(algorithm, where, e);
    }
    if (lightweightPbes2) {
      return Pbes2Decryption.decrypt(pbes2, encrypted, password, where);
    }
    if (Pbes1Decryption.supports(algorithm)) {
      return Pbes1Decryption.decrypt(algorithm, encrypted, password, where);
    }
    InputDecryptor decryptor;
    try {
      InputDecryptorProvider provider =
          algorithm.getAlgorithm().on(PKCSObjectIdentifiers.pkcs_12PbeIds)
              ? new BcPKCS12PBEInputDecryptorProviderBuilder().build(password)
              // The rest (PBES2 with a PRF or cipher Pbes2Decryption lacks, such as RC2-CBC):
              // BouncyCastle's JCA provider. On a JDK that accepts only signed JCE providers
              // (Oracle's) and PemTLS's unsigned lib/ jars, this fails as unsupported.
              : new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BcProvider.get())
                  .build(password);
      decryptor = provider.get(algorithm);
    } catch (OperatorCreationException | RuntimeException e) {
      throw unsupported(algorithm, where, e);
    }
    try (InputStream in = decryptor.getInputStream(new ByteArrayInputStream(encrypted))) {
      return Streams.readAll(in);
    } catch (IOException | RuntimeException e) {
      // Bad padding: the overwhelmingly common cause is a wrong password.
      throw KeyErrors.badDecrypt(where, e);
    }
  }

  private static SslError unsupported(AlgorithmIdentifier algorithm, String where, Exception e) {
    return Reason.EVP_UNSUPPORTED_ALGORITHM.error("unsupported encryption algorithm "
        + algorithm.getAlgorithm().getId() + " for the key in " + where
        + "; re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'", e);
  }

  /** The PBES2 parameters if that is the scheme and they parse, else null. */
  private static PBES2Parameters pbes2(AlgorithmIdentifier algorithm) {
    if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
      return null;
    }
    try {
      return PBES2Parameters.getInstance(algorithm.getParameters());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
