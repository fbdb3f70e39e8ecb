package dev.pemtls.bench.startup.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time and peak resident set from /proc/self (Linux), read with plain file
 * I/O so that measuring loads no management classes.
 */
final class ProcSelf {
  /** Kernel clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
  private static final int TICKS_PER_SECOND = 100;

  private ProcSelf() {}

  /** Prints {@code cpu_ms} (user + system, all threads so far) and {@code rss_kib} (VmHWM). */
  static void print() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    StartupChild.out("cpu_ms", ticks * 1000 / TICKS_PER_SECOND);
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        StartupChild.out("rss_kib", line.replaceAll("[^0-9]", ""));
      }
    }
  }
}
