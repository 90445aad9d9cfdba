package dev.mops.quality.dedupe;

import java.util.Arrays;

/**
 * String similarity and distance functions used by the comparators.
 *
 * <p>Package-private; the public view is {@link StringSimilarity}. All functions work on UTF-16
 * code units of already-normalized strings and allocate only small scratch arrays.
 *
 * <p>Thread safety: stateless.
 */
final class Similarity {

  private Similarity() {}

  /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4, boost above 0.7). */
  static double jaroWinkler(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return 0.0;
    }
    String s = la <= lb ? a : b;
    String t = la <= lb ? b : a;
    int ls = s.length();
    int lt = t.length();
    int window = Math.max(0, lt / 2 - 1);
    int matches;
    int transpositions;
    if (lt <= 64) {
      // bit masks instead of arrays: no allocation for the usual short values
      long sMask = 0;
      long tMask = 0;
      matches = 0;
      for (int i = 0; i < ls; i++) {
        char c = s.charAt(i);
        int from = Math.max(0, i - window);
        int to = Math.min(lt - 1, i + window);
        for (int j = from; j <= to; j++) {
          if ((tMask & (1L << j)) == 0 && t.charAt(j) == c) {
            sMask |= 1L << i;
            tMask |= 1L << j;
            matches++;
            break;
          }
        }
      }
      if (matches == 0) {
        return 0.0;
      }
      transpositions = 0;
      long tm = tMask;
      for (int i = 0; i < ls; i++) {
        if ((sMask & (1L << i)) != 0) {
          int k = Long.numberOfTrailingZeros(tm);
          tm &= tm - 1;
          if (s.charAt(i) != t.charAt(k)) {
            transpositions++;
          }
        }
      }
    } else {
      boolean[] sMatched = new boolean[ls];
      boolean[] tMatched = new boolean[lt];
      matches = 0;
      for (int i = 0; i < ls; i++) {
        char c = s.charAt(i);
        int from = Math.max(0, i - window);
        int to = Math.min(lt - 1, i + window);
        for (int j = from; j <= to; j++) {
          if (!tMatched[j] && t.charAt(j) == c) {
            sMatched[i] = true;
            tMatched[j] = true;
            matches++;
            break;
          }
        }
      }
      if (matches == 0) {
        return 0.0;
      }
      transpositions = 0;
      int k = 0;
      for (int i = 0; i < ls; i++) {
        if (sMatched[i]) {
          while (!tMatched[k]) {
            k++;
          }
          if (s.charAt(i) != t.charAt(k)) {
            transpositions++;
          }
          k++;
        }
      }
    }
    double m = matches;
    double jaro = (m / ls + m / lt + (m - transpositions / 2.0) / m) / 3.0;
    if (jaro <= 0.7) {
      return jaro;
    }
    int prefix = 0;
    int maxPrefix = Math.min(4, ls);
    while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1.0 - jaro);
  }

  /**
   * Levenshtein distance, or {@code limit + 1} as soon as it is known to exceed {@code limit}.
   */
  static int levenshtein(String a, String b, int limit) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > limit) {
      return limit + 1;
    }
    if (la == 0 || lb == 0) {
      return Math.max(la, lb);
    }
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return Math.min(prev[lb], limit + 1);
  }

  /**
   * Damerau-Levenshtein distance in its optimal-string-alignment form (adjacent transpositions
   * cost 1), or {@code limit + 1} as soon as it is known to exceed {@code limit}.
   */
  static int damerauLevenshtein(String a, String b, int limit) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > limit) {
      return limit + 1;
    }
    if (la == 0 || lb == 0) {
      return Math.max(la, lb);
    }
    int[] prev2 = new int[lb + 1];
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }
    return Math.min(prev[lb], limit + 1);
  }

  /** Dice coefficient of the padded character bigrams of the two strings, in [0, 1]. */
  static double qgramDice(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int na = a.length() + 1;
    int nb = b.length() + 1;
    int[] ga = bigrams(a);
    int[] gb = bigrams(b);
    Arrays.sort(ga);
    Arrays.sort(gb);
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < ga.length && j < gb.length) {
      if (ga[i] == gb[j]) {
        common++;
        i++;
        j++;
      } else if (ga[i] < gb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (na + nb);
  }

  private static int[] bigrams(String s) {
    int n = s.length();
    int[] g = new int[n + 1];
    char prev = '\u0002';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      g[i] = (prev << 16) | c;
      prev = c;
    }
    g[n] = (prev << 16) | '\u0003';
    return g;
  }

  /**
   * Token-set similarity in [0, 1]: tokens of one string matched to tokens of the other (equal,
   * or Jaro-Winkler at least 0.9 for tokens of four letters or more), as a Dice coefficient, so
   * that word order and repeated words do not matter.
   */
  static double tokenSet(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    String[] ta = tokens(a);
    String[] tb = tokens(b);
    if (ta.length == 0 || tb.length == 0) {
      return 0.0;
    }
    boolean[] used = new boolean[tb.length];
    int common = 0;
    for (String x : ta) {
      int best = -1;
      for (int j = 0; j < tb.length; j++) {
        if (!used[j] && tb[j].equals(x)) {
          best = j;
          break;
        }
      }
      if (best < 0 && x.length() >= 4) {
        for (int j = 0; j < tb.length; j++) {
          if (!used[j] && tb[j].length() >= 4 && jaroWinkler(x, tb[j]) >= 0.9) {
            best = j;
            break;
          }
        }
      }
      if (best >= 0) {
        used[best] = true;
        common++;
      }
    }
    return 2.0 * common / (ta.length + tb.length);
  }

  static String[] tokens(String s) {
    String[] parts = s.split(" ");
    int n = 0;
    for (String p : parts) {
      if (!p.isEmpty()) {
        parts[n++] = p;
      }
    }
    String[] out = Arrays.copyOf(parts, n);
    Arrays.sort(out);
    int m = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || !out[i].equals(out[i - 1])) {
        out[m++] = out[i];
      }
    }
    return Arrays.copyOf(out, m);
  }
}
