package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pemtls.testing.ChildJava;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where PemTLS's API ends: only {@code dev.pemtls} (and the provider class) is public outside
 * {@code dev.pemtls.internal}, the module exports nothing else, and every change to the public
 * signatures also changes the checked-in snapshot {@code src/test/resources/api.txt}.
 *
 * <p>After a deliberate API change, regenerate the snapshot and commit it with the change:
 * {@code mvn test -Dtest=ApiBoundaryTest -Dpemtls.api.update=true}.
 */
class ApiBoundaryTest {
  /** The API packages: what module-info exports. */
  static final Set<String> EXPORTED = Set.of("dev.pemtls", "dev.pemtls.provider");

  /** Public types outside dev.pemtls and dev.pemtls.internal: entry points, not API to call. */
  static final Set<String> ENTRY_POINTS = Set.of("dev.pemtls.provider.PemTlsProvider",
      "dev.pemtls.provider.PemTlsAgent",
      "dev.pemtls.cli.Main");

  static final Path SNAPSHOT = Path.of("src/test/resources/api.txt");

  @Test
  void publicTypes_outsideTheApiAndInternal_areOnlyTheEntryPoints() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : mainClasses()) {
      String pkg = c.getPackageName();
      if (!isPublic(c) || pkg.equals("dev.pemtls") || pkg.startsWith("dev.pemtls.internal.")
          || pkg.equals("dev.pemtls.internal")) {
        continue;
      }
      if (!ENTRY_POINTS.contains(outermost(c).getName())) {
        leaks.add(c.getName());
      }
    }
    assertEquals(List.of(), leaks, "public types outside the API: make them package-private or"
        + " move them under dev.pemtls.internal");
  }

  @Test
  void moduleDescriptor_exportsTheApiOnly_andProvidesTheProvider() throws Exception {
    ModuleDescriptor d;
    try (InputStream in = Files.newInputStream(mainRoot().resolve("module-info.class"))) {
      d = ModuleDescriptor.read(in);
    }
    assertEquals("dev.pemtls", d.name());
    assertEquals(EXPORTED, d.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet()));
    assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    assertTrue(d.opens().isEmpty(), "no package is opened to reflection");
    assertEquals(List.of("dev.pemtls.provider.PemTlsProvider"), d.provides().stream()
        .filter(p -> p.service().equals("java.security.Provider"))
        .flatMap(p -> p.providers().stream()).collect(Collectors.toList()));
  }

  @Test
  void publicSignatures_matchTheCheckedInSnapshot() throws Exception {
    String current = String.join("\n", apiLines()) + "\n";
    if (Boolean.getBoolean("pemtls.api.update")) {
      Files.writeString(SNAPSHOT, current, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
    if (!expected.equals(current)) {
      Set<String> was = new TreeSet<>(List.of(expected.split("\n")));
      Set<String> now = new TreeSet<>(List.of(current.split("\n")));
      StringBuilder diff = new StringBuilder();
      was.stream().filter(l -> !now.contains(l)).forEach(l -> diff.append("- ").append(l)
          .append('\n'));
      now.stream().filter(l -> !was.contains(l)).forEach(l -> diff.append("+ ").append(l)
          .append('\n'));
      fail("The public API changed without " + SNAPSHOT + ". If the change is deliberate, run"
          + " mvn test -Dtest=ApiBoundaryTest -Dpemtls.api.update=true and commit the file with"
          + " it.\n" + diff);
    }
  }

  @Test
  void onTheModulePath_theProviderIsFoundAndInternalsAreNotExported(@TempDir Path dir)
      throws Exception {
    Path probe = Files.writeString(dir.resolve("Probe.java"), String.join("\n",
        "import java.security.Provider;",
        "import java.util.ServiceLoader;",
        "public class Probe {",
        "  public static void main(String[] a) throws Exception {",
        "    for (Provider p : ServiceLoader.load(Provider.class)) {",
        "      System.out.println(\"provider \" + p.getName());",
        "    }",
        "    Module m = Class.forName(\"dev.pemtls.SslContext\").getModule();",
        "    System.out.println(\"module \" + m.getName());",
        "    for (String p : m.getPackages()) {",
        "      System.out.println((m.isExported(p) ? \"exported \" : \"hidden \") + p);",
        "    }",
        "  }",
        "}", ""));
    String modulePath = Stream.concat(Stream.of(mainRoot()), bouncyCastleJars().stream())
        .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    ChildJava.Result r = ChildJava.run(List.of("--module-path", modulePath, "--add-modules",
        "dev.pemtls", probe.toString()));
    assertEquals(0, r.status(), r.output());
    List<String> lines = r.lines();
    assertTrue(lines.contains("provider PemTLS"), r.output());
    assertTrue(lines.contains("module dev.pemtls"), r.output());
    assertTrue(lines.contains("exported dev.pemtls"), r.output());
    assertTrue(lines.contains("hidden dev.pemtls.internal.pem"), r.output());
    assertTrue(lines.contains("hidden dev.pemtls.cli"), r.output());
    assertEquals(EXPORTED.size(), lines.stream().filter(l -> l.startsWith("exported ")).count(),
        r.output());
  }

  /** Every public and protected signature of the exported packages' public types, sorted. */
  static List<String> apiLines() throws Exception {
    TreeSet<String> lines = new TreeSet<>();
    for (Class<?> c : mainClasses()) {
      if (!EXPORTED.contains(c.getPackageName()) || !isPublic(c)) {
        continue;
      }
      String type = c.getName();
      lines.add(type + " : " + declaration(c));
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          lines.add(type + " : " + f.toGenericString());
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers())) {
          lines.add(type + " : " + k.toGenericString());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          lines.add(type + " : " + m.toGenericString());
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static String declaration(Class<?> c) {
    StringBuilder s = new StringBuilder(Modifier.toString(c.getModifiers()
        & ~Modifier.INTERFACE & ~Modifier.STATIC));
    s.append(c.isInterface() ? " interface" : c.isEnum() ? " enum" : c.isRecord() ? " record"
        : " class");
    if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum()
        && !c.isRecord()) {
      s.append(" extends ").append(c.getGenericSuperclass().getTypeName());
    }
    List<String> ifaces = Stream.of(c.getGenericInterfaces()).map(t -> t.getTypeName())
        .collect(Collectors.toList());
    if (!ifaces.isEmpty()) {
      s.append(c.isInterface() ? " extends " : " implements ").append(String.join(", ", ifaces));
    }
    return s.toString().strip();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Public all the way out: a public nested type of a package-private class is not. */
  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic();
  }

  private static Class<?> outermost(Class<?> c) {
    Class<?> k = c;
    while (k.getDeclaringClass() != null) {
      k = k.getDeclaringClass();
    }
    return k;
  }

  /** target/classes: where SslContext was loaded from. */
  static Path mainRoot() throws URISyntaxException {
    return Path.of(SslContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  static List<Class<?>> mainClasses() throws Exception {
    Path root = mainRoot();
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        if (rel.endsWith(".class") && !rel.equals("module-info.class")) {
          String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
          out.add(Class.forName(name, false, SslContext.class.getClassLoader()));
        }
      }
    }
    return out;
  }

  /** The BouncyCastle jars on this test's class path: named modules on the module path. */
  static List<Path> bouncyCastleJars() throws IOException {
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> e.contains("bouncycastle") || e.matches(".*/bc[a-z]+-jdk18on-.*\\.jar"))
        .map(Path::of).collect(Collectors.toList());
  }
}
