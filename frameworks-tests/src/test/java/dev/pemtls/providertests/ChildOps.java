package dev.pemtls.providertests;

/** How the recipe children report an operation: one stdout line the test checks. */
final class ChildOps {
  private ChildOps() {}

  interface Call {
    String call() throws Exception;
  }

  /** Prints "NAME ARG OK result" or "NAME ARG ERR exception <- causes" for op "NAME:ARG". */
  static void report(String op, Call call) {
    String[] p = op.split(":", 2);
    String result;
    try {
      result = "OK " + call.call();
    } catch (Exception e) {
      result = "ERR " + ChildMain.chain(e);
    }
    System.out.println(p[0] + " " + p[1] + " " + result.replace('\n', ' '));
    System.out.flush();
  }
}
