/**
 * PemTLS: Python's {@code ssl.SSLContext} for Java ({@code dev.pemtls}) and a JSSE provider
 * configured from PEM files ({@code dev.pemtls.provider.PemTlsProvider}).
 *
 * <p>Only {@code dev.pemtls} is API. {@code dev.pemtls.provider} is exported for the provider
 * class alone (java.security and ServiceLoader need it public); everything under {@code
 * dev.pemtls.internal} and {@code dev.pemtls.cli} is implementation and may change in any release.
 * On the class path, where this descriptor does nothing, the same line is drawn by the package
 * names: do not use {@code dev.pemtls.internal.*}.
 */
module dev.pemtls {
  requires java.logging;
  requires java.management; // the dev.pemtls:type=Identity bean of hot reload
  requires static java.instrument; // PemTlsAgent: present whenever a java agent runs
  requires jdk.httpserver; // the demo's HTTPS server
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;
  requires org.bouncycastle.tls;

  exports dev.pemtls;
  exports dev.pemtls.provider;

  provides java.security.Provider with dev.pemtls.provider.PemTlsProvider;
}
