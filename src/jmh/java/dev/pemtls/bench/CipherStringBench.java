package dev.pemtls.bench;

import dev.pemtls.SslError;
import dev.pemtls.internal.ciphers.CipherStrings;
import dev.pemtls.internal.ciphers.CipherSuite;
import dev.pemtls.internal.ciphers.Expansion;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OpenSSL cipher-string expansion: {@link CipherStrings#expand} (the full OpenSSL 3.0 selection)
 * and {@link CipherStrings#usable} (what a context enables: expansion, cut to BCJSSE, security
 * level filter). The bar: a typical string under 50 µs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class CipherStringBench {
  /** Short names so the JMH table stays readable; see {@link #rule(String)}. */
  @Param({"python-default", "mozilla-intermediate", "HIGH", "DEFAULT"})
  public String string;

  private String rule;

  static String rule(String name) {
    switch (name) {
      case "python-default":
        // Python 3.10+'s _DEFAULT_CIPHERS
        return "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS"
            + ":!SHA1:!AESCCM";
      case "mozilla-intermediate":
        // Mozilla server-side TLS guidelines 5.7, intermediate
        return "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256"
            + ":ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384"
            + ":ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"
            + ":DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
      case "HIGH":
        return "HIGH:!aNULL:!MD5";
      case "DEFAULT":
        return "DEFAULT";
      default:
        return name; // -p string=<any OpenSSL cipher string> also works
    }
  }

  @Setup
  public void setUp() throws SslError {
    rule = rule(string);
    if (CipherStrings.usable(rule).suites().isEmpty()) {
      throw new IllegalStateException("'" + rule + "' selects nothing usable");
    }
  }

  @Benchmark
  public List<CipherSuite> expand() throws SslError {
    return CipherStrings.expand(rule);
  }

  @Benchmark
  public Expansion usable() throws SslError {
    return CipherStrings.usable(rule);
  }
}
