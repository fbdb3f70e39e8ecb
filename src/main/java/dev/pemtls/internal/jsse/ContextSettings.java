package dev.pemtls.internal.jsse;

import dev.pemtls.SslContext;
import java.util.function.Function;

/**
 * How PemTLS's own code outside {@code dev.pemtls} (the provider and the command line) reads an
 * {@link SslContext}'s settings, without {@code settings()} being part of the API: {@code
 * SslContext} hands its package-private snapshot method over once, as it initialises (the JDK's
 * "shared secrets" habit).
 */
public final class ContextSettings {
  private static volatile Function<SslContext, Settings> reader;

  private ContextSettings() {}

  /** Called once, by {@code SslContext}'s static initialiser. */
  public static synchronized void install(Function<SslContext, Settings> snapshot) {
    if (reader != null) {
      throw new IllegalStateException("SslContext's settings reader is already installed");
    }
    reader = snapshot;
  }

  /**
   * The immutable snapshot of {@code context}'s current settings. The context exists, so its
   * class is initialised and the reader installed.
   */
  public static Settings of(SslContext context) {
    return reader.apply(context);
  }
}
