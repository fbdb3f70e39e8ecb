package dev.pemtls.internal.config;

import java.util.Collection;
import java.util.Locale;

/** Suggests the closest known word for a misspelt one, for error messages. */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The known word nearest to {@code typed} (case-insensitive edit distance), or null when none is
   * close enough to be a plausible typo: at most 2 edits, or a third of the word's length.
   */
  public static String closest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(t, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, t.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** " (did you mean 'x'?)" or "" when nothing is close. */
  static String hint(String typed, Collection<String> known) {
    String c = closest(typed, known);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
