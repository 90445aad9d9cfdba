package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cheap Jaro-Winkler upper bound never falls below Jaro-Winkler, so it never changes a level. */
class JaroWinklerBoundTest {

  private static final long SEED = Long.getLong("mops.test.seed", 20261128L);

  static {
    System.out.println("JaroWinklerBoundTest seed " + SEED + " (set -Dmops.test.seed=N to change it)");
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 6, 12, 40})
  void boundIsNeverBelowJaroWinkler(int alphabet) {
    SplittableRandom rnd = new SplittableRandom(SEED + alphabet);
    int tight = 0;
    for (int n = 0; n < 50_000; n++) {
      String a = random(rnd, alphabet);
      String b = rnd.nextInt(3) == 0 && !a.isEmpty() ? a.substring(0, rnd.nextInt(a.length())) + random(rnd, alphabet) : random(rnd, alphabet);
      double jw = Similarity.jaroWinkler(a, b);
      double bound = Similarity.jaroWinklerUpperBound(a, Similarity.charMask(a), b, Similarity.charMask(b));
      assertThat(bound + 1e-9).as("bound(%s, %s)", a, b).isGreaterThanOrEqualTo(jw);
      if (bound - jw < 1e-9) {
        tight++;
      }
    }
    assertThat(tight).as("the bound is exact for some pairs").isPositive();
  }

  @Test
  void unrelatedValuesAreSettledByTheBound() {
    String a = "tullaroop street";
    String b = "giblin street";
    assertThat(Similarity.jaroWinklerUpperBound("smith", Similarity.charMask("smith"), "wong", Similarity.charMask("wong")))
        .isLessThan(0.8);
    assertThat(Similarity.jaroWinklerUpperBound(a, Similarity.charMask(a), b, Similarity.charMask(b)))
        .isGreaterThanOrEqualTo(Similarity.jaroWinkler(a, b));
    assertThat(Similarity.jaroWinklerUpperBound("", 0, "", 0)).isEqualTo(1.0);
    assertThat(Similarity.jaroWinklerUpperBound("", 0, "x", Similarity.charMask("x"))).isZero();
  }

  private static String random(SplittableRandom rnd, int alphabet) {
    int len = rnd.nextInt(12);
    StringBuilder s = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      int c = rnd.nextInt(alphabet);
      s.append(c < 26 ? (char) ('a' + c) : c < 36 ? (char) ('0' + c - 26) : (char) (' ' + c - 36));
    }
    return s.toString();
  }
}
