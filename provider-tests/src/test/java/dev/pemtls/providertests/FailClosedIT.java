package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Peer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken config stops TLS in the child JVM with a ProviderException naming file, key and
 * problem, every time, and never lets SunJSSE answer instead (not even after the JDK's 30
 * retries). The children keep SunJSSE in their provider list, so that it is PemTLS that fails
 * closed, not merely the list that has nothing to fall back to.
 */
class FailClosedIT {
  @TempDir Path dir;

  private ChildJvm child(String... confLines) throws Exception {
    Path conf = dir.resolve("pemtls.conf");
    java.nio.file.Files.write(conf, List.of(confLines));
    return childFor(conf);
  }

  private ChildJvm childFor(Object conf) throws Exception {
    return ChildJvm.run(List.of("-Djava.security.properties="
        + ChildJvm.securityFileKeepingSunJsse(dir, conf)), "failclosed:https://localhost:1/");
  }

  private static void assertClosed(ChildJvm c, String expected) {
    String first = c.line("first ");
    assertTrue(first.startsWith("first java.security.ProviderException: PemTLS: "), first);
    assertTrue(first.contains(expected), first);
    assertTrue(c.line("loop ").startsWith("loop providerExceptions=40 sunjsse=0"),
        c.line("loop "));
  }

  @Test
  void nulCharacterInCafile_providerExceptionNamingTheKey() throws Exception {
    assertClosed(child("cafile=/etc/pemtls/a\\u0000b"),
        "key 'cafile': '/etc/pemtls/a\\u0000b' is not a valid path");
  }

  @Test
  void nulCharacterInTheConfigFileName_providerException() throws Exception {
    // The security file is a properties file: \\u0000 there is a NUL in the provider argument.
    assertClosed(childFor("/etc/pemtls/a\\u0000b.conf"), "is not a valid path");
  }

  @Test
  void invalidCertfilePath_providerException() throws Exception {
    assertClosed(child("certfile=/nonexistent/dir/tls.crt"), "key 'certfile'");
  }

  @Test
  void configFileIsADirectory_providerException() throws Exception {
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("conf.d"));
    assertClosed(childFor(folder), "is a directory");
  }

  @Test
  void configFileIsAFifo_providerExceptionInsteadOfBlocking() throws Exception {
    Path fifo = dir.resolve("pemtls.fifo");
    Peer mkfifo = Peer.start("mkfifo", fifo.toString());
    assertEquals(0, mkfifo.waitFor(), mkfifo.toString());
    assertClosed(childFor(fifo), "is not a regular file");
  }

  @Test
  void typoInCafilePath_providerExceptionNamingFileAndKeyAndNoSunJsseFallback()
      throws Exception {
    ChildJvm c = child("cafile=/etc/pki/tls/certs/ca-bundel.crt");
    String first = c.line("first ");
    assertTrue(first.startsWith("first java.security.ProviderException: PemTLS: bad "
        + "configuration in " + dir.resolve("pemtls.conf") + ", key 'cafile': "), first);
    assertTrue(first.contains("/etc/pki/tls/certs/ca-bundel.crt"), first);
    assertEquals("loop providerExceptions=40 sunjsse=0 "
        + "socketFactory=java.security.ProviderException", c.line("loop "));
  }

  @Test
  void unknownKey_providerExceptionWithDidYouMean() throws Exception {
    ChildJvm c = child("verfy_mode=CERT_REQUIRED");
    String first = c.line("first ");
    assertTrue(first.contains("unknown key 'verfy_mode' (did you mean 'verify_mode'?)"), first);
    assertTrue(c.line("loop ").startsWith("loop providerExceptions=40 sunjsse=0"),
        c.line("loop "));
  }
}
