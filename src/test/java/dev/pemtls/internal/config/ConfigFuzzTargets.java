package dev.pemtls.internal.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pemtls.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.List;
import java.util.Properties;

/**
 * Jazzer fuzz target for the provider's config file: the provider's documented failure is a
 * {@link ProviderException} naming file and key; nothing else may escape.
 */
class ConfigFuzzTargets {
  private static final List<byte[]> TEMPLATES = List.of(bytes("certfile=server.pem\n"
      + "keyfile=server.key\ncafile=ca.pem\nverify_mode=CERT_REQUIRED\n"
      + "check_hostname=true\nminimum_version=TLSv1.2\nhandshake_timeout=2.5\n"),
      bytes("capath=/etc/ssl/certs\nciphers=ECDHE+AESGCM:!aNULL\nciphersuites=TLS_AES_128_GCM"
          + "_SHA256\nmaximum_version=MAXIMUM_SUPPORTED\n# comment\n\\u0041=1\n"),
      bytes("certfile = a.pem\npassword_env=PW\n"));
  private static final Path FILE = tempFile();

  @FuzzTest(maxDuration = "2h")
  void configFiles(byte[] data) throws Exception {
    Files.write(FILE, Mutations.apply(TEMPLATES, data));
    try {
      Config.load(FILE.toString(), new Properties());
    } catch (ProviderException expected) {
      // documented
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Path tempFile() {
    try {
      Path f = Files.createTempFile("pemtls-fuzz", ".conf");
      f.toFile().deleteOnExit();
      return f;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
