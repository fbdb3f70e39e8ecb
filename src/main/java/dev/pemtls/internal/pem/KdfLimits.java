package dev.pemtls.internal.pem;

import dev.pemtls.SslError;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Refuses key-derivation parameters that would hang or exhaust the JVM before a password could
 * even be tried: a crafted key file can ask for 2^31 PBKDF2 iterations or gigabytes of scrypt
 * memory. Real keys use thousands to a few million iterations (OpenSSL's default is 2048).
 */
final class KdfLimits {
  static final long MAX_ITERATIONS = 10_000_000L;
  /** scrypt memory is about 128 * N * r * p bytes; OpenSSL's own default cap is 32 MiB. */
  static final long MAX_SCRYPT_BYTES = 256L * 1024 * 1024;

  private KdfLimits() {}

  /** Checks the encryption algorithm of an EncryptedPrivateKeyInfo; unknown schemes pass. */
  static void check(AlgorithmIdentifier encryption, String where) throws SslError {
    ASN1ObjectIdentifier oid = encryption.getAlgorithm();
    if (encryption.getParameters() == null) {
      return;
    }
    if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
      KeyDerivationFunc kdf =
          PBES2Parameters.getInstance(encryption.getParameters()).getKeyDerivationFunc();
      if (PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
        iterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(), where);
      } else if (MiscObjectIdentifiers.id_scrypt.equals(kdf.getAlgorithm())) {
        ScryptParams p = ScryptParams.getInstance(kdf.getParameters());
        BigInteger memory = BigInteger.valueOf(128).multiply(p.getCostParameter())
            .multiply(p.getBlockSize()).multiply(p.getParallelizationParameter());
        if (memory.compareTo(BigInteger.valueOf(MAX_SCRYPT_BYTES)) > 0) {
          throw tooExpensive(where, "scrypt parameters need more than "
              + (MAX_SCRYPT_BYTES >> 20) + " MiB of memory");
        }
      }
    } else if (oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
      iterations(PKCS12PBEParams.getInstance(encryption.getParameters()).getIterations(), where);
    } else if (oid.on(PKCSObjectIdentifiers.pkcs_5)) {
      // PBES1 (pbeWithMD5AndDES-CBC and friends), 1.2.840.113549.1.5.{1,3,4,6,10,11}.
      iterations(PBEParameter.getInstance(encryption.getParameters()).getIterationCount(), where);
    }
  }

  private static void iterations(BigInteger count, String where) throws SslError {
    if (count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
      throw tooExpensive(where, "its iteration count " + count + " exceeds " + MAX_ITERATIONS);
    }
  }

  private static SslError tooExpensive(String where, String detail) {
    return new SslError("EVP", "UNSUPPORTED_KEY_DERIVATION_PARAMETERS", "refusing to decrypt the "
        + "key in " + where + ": " + detail + "; re-encrypt it with 'openssl pkcs8 -topk8'");
  }
}
