package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken config stops TLS in the child JVM with a ProviderException naming file, key and
 * problem, every time, and never lets SunJSSE answer instead (not even after the JDK's 30
 * retries).
 */
class FailClosedIT {
  @TempDir Path dir;

  private ChildJvm child(String... confLines) throws Exception {
    Path conf = dir.resolve("pemtls.conf");
    java.nio.file.Files.write(conf, List.of(confLines));
    return ChildJvm.run(List.of("-Djava.security.properties=" + ChildJvm.securityFile(dir,
        conf)), "failclosed:https://localhost:1/");
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
