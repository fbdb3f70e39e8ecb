package dev.pemtls.bench.startup.child;

import java.nio.file.Path;

/**
 * The program the start-up harness runs in every fresh JVM. It is plain JSSE code that names no
 * provider and knows nothing of PemTLS or BouncyCastle: whichever provider the JVM was started
 * with answers (PemTLS by security file or agent, SunJSSE, or BCJSSE by security file). It
 * prints its results as {@code key value} lines on standard output.
 *
 * <ul>
 *   <li>{@code get URL [classes]}: {@link FirstRequest}.
 *   <li>{@code handshakes START_MILLIS SECONDS CLIENT_P12}: {@link HandshakeRun}.
 *   <li>{@code idle CONNECTIONS CLIENT_P12}: {@link IdleConnections}.
 *   <li>{@code reconnect URL GETS}: {@link Reconnects}.
 * </ul>
 */
public final class StartupChild {
  /** The password of every PKCS12 file the harness writes. */
  public static final String STORE_PASSWORD = "startup";

  private StartupChild() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "get":
        FirstRequest.run(args[1], args.length > 2 && args[2].equals("classes"));
        break;
      case "handshakes":
        HandshakeRun.run(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        break;
      case "idle":
        IdleConnections.run(Integer.parseInt(args[1]), Path.of(args[2]));
        break;
      case "reconnect":
        Reconnects.run(args[1], Integer.parseInt(args[2]));
        break;
      default:
        throw new IllegalArgumentException("mode: get, handshakes, idle or reconnect, not "
            + args[0]);
    }
  }

  /** Prints one result line. */
  static void out(String key, Object value) {
    System.out.println(key + " " + value);
  }

  /** Nanoseconds as milliseconds with one decimal. */
  static String ms(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
