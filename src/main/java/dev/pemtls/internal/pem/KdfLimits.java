package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
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
 * memory. The caps bound both the memory and the start-up time one key costs.
 *
 * <ul>
 *   <li>PBKDF2, PBES1 and PKCS#12 PBE: at most {@value #MAX_ITERATIONS} iterations, about 1.5 s
 *       with HMAC-SHA256 on a slow core (OpenSSL writes 2048; OWASP asks for 600,000).
 *   <li>scrypt: OpenSSL 3.0's own rule, so every key OpenSSL (and Python) can read loads and none
 *       that it refuses does: {@code 128·r·(N + 2 + p)} at most {@value #MAX_SCRYPT_BYTES} bytes
 *       (32 MiB, {@code SCRYPT_MAX_MEM}). BouncyCastle's SCrypt then allocates at most {@code
 *       128·r·N + 3·128·r·p} bytes, under 96 MiB. OpenSSL does not bound the work {@code N·r·p}
 *       (N = 2^15, r = 2, p = 2^16 fits the memory rule and runs for hours), so PemTLS also caps
 *       it at {@value #MAX_SCRYPT_WORK}, 8 times {@code openssl pkcs8 -scrypt}'s default
 *       (N = 16384, r = 8, p = 1), about 2.5 s.
 * </ul>
 */
final class KdfLimits {
  static final long MAX_ITERATIONS = 2_000_000L;
  /** OpenSSL 3.0's SCRYPT_MAX_MEM, the default maxmem of PKCS5_v2_scrypt_keyivgen. */
  static final long MAX_SCRYPT_BYTES = 32L * 1024 * 1024;
  /** N·r·p: the number of 128-byte block mixes, the measure of scrypt's CPU time. */
  static final long MAX_SCRYPT_WORK = 1L << 20;

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
        scrypt(ScryptParams.getInstance(kdf.getParameters()), where);
      }
    } else if (oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
      iterations(PKCS12PBEParams.getInstance(encryption.getParameters()).getIterations(), where);
    } else if (oid.on(PKCSObjectIdentifiers.pkcs_5)) {
      // PBES1 (pbeWithMD5AndDES-CBC and friends), 1.2.840.113549.1.5.{1,3,4,6,10,11}.
      iterations(PBEParameter.getInstance(encryption.getParameters()).getIterationCount(), where);
    }
  }

  private static void scrypt(ScryptParams p, String where) throws SslError {
    BigInteger n = p.getCostParameter();
    BigInteger r = p.getBlockSize();
    BigInteger par = p.getParallelizationParameter();
    if (n.compareTo(BigInteger.TWO) < 0 || n.bitCount() != 1 || r.signum() <= 0
        || par.signum() <= 0) {
      throw tooExpensive(where, "scrypt parameters N=" + n + ", r=" + r + ", p=" + par
          + " are invalid (N must be a power of 2 above 1, r and p at least 1)");
    }
    BigInteger memory = BigInteger.valueOf(128).multiply(r)
        .multiply(n.add(BigInteger.TWO).add(par));
    if (memory.compareTo(BigInteger.valueOf(MAX_SCRYPT_BYTES)) > 0) {
      throw tooExpensive(where, "scrypt parameters N=" + n + ", r=" + r + ", p=" + par
          + " need more than " + (MAX_SCRYPT_BYTES >> 20) + " MiB of memory, OpenSSL's limit");
    }
    BigInteger work = n.multiply(r).multiply(par);
    if (work.compareTo(BigInteger.valueOf(MAX_SCRYPT_WORK)) > 0) {
      throw tooExpensive(where, "scrypt parameters N=" + n + ", r=" + r + ", p=" + par
          + " need " + work + " block mixes, more than " + MAX_SCRYPT_WORK);
    }
  }

  private static void iterations(BigInteger count, String where) throws SslError {
    if (count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
      throw tooExpensive(where, "its iteration count " + count + " exceeds " + MAX_ITERATIONS);
    }
  }

  private static SslError tooExpensive(String where, String detail) {
    return Reason.EVP_UNSUPPORTED_KEY_DERIVATION_PARAMETERS.error("refusing to decrypt the "
        + "key in " + where + ": " + detail + "; re-encrypt it with 'openssl pkcs8 -topk8'");
  }
}
