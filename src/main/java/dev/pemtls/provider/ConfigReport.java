package dev.pemtls.provider;

import dev.pemtls.VerifyMode;
import dev.pemtls.internal.jsse.Settings;
import java.nio.file.Path;
import java.security.ProviderException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a config would do, in words, for {@code pemtls config-check}: it loads the config exactly
 * as the provider does (files read, key checked against certificate, cipher strings expanded).
 */
public final class ConfigReport {
  private ConfigReport() {}

  /**
   * Checks {@code file} (with any {@code -Dpemtls.*} overrides of this JVM) and describes it.
   *
   * @throws ProviderException the error the provider would throw, naming file, key and problem
   */
  public static List<String> check(Path file) {
    Configured c = Configured.build(Config.load(file.toString(), System.getProperties()));
    Config config = c.config();
    Settings s = c.settings();
    List<String> out = new ArrayList<>();
    out.add("config: " + config.file());
    for (String key : config.keys()) {
      out.add("  " + key + " = " + config.text(key)
          + (config.origin(key).equals(config.file().toString()) ? "" : "   (from "
              + config.origin(key) + ")"));
    }
    if (s.hasIdentity()) {
      X509Certificate leaf = s.chain().get(0);
      out.add("identity: " + leaf.getSubjectX500Principal().getName() + " (" + s.chain().size()
          + " certificate(s), " + s.identity().keyAlgorithm() + " key, expires "
          + leaf.getNotAfter().toInstant() + ")");
    } else {
      out.add("identity: none (no certificate is presented)");
    }
    out.add("trust: " + c.trustSource() + " (" + s.trust().certificates().size()
        + " certificates)");
    out.add("client side: " + clientSide(s));
    out.add("server side: " + serverSide(s.serverVerifyMode())
        + (s.hasIdentity() ? "" : "; no certificate to present, so server handshakes fail"));
    out.add("protocols: " + String.join(", ", s.protocols()));
    out.add("cipher suites (" + s.cipherSuites().size() + "): "
        + String.join(", ", s.cipherSuites()));
    out.add("OK: install with -javaagent:pemtls.jar=" + config.file() + ", or with a security "
        + "file from 'pemtls config-check --print-security " + config.file() + "'");
    return out;
  }

  private static String clientSide(Settings s) {
    if (s.verifyMode() == VerifyMode.CERT_NONE) {
      return "CERT_NONE: any server certificate is accepted UNVERIFIED (insecure)";
    }
    return s.verifyMode() + ": server certificates are verified"
        + (s.checkHostname() ? ", host names checked" : ", host names NOT checked "
            + "(HttpsURLConnection and HttpClient still check them)");
  }

  private static String serverSide(VerifyMode mode) {
    switch (mode) {
      case CERT_REQUIRED:
        return "CERT_REQUIRED: a verified client certificate is required";
      case CERT_OPTIONAL:
        return "CERT_OPTIONAL: a client certificate is asked for, verified if sent";
      default:
        return "CERT_NONE: no client certificate is asked for";
    }
  }
}
