package dev.pemtls.bench.startup.child;

/**
 * A Java agent that does nothing: the harness starts SunJSSE children with it
 * ({@code -javaagent:child.jar}) to measure what any {@code -javaagent} costs a JVM, so that
 * PemTLS's agent form can be compared with it. Any agent makes the JVM add the
 * {@code java.instrument} module, which turns off CDS's archived module graph: the JVM then
 * resolves the boot layer's modules at start-up instead of mapping them.
 */
public final class NoopAgent {
  private NoopAgent() {}

  public static void premain(String args) {
    // nothing: the cost measured is the JVM's, of having an agent at all
  }
}
