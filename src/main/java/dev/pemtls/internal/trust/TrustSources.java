package dev.pemtls.internal.trust;

import dev.pemtls.SslError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a context's {@link TrustStore} was built from, in load order, so that a reload can build
 * it again from the current files: each {@code load_verify_locations} call's cafile (read again)
 * and the rest of what it added (capath directories, which are looked up lazily and so always
 * current, and cadata, which is not a file). Immutable.
 */
public final class TrustSources {
  private static final TrustSources NONE = new TrustSources(List.of());

  private record Part(Path cafile, VerifyLocations rest) {}

  private final List<Part> parts;

  private TrustSources(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Nothing loaded yet. */
  public static TrustSources none() {
    return NONE;
  }

  /**
   * These sources plus one more load.
   *
   * @param cafile the CA bundle read again on reload, or null
   * @param rest what the same load added that is not re-read: directories and cadata
   */
  public TrustSources plus(Path cafile, VerifyLocations rest) {
    List<Part> all = new ArrayList<>(parts);
    all.add(new Part(cafile, rest));
    return new TrustSources(all);
  }

  /** The CA bundle files, which a watcher checks for change. */
  public List<Path> files() {
    List<Path> out = new ArrayList<>();
    for (Part p : parts) {
      if (p.cafile() != null && !out.contains(p.cafile())) {
        out.add(p.cafile());
      }
    }
    return out;
  }

  /** The CA directories (capath), always current but watched to report their changes. */
  public List<Path> directories() {
    List<Path> out = new ArrayList<>();
    for (Part p : parts) {
      if (p.rest().directory() != null) {
        for (Path d : p.rest().directory().directories()) {
          if (!out.contains(d)) {
            out.add(d);
          }
        }
      }
    }
    return out;
  }

  /**
   * The store these sources give now, every cafile read again.
   *
   * @throws SslError naming the cafile that cannot be read or holds no certificate
   */
  public TrustStore build() throws SslError {
    TrustStore store = TrustStore.empty();
    for (Part p : parts) {
      if (p.cafile() != null) {
        store = VerifyLocations.load(p.cafile(), null, null).addTo(store);
      }
      store = p.rest().addTo(store);
    }
    return store;
  }
}
