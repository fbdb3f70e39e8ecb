package dev.pemtls.internal.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;

/**
 * ChaCha20-Poly1305 (RFC 8439) for TLS records on the JDK's AEAD cipher ({@code
 * ChaCha20-Poly1305}, SunJCE since Java 11).
 *
 * <p>BCJSSE's own implementation asks for a raw {@code ChaCha7539} cipher and a {@code Poly1305}
 * MAC, which only BouncyCastle's JCA provider has; that would build the whole provider (see
 * {@link BcProvider}) and run BouncyCastle's pure-Java code. The JDK's cipher does the whole AEAD
 * in one call, and a failed tag check becomes TLS's {@code bad_record_mac}.
 */
final class JdkChaCha20Poly1305 implements TlsAEADCipherImpl {
  static final String TRANSFORMATION = "ChaCha20-Poly1305";
  private static final int TAG = 16;

  private final Cipher cipher;
  private final int mode;
  private SecretKeySpec key;

  JdkChaCha20Poly1305(boolean encrypting) throws NoSuchAlgorithmException, NoSuchPaddingException {
    this.cipher = Cipher.getInstance(TRANSFORMATION);
    this.mode = encrypting ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
  }

  /** Whether the JVM's providers have the cipher (every JDK from 11 on does, unless removed). */
  static boolean available() {
    return JdkFirstJcaJceHelper.jdkOffers("Cipher", TRANSFORMATION);
  }

  @Override
  public void setKey(byte[] k, int off, int len) throws IOException {
    if (len != 32) {
      throw new TlsFatalAlert(AlertDescription.internal_error, "ChaCha20 needs a 32-byte key");
    }
    key = new SecretKeySpec(k, off, len, "ChaCha20");
  }

  @Override
  public void init(byte[] nonce, int macSize) throws IOException {
    if (nonce == null || nonce.length != 12 || macSize != TAG) {
      throw new TlsFatalAlert(AlertDescription.internal_error,
          "ChaCha20-Poly1305 needs a 12-byte nonce and a 16-byte tag");
    }
    try {
      cipher.init(mode, key, new IvParameterSpec(nonce));
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
