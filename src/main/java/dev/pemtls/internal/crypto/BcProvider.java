package dev.pemtls.internal.crypto;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.security.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one private BouncyCastle JCA provider instance of PemTLS.
 *
 * <p>It is never added to the JVM-wide provider list ({@code Security.addProvider}): the JDK's own
 * providers stay first for everything they implement, and BouncyCastle is asked by reference only
 * for what they lack (rare PEM decryption schemes and TLS algorithms the JDK of the day does
 * not have).
 *
 * <p>It is built on first use only: building it costs about 0.6 s of CPU (it precomputes every
 * named curve it knows), which a JVM using PemTLS for TLS with RSA or ECDSA keys never needs to
 * pay. {@link #offers} answers BCJSSE's capability probes without building it.
 */
public final class BcProvider {
  private BcProvider() {}

  /**
   * "Type.Algorithm" of the services BCJSSE probes for when it sets up a context and that
   * BouncyCastle 1.84 implements: post-quantum and SM2 signatures. A unit test checks each
   * against the real provider, so this list cannot claim what BouncyCastle lacks.
   */
  static final List<String> PROBED = List.of(
      "Signature.ML-DSA", "Signature.SLH-DSA", "Signature.SM3withSM2");

  private static final Set<String> PROBED_UPPER = PROBED.stream()
      .map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private static volatile boolean created;

  private static final class Holder {
    static final Provider INSTANCE = create();

    private static Provider create() {
      Provider p = new BouncyCastleProvider();
      created = true;
      return p;
    }
  }

  /** Returns the shared, unregistered BouncyCastle provider, created on first use. */
  public static Provider get() {
    return Holder.INSTANCE;
  }

  /**
   * The BouncyCastle release, e.g. "1.84": the {@code Bundle-Version} of the jar that holds the
   * provider class, read without building the provider (which only a jar-less class path needs).
   */
  public static String version() {
    try {
      CodeSource source =
          BouncyCastleProvider.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null
          && source.getLocation().getPath().endsWith(".jar")) {
        try (JarFile jar = new JarFile(
            new File(source.getLocation().toURI()), false)) {
          Manifest m = jar.getManifest();
          String v = m == null ? null : m.getMainAttributes().getValue("Bundle-Version");
          if (v != null && !v.isBlank()) {
            return v.trim();
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // fall through to the provider's own version
    }
    return get().getVersionStr();
  }

  /** Whether {@link #get()} has been called in this JVM (for tests of the lazy start-up). */
  public static boolean created() {
    return created;
  }

  /**
   * Whether BouncyCastle serves {@code type}/{@code algorithm} among the services BCJSSE probes
   * for ({@link #PROBED}), without building the provider.
   */
  static boolean offers(String type, String algorithm) {
    return PROBED_UPPER.contains((type + "." + algorithm).toUpperCase(Locale.ROOT));
  }
}
