package dev.pemtls;

import java.io.IOException;

/**
 * Supplies the password of an encrypted private key, like the callable Python's {@code
 * load_cert_chain(password=...)} accepts.
 *
 * <p>It is called only when the key is encrypted. The caller clears the returned array after use,
 * so return a fresh copy each time.
 */
@FunctionalInterface
public interface PasswordCallback {
  /**
   * Returns the password; at most 1023 characters, as in Python.
   *
   * @throws IOException to abort loading; {@code loadCertChain} throws this exception unchanged
   *     (as Python propagates the callable's exception), and so it does unchecked ones
   */
  char[] password() throws IOException;
}
