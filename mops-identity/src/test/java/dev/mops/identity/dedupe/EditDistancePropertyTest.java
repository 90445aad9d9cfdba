package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounded edit distances against a plain full-table reference, on seeded random strings
 * over small alphabets (so that prefixes, suffixes, repeats and swaps are common).
 */
class EditDistancePropertyTest {

  private static final long SEED = Long.getLong("mops.test.seed", 20261128L);

  static {
    System.out.println("EditDistancePropertyTest seed " + SEED + " (set -Dmops.test.seed=N to change it)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void boundedDistancesAgreeWithTheFullTable(int limit) {
    SplittableRandom rnd = new SplittableRandom(SEED + limit);
    for (int n = 0; n < 20_000; n++) {
      String a = random(rnd);
      String b = rnd.nextInt(3) == 0 ? mutate(a, rnd) : random(rnd);
      int lev = reference(a, b, false);
      int osa = reference(a, b, true);
      assertThat(Similarity.levenshtein(a, b, limit)).as("lev(%s, %s, %d)", a, b, limit).isEqualTo(Math.min(lev, limit + 1));
      assertThat(Similarity.damerauLevenshtein(a, b, limit)).as("osa(%s, %s, %d)", a, b, limit)
          .isEqualTo(Math.min(osa, limit + 1));
    }
  }

  private static String random(SplittableRandom rnd) {
    int len = rnd.nextInt(9);
    char top = (char) ('a' + 1 + rnd.nextInt(4));
    StringBuilder s = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      s.append((char) rnd.nextInt('a', top + 1));
    }
    return s.toString();
  }

  private static String mutate(String a, SplittableRandom rnd) {
    StringBuilder s = new StringBuilder(a);
    int edits = 1 + rnd.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int op = rnd.nextInt(4);
      int p = s.length() == 0 ? 0 : rnd.nextInt(s.length());
      if (op == 0 || s.length() == 0) {
        s.insert(p, (char) rnd.nextInt('a', 'e'));
      } else if (op == 1) {
        s.deleteCharAt(p);
      } else if (op == 2) {
        s.setCharAt(p, (char) rnd.nextInt('a', 'e'));
      } else if (p + 1 < s.length()) {
        char c = s.charAt(p);
        s.setCharAt(p, s.charAt(p + 1));
        s.setCharAt(p + 1, c);
      }
    }
    return s.toString();
  }

  /** Full-table Levenshtein, or optimal string alignment when {@code transpositions}. */
  private static int reference(String a, String b, boolean transpositions) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (transpositions && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
