package dev.pemtls.providertests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Packs a Spring Boot executable ("fat") jar as the Spring Boot Maven plugin does, without a
 * second Maven project: the loader's classes at the root, {@code JarLauncher} as Main-Class,
 * the application's classes under {@code BOOT-INF/classes} and its dependencies as stored
 * (uncompressed) nested jars under {@code BOOT-INF/lib}.
 */
final class BootJar {
  private BootJar() {}

  /** Where the Spring Boot application's dependencies live in the local Maven repository. */
  private static final List<String> APP_GROUPS = List.of("/org/springframework/",
      "/org/apache/tomcat/", "/com/fasterxml/", "/io/micrometer/", "/ch/qos/logback/",
      "/org/slf4j/", "/org/apache/logging/log4j/", "/org/yaml/", "/jakarta/annotation/");

  /** Writes {@code jar} with {@code mainClass} and every class of its package. */
  static Path write(Path jar, Class<?> mainClass) throws IOException {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
    a.putValue("Start-Class", mainClass.getName());
    a.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
    a.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
    List<Path> libs = new ArrayList<>();
    Path loader = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      if (path.contains("/spring-boot-loader/")) {
        loader = Path.of(entry);
      } else if (path.endsWith(".jar") && APP_GROUPS.stream().anyMatch(path::contains)) {
        libs.add(Path.of(entry));
      }
    }
    if (loader == null) {
      throw new IllegalStateException("spring-boot-loader is not on the test class path");
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, m)) {
      copyLoader(loader, out);
      copyPackage(mainClass, out);
      out.putNextEntry(new JarEntry("BOOT-INF/lib/"));
      out.closeEntry();
      for (Path lib : libs) {
        stored(out, "BOOT-INF/lib/" + lib.getFileName(), Files.readAllBytes(lib));
      }
    }
    return jar;
  }

  private static void copyLoader(Path loader, JarOutputStream out) throws IOException {
    try (JarFile in = new JarFile(loader.toFile())) {
      for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.getName().startsWith("org/") && !entry.isDirectory()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }

  private static void copyPackage(Class<?> mainClass, JarOutputStream out) throws IOException {
    String pkg = mainClass.getPackageName().replace('.', '/');
    // The loader finds BOOT-INF/classes/ through its directory entries, as the plugin writes.
    String dirs = "BOOT-INF/classes/";
    out.putNextEntry(new JarEntry("BOOT-INF/"));
    out.putNextEntry(new JarEntry(dirs));
    for (String part : pkg.split("/")) {
      dirs += part + "/";
      out.putNextEntry(new JarEntry(dirs));
    }
    out.closeEntry();
    Path classes;
    try {
      classes = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        out.putNextEntry(new JarEntry("BOOT-INF/classes/" + pkg + "/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  /** Spring Boot's loader reads nested jars in place, so they must be stored, not deflated. */
  private static void stored(JarOutputStream out, String name, byte[] data) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(data);
    out.closeEntry();
  }
}
