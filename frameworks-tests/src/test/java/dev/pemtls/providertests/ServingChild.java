package dev.pemtls.providertests;

import java.util.List;

/**
 * A child JVM serving until the test ends: started with {@code serve} (or its own launch), it
 * prints "READY port" once it listens, and stops when its stdin closes.
 */
record ServingChild(ChildJvm child, int port) implements AutoCloseable {
  /** Starts {@code main serve} with {@code jvmArgs} and waits for its port. */
  static ServingChild start(Class<?> main, List<String> jvmArgs) throws Exception {
    return ready(ChildJvm.start(main, jvmArgs, "serve"));
  }

  /** Waits for the "READY port" line of an already started child. */
  static ServingChild ready(ChildJvm child) throws Exception {
    try {
      return new ServingChild(child, Integer.parseInt(child.awaitLine("READY ").split(" ")[1]));
    } catch (Throwable e) {
      child.close();
      throw e;
    }
  }

  /** https://localhost:PORT/ */
  String url() {
    return "https://localhost:" + port + "/";
  }

  /** Closes {@code serving} unless it never started. */
  static void stop(ServingChild serving) throws Exception {
    if (serving != null) {
      serving.close();
    }
  }

  @Override
  public void close() throws Exception {
    child.close();
  }
}
