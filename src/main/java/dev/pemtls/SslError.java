package dev.pemtls;

import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * The one checked exception of PemTLS, mirroring Python's {@code ssl.SSLError}. It is an {@code
 * IOException}, as Python's is an {@code OSError}, and more precisely a {@link SSLException}, so
 * Java code that treats TLS failures apart from other I/O errors (retry policies, for one) treats
 * PemTLS's the same way.
 *
 * <p>Like Python's, it carries a {@link #library()} (the subsystem that failed: {@code SSL},
 * {@code PEM}, {@code X509}, {@code EVP}, {@code SYS}) and a {@link #reason()} (an upper-case
 * mnemonic such as {@code KEY_VALUES_MISMATCH} or {@code NO_CIPHER_MATCH}). The message has
 * Python's shape, {@code [LIBRARY: REASON] text}, and names the file or value at fault. It never
 * contains a password or key material.
 */
public class SslError extends SSLException {
  private static final long serialVersionUID = 1L;

  private final String library;
  private final String reason;

  /**
   * @param library the failing subsystem, e.g. {@code "PEM"}
   * @param reason the upper-case reason mnemonic, e.g. {@code "BAD_DECRYPT"}
   * @param text what went wrong, naming the file or value and, where possible, the fix
   */
  public SslError(String library, String reason, String text) {
    this(library, reason, text, null);
  }

  public SslError(String library, String reason, String text, Throwable cause) {
    super("[" + Objects.requireNonNull(library, "library") + ": "
        + Objects.requireNonNull(reason, "reason") + "] " + text, cause);
    this.library = library;
    this.reason = reason;
  }

  /**
   * An error that has, as in Python, no library and no reason ({@link SslWantReadError}, {@link
   * SslZeroReturnError}): the message is {@code text} alone.
   */
  protected SslError(String text) {
    super(Objects.requireNonNull(text, "text"));
    this.library = null;
    this.reason = null;
  }

  /**
   * The failing subsystem, as Python's {@code SSLError.library}; null, as Python's None, for
   * {@link SslWantReadError} and {@link SslZeroReturnError}.
   */
  public String library() {
    return library;
  }

  /** The reason mnemonic, as Python's {@code SSLError.reason}; null where the library is. */
  public String reason() {
    return reason;
  }
}
