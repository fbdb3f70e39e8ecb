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
import org.bouncycastle.util.io.Streams;

/**
 * Decrypts an {@code ENCRYPTED PRIVATE KEY} block (PKCS#8 EncryptedPrivateKeyInfo): PBES2 with
 * PBKDF2 or scrypt and any cipher BouncyCastle knows, PBES1, and PKCS#12 PBE, as {@code openssl
 * pkcs8 -topk8 [-v1 alg | -v2 alg -v2prf prf | -scrypt]} writes them. BouncyCastle's JCE-based
 * decryptor handles most; {@link Pbes2Decryption} covers the PBES2 variants it rejects.
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
    InputDecryptor decryptor;
    try {
      KdfLimits.check(algorithm, where);
      InputDecryptorProvider provider = new JceOpenSSLPKCS8DecryptorProviderBuilder()
          .setProvider(BcProvider.get()).build(password);
      decryptor = provider.get(algorithm);
    } catch (OperatorCreationException | RuntimeException e) {
      PBES2Parameters pbes2 = pbes2(algorithm);
      if (pbes2 != null && Pbes2Decryption.supports(pbes2)) {
        return Pbes2Decryption.decrypt(pbes2, info.getEncryptedData(), password, where);
      }
      throw Reason.EVP_UNSUPPORTED_ALGORITHM.error("unsupported encryption algorithm "
          + algorithm.getAlgorithm().getId() + " for the key in " + where
          + "; re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'", e);
    }
    try (InputStream in = decryptor.getInputStream(
        new ByteArrayInputStream(info.getEncryptedData()))) {
      return Streams.readAll(in);
    } catch (IOException | RuntimeException e) {
      // Bad padding: the overwhelmingly common cause is a wrong password.
      throw KeyErrors.badDecrypt(where, e);
    }
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
