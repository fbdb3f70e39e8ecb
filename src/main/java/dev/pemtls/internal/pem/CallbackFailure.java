package dev.pemtls.internal.pem;

import dev.pemtls.SslError;
import java.io.IOException;

/**
 * A {@code PasswordCallback} threw an {@link IOException}: carried through the key readers (whose
 * contract is {@code SslError}) so that {@code SslContext.loadCertChain} can rethrow the
 * callback's own exception unchanged, as Python propagates the callable's exception. Code that
 * does not unwrap it still sees a {@code BAD_PASSWORD_READ} error with the exception as cause.
 */
public final class CallbackFailure extends SslError {
  private static final long serialVersionUID = 1L;

  CallbackFailure(String keySource, IOException thrown) {
    super("PEM", "BAD_PASSWORD_READ", "bad password read: the password callback for the "
        + "encrypted key in " + keySource + " failed: " + thrown, thrown);
  }

  /** What the callback threw. */
  public IOException thrown() {
    return (IOException) getCause();
  }
}
