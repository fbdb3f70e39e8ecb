import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Build step (run by the pom in the package phase with Java's source launcher): removes the JAR
 * signatures from the jars given, for target/lib.
 *
 * <p>Why: BouncyCastle's jars are signed, and the JDK verifies a signed jar when a JVM first loads
 * a class from it: it parses the signature file and the 0.9 MB manifest that lists a digest for
 * each of its 8,000 entries, checks the PKCS#7 signature and its timestamp, and hashes every class
 * it loads, all in the interpreter at start-up. That was a third of a PemTLS JVM's start-up CPU
 * (BENCHMARKS.md). The class files are not changed: only {@code META-INF/*.SF}, {@code *.RSA},
 * {@code *.DSA}, {@code *.EC} and the manifest's per-entry digest attributes go; its main
 * attributes (Multi-Release, OSGi headers) and any other per-entry attribute stay. A jar without
 * a signature is left as it is, so running it again changes nothing.
 *
 * <p>Usage: {@code java src/build/StripJarSignatures.java JAR...}
 */
public final class StripJarSignatures {
  private static final Pattern SIGNATURE_FILE =
      Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

  public static void main(String[] args) throws IOException {
    for (String arg : args) {
      Path jar = Path.of(arg);
      if (strip(jar)) {
        System.out.println("StripJarSignatures: " + jar.getFileName() + ": signature removed");
      }
    }
  }

  /** Rewrites {@code jar} without its signature; false when it had none. */
  static boolean strip(Path jar) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned.tmp");
    try (JarFile in = new JarFile(jar.toFile(), false)) {
      Manifest manifest = in.getManifest();
      boolean signed = in.stream().anyMatch(e -> SIGNATURE_FILE.matcher(e.getName()).matches());
      if (!signed) {
        return false;
      }
      try (OutputStream file = Files.newOutputStream(tmp);
          ZipOutputStream out = new ZipOutputStream(file)) {
        if (manifest != null) {
          ZipEntry m = new ZipEntry(JarFile.MANIFEST_NAME);
          out.putNextEntry(m);
          withoutDigests(manifest).write(out);
          out.closeEntry();
        }
        for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          String name = entry.getName();
          if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)
              || SIGNATURE_FILE.matcher(name).matches()) {
            continue;
          }
          ZipEntry copy = new ZipEntry(name);
          copy.setTime(entry.getTime());
          out.putNextEntry(copy);
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  /** The manifest's main attributes and every per-entry attribute but the digests. */
  private static Manifest withoutDigests(Manifest signed) {
    Manifest m = new Manifest();
    m.getMainAttributes().putAll(signed.getMainAttributes());
    for (Map.Entry<String, Attributes> section : signed.getEntries().entrySet()) {
      Attributes kept = new Attributes();
      for (Map.Entry<Object, Object> a : section.getValue().entrySet()) {
        if (!a.getKey().toString().toUpperCase(java.util.Locale.ROOT).endsWith("-DIGEST")) {
          kept.put(a.getKey(), a.getValue());
        }
      }
      if (!kept.isEmpty()) {
        m.getEntries().put(section.getKey(), kept);
      }
    }
    return m;
  }
}
