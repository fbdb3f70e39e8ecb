package dev.pemtls.internal.config;

import dev.pemtls.VerifyMode;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.jsse.Settings;
import dev.pemtls.internal.reload.Served;
import java.nio.file.Path;
import java.security.ProviderException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
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
    Configured c = Configured.once(Config.load(file.toString(), System.getProperties()));
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
      out.addAll(served(config, s.identity()));
    } else {
      out.add("identity: none (no certificate is presented)");
    }
    for (String label : config.identityLabels()) {
      List<String> names = config.serverNames(label);
      out.add("identity block " + label + ": " + config.path(Config.IDENTITY_PREFIX + label
          + ".certfile") + ", served " + (names.isEmpty() ? "beside the default identity (its "
          + "key type, when the client can use it)" : "to clients asking for " + String.join(", ",
          names) + " (SNI)"));
    }
    out.add("trust: " + c.trustSource() + " (" + s.trust().certificates().size()
        + " certificates)");
    out.add("client side: " + clientSide(s));
    out.add("server side: " + serverSide(s.serverVerifyMode())
        + (s.hasIdentity() ? "" : "; no certificate to present, so server handshakes fail"));
    out.add("protocols: " + String.join(", ", s.protocols()));
    out.add("cipher suites (" + s.cipherSuites().size() + "): "
        + String.join(", ", s.cipherSuites()));
    if (s.keyLog() != null) {
      out.add("WARNING: keylog_filename: every connection's TLS secrets are appended to "
          + s.keyLog().file() + "; anyone who can read it can decrypt the traffic");
    }
    out.add("OK: install with -javaagent:pemtls.jar=" + config.file() + ", or with a security "
        + "file from 'pemtls config-check --print-security " + config.file() + "'");
    return out;
  }

  /** What would be served, from which files, when it expires, and how it is reloaded. */
  private static List<String> served(Config config, Identity identity) {
    X509Certificate leaf = identity.leaf();
    Instant now = Instant.now();
    List<String> out = new ArrayList<>();
    out.add("identity: " + leaf.getSubjectX500Principal().getName() + " ("
        + identity.chain().size() + " certificate(s), " + identity.keyAlgorithm()
        + " key, expires " + leaf.getNotAfter().toInstant() + ")");
    out.add("  serves: " + Served.describe(identity, now));
    List<Path> files = new ArrayList<>(List.of(config.path("certfile")));
    if (config.has("keyfile")) {
      files.add(config.path("keyfile"));
    }
    out.add("  from: " + Served.files(files));
    long days = Served.daysToExpiry(leaf, now);
    if (days < 0) {
      out.add("  ERROR: the certificate has EXPIRED; peers will refuse it");
    } else if (days < 14) {
      out.add("  WARNING: the certificate expires in " + Served.timeLeft(leaf, now)
          + "; renew it");
    }
    Duration interval = config.reloadInterval();
    out.add("  reload: " + (interval.isZero() ? "off (reload_interval=0): the files are read "
        + "once, at start" : "the files are checked every " + interval.getSeconds() + " s "
        + "(reload_interval); new versions serve new handshakes, JMX bean "
        + "dev.pemtls:type=Identity"));
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
