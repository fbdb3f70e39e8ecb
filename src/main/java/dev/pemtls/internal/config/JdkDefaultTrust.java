package dev.pemtls.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The JDK's default trust, for a config that names neither {@code cafile} nor {@code capath}:
 * the store the JDK's own default SSLContext would use, found the way SunJSSE finds it: {@code
 * javax.net.ssl.trustStore} (with {@code trustStoreType}, {@code trustStorePassword}), else
 * {@code $JAVA_HOME/lib/security/jssecacerts}, else {@code cacerts}. Its certificates join the
 * trust store directly, and are verified exactly as CAs from a cafile are.
 */
final class JdkDefaultTrust {
  private JdkDefaultTrust() {}

  /** Where the default trust store is. */
  static Path location() {
    String configured = System.getProperty("javax.net.ssl.trustStore");
    if (configured != null && !configured.isEmpty()) {
      return Path.of(configured);
    }
    Path security = Path.of(System.getProperty("java.home"), "lib", "security");
    Path jssecacerts = security.resolve("jssecacerts");
    return Files.isRegularFile(jssecacerts) ? jssecacerts : security.resolve("cacerts");
  }

  /**
   * The trusted certificates of {@link #location()}, as the JDK's own X.509 factory made them
   * (the one that parses a cafile's certificates too).
   *
   * @throws IOException when the store cannot be read or holds no certificate
   */
  static List<X509Certificate> certificates() throws IOException {
    Path store = location();
    List<X509Certificate> certs;
    try {
      certs = certificates(store);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the JDK's default trust store " + store + ": " + e, e);
    }
    if (certs.isEmpty()) {
      throw new IOException("the JDK's default trust store " + store + " holds no certificate");
    }
    return certs;
  }

  private static List<X509Certificate> certificates(Path store)
      throws IOException, GeneralSecurityException {
    String type = System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
    String password = System.getProperty("javax.net.ssl.trustStorePassword");
    KeyStore ks = KeyStore.getInstance(type);
    String notRegular = dev.pemtls.internal.pem.RegularFiles.notRegular(store);
    if (notRegular != null) {
      throw new IOException("the trust store " + dev.pemtls.internal.pem.RegularFiles.advice(
          store, notRegular));
    }
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, password == null || password.isEmpty() ? null : password.toCharArray());
    }
    List<X509Certificate> out = new ArrayList<>();
    // As SunJSSE's TrustStoreUtil: trusted-certificate entries, and the leaf of key entries.
    for (String alias : Collections.list(ks.aliases())) {
      Certificate c = null;
      if (ks.isCertificateEntry(alias)) {
        c = ks.getCertificate(alias);
      } else if (ks.isKeyEntry(alias)) {
        Certificate[] chain = ks.getCertificateChain(alias);
        c = chain == null || chain.length == 0 ? null : chain[0];
      }
      if (c instanceof X509Certificate) {
        out.add((X509Certificate) c);
      }
    }
    return out;
  }
}
