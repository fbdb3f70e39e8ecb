package dev.pemtls.internal.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;

/**
 * One direction of a TLS record AEAD (AES-GCM or ChaCha20-Poly1305) on one of the JVM's {@link
 * Cipher} objects, initialised per record with the nonce as a plain parameter spec.
 *
 * <p>Why not BCJSSE's own classes:
 *
 * <ul>
 *   <li>AES-GCM: BCJSSE's {@code JceAEADCipherImpl} makes, for every record, an {@code
 *       AlgorithmParameters("GCM")} through a JCA provider look-up, fills it, and passes it to
 *       {@code Cipher.init}, which turns it back into a {@code GCMParameterSpec}; and it asks the
 *       cipher for the output size, which the JDK's GCM answers only after checking its state.
 *       With 1 KiB records that was about a fifth of the JFR samples of the sending and
 *       receiving threads; {@code RecordCipherBench} measures what it saves per record
 *       (BENCHMARKS.md). Here the spec is made directly and the size is arithmetic: the tag
 *       is added on encryption and removed on decryption.
 *   <li>ChaCha20-Poly1305: BCJSSE's implementation asks for a raw {@code ChaCha7539} cipher and a
 *       {@code Poly1305} MAC, which only BouncyCastle's JCA provider has; that would build the
 *       whole provider (see {@link BcProvider}) and run BouncyCastle's pure-Java code. The JDK's
 *       {@code ChaCha20-Poly1305} (SunJCE since Java 11) does the whole AEAD in one call.
 * </ul>
 *
 * <p>A failed tag check becomes TLS's {@code bad_record_mac}; any other cipher failure is an
 * {@code internal_error}.
 */
final class JdkAeadCipher implements TlsAEADCipherImpl {
  static final String CHACHA20_POLY1305 = "ChaCha20-Poly1305";
  static final String AES_GCM = "AES/GCM/NoPadding";
  /** Both AEADs' tag in TLS, in bytes (RFC 5288, RFC 7905, RFC 8446). */
  private static final int TAG = 16;

  private final Cipher cipher;
  private final int mode;
  private final String keyAlgorithm;
  private final int keySize;
  private final boolean gcm;
  private SecretKeySpec key;

  private JdkAeadCipher(Cipher cipher, boolean encrypting, String keyAlgorithm, int keySize,
      boolean gcm) {
    this.cipher = cipher;
    this.mode = encrypting ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
    this.keyAlgorithm = keyAlgorithm;
    this.keySize = keySize;
    this.gcm = gcm;
  }

  /** ChaCha20-Poly1305 on the JDK's own cipher (never BouncyCastle's provider). */
  static JdkAeadCipher chaCha20Poly1305(boolean encrypting) throws GeneralSecurityException {
    return new JdkAeadCipher(Cipher.getInstance(CHACHA20_POLY1305), encrypting, "ChaCha20", 32,
        false);
  }

  /**
   * AES-GCM with a {@code keySize}-byte key, on the cipher {@code helper} chooses for {@code
   * AES/GCM/NoPadding} (the same one BCJSSE's own class would have used).
   */
  static JdkAeadCipher aesGcm(JcaJceHelper helper, int keySize, boolean encrypting)
      throws GeneralSecurityException {
    return new JdkAeadCipher(helper.createCipher(AES_GCM), encrypting, "AES", keySize, true);
  }

  /** Whether the JVM's providers have ChaCha20-Poly1305 (every JDK from 11 on does). */
  static boolean chaCha20Poly1305Available() {
    return JdkFirstJcaJceHelper.jdkOffers("Cipher", CHACHA20_POLY1305);
  }

  @Override
  public void setKey(byte[] k, int off, int len) throws IOException {
    if (len != keySize) {
      throw new TlsFatalAlert(AlertDescription.internal_error,
          cipher.getAlgorithm() + " needs a " + keySize + "-byte key, not " + len);
    }
    key = new SecretKeySpec(k, off, len, keyAlgorithm);
  }

  @Override
  public void init(byte[] nonce, int macSize) throws IOException {
    if (nonce == null || nonce.length != 12 || macSize != TAG) {
      throw new TlsFatalAlert(AlertDescription.internal_error,
          cipher.getAlgorithm() + " for TLS needs a 12-byte nonce and a 16-byte tag");
    }
    AlgorithmParameterSpec spec =
        gcm ? new GCMParameterSpec(TAG * 8, nonce) : new IvParameterSpec(nonce);
    try {
      cipher.init(mode, key, spec);
    } catch (GeneralSecurityException e) {
      throw new TlsFatalAlert(AlertDescription.internal_error, e);
    }
  }

  @Override
  public int getOutputSize(int inputLength) {
    return mode == Cipher.ENCRYPT_MODE ? inputLength + TAG : Math.max(0, inputLength - TAG);
  }

  @Override
  public int doFinal(byte[] additionalData, byte[] input, int inputOffset, int inputLength,
      byte[] output, int outputOffset) throws IOException {
    try {
      if (additionalData != null && additionalData.length > 0) {
        cipher.updateAAD(additionalData);
      }
      return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
    } catch (AEADBadTagException e) {
      throw new TlsFatalAlert(AlertDescription.bad_record_mac, e);
    } catch (GeneralSecurityException e) {
      throw new TlsFatalAlert(AlertDescription.internal_error, e);
    }
  }
}
