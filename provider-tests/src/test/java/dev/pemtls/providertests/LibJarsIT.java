package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * target/lib holds BouncyCastle's jars without their JAR signatures (src/build/
 * StripJarSignatures.java): every other entry is byte for byte the published jar's, the manifest
 * keeps its main attributes (Multi-Release among them), and the JDK sees no signer.
 */
class LibJarsIT {
  private static Path published(String fileName) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
        .orElseThrow(() -> new AssertionError(fileName + " is not on the test class path"));
  }

  @Test
  void libJars_areThePublishedJarsWithoutSignatures() throws Exception {
    Path lib = AgentIT.pemtlsJar().resolveSibling("lib");
    List<Path> jars;
    try (Stream<Path> s = Files.list(lib)) {
      jars = s.filter(p -> p.getFileName().toString().startsWith("bc")).sorted()
          .collect(Collectors.toList());
    }
    assertEquals(4, jars.size(), jars.toString());
    for (Path jar : jars) {
      try (JarFile ours = new JarFile(jar.toFile(), true);
          JarFile theirs = new JarFile(published(jar.getFileName().toString()).toFile(), false)) {
        Set<String> want = new TreeSet<>();
        theirs.stream().map(JarEntry::getName)
            .filter(n -> !n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).forEach(want::add);
        Set<String> got = new TreeSet<>();
        ours.stream().map(JarEntry::getName).forEach(got::add);
        assertEquals(want, got, jar + ": the entries");
        assertEquals(theirs.getManifest().getMainAttributes(),
            ours.getManifest().getMainAttributes(), jar + ": the manifest's main attributes");
        assertTrue(ours.getManifest().getEntries().values().stream().allMatch(a ->
            a.keySet().stream().noneMatch(k -> k.toString().endsWith("-Digest"))), jar.toString());
        for (String name : want) {
          if (name.equals(JarFile.MANIFEST_NAME) || name.endsWith("/")) {
            continue;
          }
          JarEntry e = ours.getJarEntry(name);
          byte[] bytes;
          try (InputStream in = ours.getInputStream(e)) {
            bytes = in.readAllBytes();
          }
          assertNull(e.getCodeSigners(), jar + "!" + name + " is still signed");
          try (InputStream in = theirs.getInputStream(theirs.getJarEntry(name))) {
            assertArrayEquals(in.readAllBytes(), bytes, jar + "!" + name);
          }
        }
        assertNotNull(ours.getManifest().getMainAttributes().getValue("Bundle-Version"));
        assertFalse(want.isEmpty());
      }
    }
  }
}
