package dev.mops.identity.dedupe;

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

  /**
   * Returns a 64-bit set of the characters of {@code s}: one bit per letter a-z and digit, the
   * other characters hashed onto the remaining bits (a collision only makes
   * {@link #jaroWinklerUpperBound} larger, never wrong).
   */
  static long charMask(String s) {
    long m = 0;
    for (int i = 0; i < s.length(); i++) {
      m |= 1L << bucket(s.charAt(i));
    }
    return m;
  }

  private static int bucket(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= '0' && c <= '9') {
      return 26 + (c - '0');
    }
    return 36 + c % 28;
  }

  /**
   * Returns a number at least {@link #jaroWinkler}{@code (a, b)}, in a time linear in the
   * lengths and without allocating, from the character sets {@code ma} and {@code mb} of
   * {@link #charMask}: the matching characters are at most the positions of each string whose
   * character occurs in the other, and the bound takes no transpositions and the Winkler boost.
   * Comparisons of unrelated values, most of the random pairs that estimate u, are decided by it
   * without running Jaro-Winkler.
   */
  static double jaroWinklerUpperBound(String a, long ma, String b, long mb) {
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return a.equals(b) ? 1.0 : 0.0;
    }
    int ca = 0;
    for (int i = 0; i < la; i++) {
      ca += (int) (mb >>> bucket(a.charAt(i))) & 1;
    }
    int cb = 0;
    for (int j = 0; j < lb; j++) {
      cb += (int) (ma >>> bucket(b.charAt(j))) & 1;
    }
    double m = Math.min(Math.min(ca, cb), Math.min(la, lb));
    if (m == 0) {
      return 0.0;
    }
    return winklerBoost((m / la + m / lb + 1.0) / 3.0, a, b);
  }

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
    return winklerBoost(jaro, a, b);
  }

  /** Adds Winkler's boost to a Jaro similarity: 0.1 per character of common prefix, up to 4. */
  private static double winklerBoost(double jaro, String a, String b) {
    int prefix = 0;
    int maxPrefix = Math.min(4, Math.min(a.length(), b.length()));
    while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1.0 - jaro);
  }

  /**
   * Levenshtein distance, or {@code limit + 1} as soon as it is known to exceed {@code limit}.
   *
   * <p>The common prefix and suffix are skipped first; limits of 1 and 2 are then decided from
   * what remains without a table (the case analysis of the edits that can come first), and larger
   * limits fill the rows of the remaining middle, stopping at the first row whose minimum exceeds
   * the limit.
   */
  static int levenshtein(String a, String b, int limit) {
    return editDistance(a, b, limit, false);
  }

  /**
   * Damerau-Levenshtein distance in its optimal-string-alignment form (adjacent transpositions
   * cost 1), or {@code limit + 1} as soon as it is known to exceed {@code limit}; computed as
   * {@link #levenshtein} is.
   */
  static int damerauLevenshtein(String a, String b, int limit) {
    return editDistance(a, b, limit, true);
  }

  private static int editDistance(String a, String b, int limit, boolean transpositions) {
    int ea = a.length();
    int eb = b.length();
    if (Math.abs(ea - eb) > limit) {
      return limit + 1;
    }
    int s = 0;
    while (s < ea && s < eb && a.charAt(s) == b.charAt(s)) {
      s++;
    }
    while (ea > s && eb > s && a.charAt(ea - 1) == b.charAt(eb - 1)) {
      ea--;
      eb--;
    }
    int la = ea - s;
    int lb = eb - s;
    if (la == 0 || lb == 0) {
      return Math.max(la, lb);
    }
    if (limit <= 2) {
      // The middle differs at both ends. One edit covers it only when it is one substituted
      // character or one adjacent swap; two edits only when one of the edits that can come first
      // (substitute, delete, insert or swap at the first differing position) leaves one edit.
      if (withinOne(a, s, ea, b, s, eb, transpositions)) {
        return 1;
      }
      if (limit == 2
          && (withinOne(a, s + 1, ea, b, s + 1, eb, transpositions)
              || withinOne(a, s + 1, ea, b, s, eb, transpositions)
              || withinOne(a, s, ea, b, s + 1, eb, transpositions)
              || (transpositions && la >= 2 && lb >= 2 && a.charAt(s) == b.charAt(s + 1)
                  && a.charAt(s + 1) == b.charAt(s) && withinOne(a, s + 2, ea, b, s + 2, eb, true)))) {
        return 2;
      }
      return limit + 1;
    }
    int[] prev2 = transpositions ? new int[lb + 1] : new int[0];
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = i;
      char ca = a.charAt(s + i - 1);
      char pa = i > 1 ? a.charAt(s + i - 2) : '\0';
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(s + j - 1);
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (ca == cb ? 0 : 1));
        if (transpositions && i > 1 && j > 1 && ca == b.charAt(s + j - 2) && pa == cb) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      // rotate the rows: cur becomes prev (and prev becomes prev2); the oldest is reused
      int[] reuse = transpositions ? prev2 : prev;
      prev2 = prev;
      prev = cur;
      cur = reuse;
    }
    return Math.min(prev[lb], limit + 1);
  }

  /** Whether a[as, ae) and b[bs, be) are at most one edit apart; allocates nothing. */
  private static boolean withinOne(String a, int as, int ae, String b, int bs, int be, boolean transpositions) {
    int la = ae - as;
    int lb = be - bs;
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    while (as < ae && bs < be && a.charAt(as) == b.charAt(bs)) {
      as++;
      bs++;
    }
    while (ae > as && be > bs && a.charAt(ae - 1) == b.charAt(be - 1)) {
      ae--;
      be--;
    }
    la = ae - as;
    lb = be - bs;
    return la + lb <= 1
        || (la == 1 && lb == 1)
        || (transpositions && la == 2 && lb == 2 && a.charAt(as) == b.charAt(bs + 1) && a.charAt(as + 1) == b.charAt(bs));
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
