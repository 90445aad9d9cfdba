package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The key set's canonical form over seeded random keys (set -Dmops.test.seed=N to replay one seed). */
class KeySetTest {

  static java.util.stream.Stream<Long> seeds() {
    return ProfileMergeLawsTest.seeds();
  }

  /** The canonical form written the plain way: every key as an object, sorted with a comparator. */
  static String reference(List<long[]> keys) {
    List<long[]> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
    ByteBuffer buf = ByteBuffer.allocate(sorted.size() * 16);
    sorted.forEach(k -> buf.putLong(k[0]).putLong(k[1]));
    return Base64.getEncoder().encodeToString(buf.array());
  }

  /** Distinct random keys, some sharing their first half and some negative, none (0, 0). */
  static List<long[]> keys(Random r, int n) {
    List<long[]> out = new ArrayList<>();
    java.util.Set<List<Long>> seen = new java.util.HashSet<>();
    while (out.size() < n) {
      long h1 = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(5) - 2L; // small, equal first halves: runs to sort by the second half
        case 1 -> Long.MIN_VALUE + r.nextInt(3);
        default -> r.nextLong();
      };
      long h2 = r.nextInt(3) == 0 ? r.nextInt(7) - 3L : r.nextLong();
      if ((h1 != 0 || h2 != 0) && seen.add(List.of(h1, h2))) {
        out.add(new long[] {h1, h2});
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void encodesInTheOneSortedOrderWhateverTheOrderOfAdding(long seed) {
    Random r = new Random(seed);
    List<long[]> keys = keys(r, 1 + r.nextInt(5000));
    KeySet a = new KeySet();
    keys.forEach(k -> a.add(k[0], k[1]));
    List<long[]> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, r);
    KeySet b = new KeySet();
    shuffled.forEach(k -> b.add(k[0], k[1]));
    String expected = reference(keys);
    assertThat(a.encode()).isEqualTo(expected);
    assertThat(b.encode()).isEqualTo(expected);
    KeySet back = KeySet.decode(expected);
    assertThat(back.size()).isEqualTo(keys.size());
    assertThat(back.encode()).isEqualTo(expected);
    for (long[] k : keys) {
      assertThat(back.add(k[0], k[1])).as("decoded set holds every key").isFalse();
    }
    assertThat(back.size()).isEqualTo(keys.size());
  }

  @Test
  void emptyAndSingleSetsRoundTrip() {
    KeySet empty = new KeySet();
    assertThat(empty.encode()).isEmpty();
    assertThat(KeySet.decode("").size()).isZero();
    KeySet one = new KeySet();
    one.add(-5, 9);
    assertThat(KeySet.decode(one.encode()).encode()).isEqualTo(one.encode());
  }

  @Test
  void sortPairsOrdersSignedFirstHalvesThenSecondHalves() {
    long[] a = {3, 1, Long.MIN_VALUE, 7, -1, 5, 3, -2, Long.MAX_VALUE, 0, -1, 4};
    KeySet.sortPairs(a);
    assertThat(a).containsExactly(Long.MIN_VALUE, 7, -1, 4, -1, 5, 3, -2, 3, 1, Long.MAX_VALUE, 0);
  }
}
