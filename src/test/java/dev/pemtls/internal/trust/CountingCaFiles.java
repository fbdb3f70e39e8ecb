package dev.pemtls.internal.trust;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real file system, counting what a CA directory reads; can refuse chosen files. */
final class CountingCaFiles implements CaFiles {
  final List<Path> reads = new CopyOnWriteArrayList<>();
  final List<Path> stamps = new CopyOnWriteArrayList<>();
  final Set<Path> unreadable = new HashSet<>();

  @Override
  public boolean isDirectory(Path dir) {
    return CaFiles.system().isDirectory(dir);
  }

  @Override
  public Stamp stamp(Path file) throws IOException {
    stamps.add(file);
    return CaFiles.system().stamp(file);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    reads.add(file);
    if (unreadable.contains(file)) {
      throw new AccessDeniedException(file.toString()); // tests run as root: chmod would not do
    }
    return CaFiles.system().read(file);
  }
}
