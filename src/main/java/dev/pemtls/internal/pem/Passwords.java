package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.PasswordCallback;
import dev.pemtls.SslError;
import java.io.IOException;
import java.util.Arrays;

/**
 * Obtains the password of an encrypted key from the caller's {@link PasswordCallback}, the way
 * CPython's {@code _password_callback} serves OpenSSL: asked only when a key turns out to be
 * encrypted, limited to 1023 bytes, and wiped after use.
 */
final class Passwords {
  /** Python refuses passwords that do not fit OpenSSL's PEM_BUFSIZE buffer with its NUL. */
  static final int MAX_PASSWORD_BYTES = 1023;

  /** What to do with the password; it is cleared as soon as this returns or throws. */
  @FunctionalInterface
  interface Use<T> {
    T apply(char[] password) throws SslError;
  }

  private Passwords() {}

  /**
   * Asks {@code callback} for the password of the encrypted key in {@code keySource}, runs {@code
   * use} with it, then clears the array whatever happens.
   */
  static <T> T withPassword(PasswordCallback callback, String keySource, Use<T> use)
      throws SslError {
    if (callback == null) {
      throw Reason.PEM_BAD_PASSWORD_READ.error("bad password read: the private key in "
          + keySource + " is encrypted but no password was given; pass the password "
          + "(load_cert_chain's password argument) or use an unencrypted key");
    }
    char[] password = obtain(callback, keySource);
    try {
      if (utf8Length(password) > MAX_PASSWORD_BYTES) {
        throw Reason.PEM_BAD_PASSWORD_READ.error("password cannot be longer than "
            + MAX_PASSWORD_BYTES + " bytes (for the encrypted key in " + keySource + ")");
      }
      return use.apply(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] obtain(PasswordCallback callback, String keySource) throws SslError {
    char[] password;
    try {
      password = callback.password();
    } catch (SslError e) {
      throw e;
    } catch (IOException e) {
      // The callback aborted loading: loadCertChain rethrows e itself, as Python re-raises it.
      // Unchecked exceptions are not caught at all, so they propagate unchanged.
      throw new CallbackFailure(keySource, e);
    }
    if (password == null) {
      throw Reason.PEM_BAD_PASSWORD_READ.error("bad password read: the password callback "
          + "for the encrypted key in " + keySource + " returned null");
    }
    return password;
  }

  /** UTF-8 length without building a String or byte[] copy of the secret. */
  static int utf8Length(char[] chars) {
    int bytes = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < chars.length
          && Character.isLowSurrogate(chars[i + 1])) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
