package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.PasswordCallback;
import dev.pemtls.SslError;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Finds and decodes the private key of a PEM file, as OpenSSL's {@code PEM_read_bio_PrivateKey}
 * does for {@code SSL_CTX_use_PrivateKey_file}: the first private key block wins, other blocks
 * (certificates, {@code EC PARAMETERS}, text) are skipped.
 */
final class PrivateKeyReader {
  static final String PKCS8 = "PRIVATE KEY";
  static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";
  static final String RSA = "RSA PRIVATE KEY";
  static final String EC = "EC PRIVATE KEY";
  static final String DSA = "DSA PRIVATE KEY";
  static final String EC_PARAMETERS = "EC PARAMETERS";

  private static final Set<String> KEY_LABELS = Set.of(PKCS8, ENCRYPTED_PKCS8, RSA, EC, DSA);

  /** The key in both forms: PKCS#8 for the match check, JDK object for use. */
  record DecodedKey(PrivateKeyInfo info, PrivateKey key) {}

  private PrivateKeyReader() {}

  /**
   * Reads the first private key of {@code blocks}.
   *
   * @param source the key's file name, for messages
   * @param password asked only if that key is encrypted; may be null
   */
  static DecodedKey read(List<PemBlock> blocks, String source, String lookedIn,
      PasswordCallback password) throws SslError {
    byte[] ecParameters = null;
    PemBlock unsupported = null;
    for (PemBlock block : blocks) {
      if (EC_PARAMETERS.equals(block.label())) {
        ecParameters = block.der();
      } else if (KEY_LABELS.contains(block.label())) {
        return decode(block, ecParameters, source, password);
      } else if (unsupported == null && block.label().endsWith(" " + PKCS8)) {
        unsupported = block;
      }
    }
    if (unsupported != null) {
      String label = unsupported.label();
      throw Reason.EVP_UNSUPPORTED_PRIVATE_KEY_ALGORITHM.error("unsupported private key "
          + "format '" + label + "' in " + unsupported.describe() + " of " + source
          + (label.startsWith("OPENSSH") ? "; convert it with 'ssh-keygen -p -m PEM -f FILE' or "
              + "'openssl pkey -in FILE -out key.pem'" : "; convert it to PKCS#8 with "
              + "'openssl pkcs8 -topk8 -nocrypt'"));
    }
    throw Reason.PEM_NO_PRIVATE_KEY.error("no private key found in " + lookedIn
        + ": expected a '-----BEGIN PRIVATE KEY-----' (or RSA/EC/DSA/ENCRYPTED PRIVATE KEY) block;"
        + " pass the key file as keyfile, or append the key to the certificate file");
  }

  private static DecodedKey decode(PemBlock block, byte[] ecParameters, String source,
      PasswordCallback password) throws SslError {
    String where = block.describe() + " of " + source;
    if (ENCRYPTED_PKCS8.equals(block.label())) {
      EncryptedPrivateKeyInfo envelope = Pkcs8Decryption.envelope(block, source);
      return Passwords.withPassword(password, source, pw ->
          fromPlaintext(Pkcs8Decryption.decrypt(envelope, pw, source), PKCS8, null, where,
              source, true));
    }
    if (block.hasLegacyEncryption()) {
      LegacyDecryption.DekInfo dek = LegacyDecryption.dekInfo(block, source);
      return Passwords.withPassword(password, source, pw ->
          fromPlaintext(LegacyDecryption.decrypt(block, dek, pw, source), block.label(),
              ecParameters, where, source, true));
    }
    return fromPlaintext(block.der(), block.label(), ecParameters, where, source, false);
  }

  /**
   * Parses decrypted or plain key DER. After decryption every structural failure is reported as
   * a wrong password: a wrong key yields random bytes that may even have valid padding.
   */
  private static DecodedKey fromPlaintext(byte[] der, String label, byte[] ecParameters,
      String where, String source, boolean decrypted) throws SslError {
    PrivateKeyInfo info;
    try {
      info = switch (label) {
        case RSA -> KeyStructures.rsa(der);
        case EC -> KeyStructures.ec(der, ecParameters);
        case DSA -> KeyStructures.dsa(der);
        default -> KeyStructures.pkcs8(der);
      };
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw decrypted ? KeyErrors.badDecrypt(source, e) : malformed(where, e);
    } finally {
      if (decrypted) {
        java.util.Arrays.fill(der, (byte) 0);
      }
    }
    String algorithm;
    try {
      algorithm = JdkKeys.algorithm(info);
    } catch (JdkKeys.Unsupported e) {
      throw KeyErrors.unsupported(e.getMessage(), where);
    } catch (RuntimeException e) {
      throw decrypted ? KeyErrors.badDecrypt(source, e) : malformed(where, e);
    }
    try {
      return new DecodedKey(info, JdkKeys.toJdk(info, algorithm));
    } catch (IOException e) {
      throw decrypted ? KeyErrors.badDecrypt(source, e) : malformed(where, e);
    }
  }

  private static SslError malformed(String where, Throwable e) {
    // The cause's text can quote ASN.1 contents of the key; keep only its type.
    return Reason.PEM_ASN1_LIB.error("malformed private key in " + where + " ("
        + e.getClass().getSimpleName() + "); the key is corrupt or not in a PEM form OpenSSL "
        + "writes");
  }
}
