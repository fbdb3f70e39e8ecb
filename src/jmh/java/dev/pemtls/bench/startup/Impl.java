package dev.pemtls.bench.startup;

import dev.pemtls.bench.startup.child.StartupChild;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child JVM gets its TLS implementation: nothing but JVM options and the class path, the
 * child program ({@code child.jar}) being the same for all.
 */
enum Impl {
  /**
   * PemTLS by the full security file (src/conf/pemtls.security, its config replaced), class path
   * pemtls.jar + lib/* + child.jar.
   */
  PEMTLS("pemtls", "PemTLS"),
  /** PemTLS by {@code -javaagent:pemtls.jar=CONF}; class path child.jar alone. */
  PEMTLS_AGENT("pemtls-agent", "PemTLS"),
  /** The JDK's default, SunJSSE, with {@code javax.net.ssl.trustStore} (and keyStore) PKCS12. */
  SUNJSSE("sunjsse", "SunJSSE"),
  /**
   * SunJSSE as {@link #SUNJSSE}, plus {@code -javaagent:child.jar}, whose agent does nothing
   * ({@code NoopAgent}): what the JVM charges for any agent, beside PemTLS's agent form.
   */
  SUNJSSE_AGENT("sunjsse-agent", "SunJSSE"),
  /**
   * Plain BCJSSE on its own BouncyCastleProvider instance (the JMH baseline) as
   * provider 1 by a security file that is the shipped one with PemTLS's line swapped; the same
   * javax.net.ssl properties as SunJSSE; class path lib/* + child.jar.
   */
  BCJSSE("bcjsse", "BCJSSE");

  final String label;
  /** What {@code SSLContext.getDefault().getProvider().getName()} must say in the child. */
  final String provider;

  Impl(String label, String provider) {
    this.label = label;
    this.provider = provider;
  }

  /**
   * The JVM options and class path of a child. {@code mutual}: the JVM's own identity is the RSA
   * server certificate (for the in-JVM client/server pairs); otherwise it is a client with the CA
   * only.
   */
  List<String> jvmArgs(StartupFiles f, boolean mutual) {
    List<String> a = new ArrayList<>();
    List<String> cp = new ArrayList<>();
    java.nio.file.Path conf = mutual ? f.mutualConf : f.clientConf;
    switch (this) {
      case PEMTLS:
        a.add("-Djava.security.properties=" + (mutual ? f.mutualSecurity : f.clientSecurity));
        cp.add(f.pemtlsJar.toString());
        cp.add(f.libDir.resolve("*").toString());
        break;
      case PEMTLS_AGENT:
        a.add("-javaagent:" + f.pemtlsJar + "=" + conf);
        break;
      case BCJSSE:
        a.add("-Djava.security.properties=" + f.bcjsseSecurity);
        cp.add(f.libDir.resolve("*").toString());
        jsseStores(a, f, mutual);
        break;
      case SUNJSSE:
        jsseStores(a, f, mutual);
        break;
      case SUNJSSE_AGENT:
        a.add("-javaagent:" + f.childJar);
        jsseStores(a, f, mutual);
        break;
      default:
        throw new AssertionError(this);
    }
    cp.add(f.childJar.toString());
    a.add("-cp");
    a.add(String.join(File.pathSeparator, cp));
    return a;
  }

  private static void jsseStores(List<String> a, StartupFiles f, boolean mutual) {
    a.add("-Djavax.net.ssl.trustStore=" + f.trustStore);
    a.add("-Djavax.net.ssl.trustStoreType=PKCS12");
    a.add("-Djavax.net.ssl.trustStorePassword=" + StartupChild.STORE_PASSWORD);
    if (mutual) {
      a.add("-Djavax.net.ssl.keyStore=" + f.serverStore);
      a.add("-Djavax.net.ssl.keyStoreType=PKCS12");
      a.add("-Djavax.net.ssl.keyStorePassword=" + StartupChild.STORE_PASSWORD);
    }
  }
}
