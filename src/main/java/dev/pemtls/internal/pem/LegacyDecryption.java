package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.SslError;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.bc.BcPEMDecryptorProvider;

/**
 * Decrypts OpenSSL's legacy PEM encryption ({@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info:
 * CIPHER,IV-HEX} headers), as {@code openssl rsa -traditional -aes256} or {@code openssl ec
 * -des3} write it. The key is OpenSSL's EVP_BytesToKey(MD5, password, first 8 IV bytes).
 */
final class LegacyDecryption {
  /** DEK-Info cipher names supported, with their IV length (OpenSSL's PEM_get_EVP_CIPHER_INFO). */
  private static final Map<String, Integer> IV_LENGTHS = Map.of(
      "AES-128-CBC", 16,
      "AES-192-CBC", 16,
      "AES-256-CBC", 16,
      "DES-EDE3-CBC", 8,
      "DES-CBC", 8);

  private LegacyDecryption() {}

  /** The parsed {@code DEK-Info} header. */
  record DekInfo(String cipher, byte[] iv) {}

  /** Validates the headers before any password is asked for. */
  static DekInfo dekInfo(PemBlock block, String source) throws SslError {
    String where = block.describe() + " of " + source;
    String dek = block.headers().get("DEK-Info");
    if (dek == null) {
      throw Reason.PEM_NOT_DEK_INFO.error("not dek info: " + where
          + " has 'Proc-Type: 4,ENCRYPTED' but no 'DEK-Info' header");
    }
    int comma = dek.indexOf(',');
    String cipher = (comma < 0 ? dek : dek.substring(0, comma)).trim().toUpperCase(Locale.ROOT);
    Integer ivLength = IV_LENGTHS.get(cipher);
    if (ivLength == null) {
      throw Reason.PEM_UNSUPPORTED_ENCRYPTION.error("unsupported encryption " + cipher
          + " in " + where + "; re-encrypt the key with 'openssl pkcs8 -topk8' or use one of "
          + IV_LENGTHS.keySet());
    }
    String hex = comma < 0 ? "" : dek.substring(comma + 1).trim();
    byte[] iv;
    try {
      iv = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      iv = null;
    }
    if (iv == null || iv.length != ivLength) {
      throw Reason.PEM_BAD_IV_CHARS.error("bad iv chars: the DEK-Info IV in " + where
          + " must be " + (2 * ivLength) + " hex digits for " + cipher);
    }
    return new DekInfo(cipher, iv);
  }

  /**
   * Decrypts the block body. Returns unvalidated bytes; the caller's parse failure means a wrong
   * password.
   */
  static byte[] decrypt(PemBlock block, DekInfo dek, char[] password, String where)
      throws SslError {
    PEMDecryptor decryptor;
    try {
      decryptor = new BcPEMDecryptorProvider(password).get(dek.cipher());
    } catch (Exception e) {
      throw Reason.PEM_UNSUPPORTED_ENCRYPTION.error("unsupported encryption "
          + dek.cipher() + " in " + where, e);
    }
    try {
      return decryptor.decrypt(block.der(), dek.iv());
    } catch (Exception e) {
      throw KeyErrors.badDecrypt(where, e);
    }
  }
}
