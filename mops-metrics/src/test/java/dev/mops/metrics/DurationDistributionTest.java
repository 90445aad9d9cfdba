package dev.mops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DurationDistributionTest {

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261202L);
    System.err.println("distribution property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 40).mapToObj(i -> base * 1_000_003L + i);
  }

  @Test
  void exactPercentilesUseNearestRank() {
    DurationDistribution d = new DurationDistribution();
    for (int h : new int[] {5, 1, 4, 2, 3}) {
      d.add(Duration.ofHours(h));
    }
    assertThat(d.isExact()).isTrue();
    assertThat(d.quantileSeconds(0.5)).isEqualTo(3 * 3600.0);
    assertThat(d.quantileSeconds(0.9)).isEqualTo(5 * 3600.0);
    assertThat(d.quantileSeconds(0.2)).isEqualTo(1 * 3600.0);
    assertThat(d.quantileSeconds(0.0)).isEqualTo(1 * 3600.0);
    assertThat(d.meanSeconds()).isEqualTo(3 * 3600.0);
    assertThat(new DurationDistribution().quantileSeconds(0.5)).isNaN();
    assertThatThrownBy(() -> d.add(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void beyondTheExactLimitTheSketchIsWithinOnePercent() {
    Random r = new Random(7);
    DurationDistribution d = new DurationDistribution();
    double[] all = new double[50_000];
    for (int i = 0; i < all.length; i++) {
      all[i] = Math.exp(r.nextGaussian() * 1.5 + 10); // log-normal, like cycle times in seconds
      d.addSeconds(all[i]);
    }
    assertThat(d.isExact()).isFalse();
    Arrays.sort(all);
    for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
      double truth = all[(int) Math.ceil(q * all.length) - 1];
      assertThat(d.quantileSeconds(q)).isCloseTo(truth, within(truth * 0.011));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergeIsTheDistributionOfAllValuesInAnyOrder(long seed) {
    Random r = new Random(seed);
    List<Double> values = new ArrayList<>();
    int n = r.nextBoolean() ? r.nextInt(900) : r.nextInt(4000);
    for (int i = 0; i < n; i++) {
      values.add((double) r.nextInt(1_000_000));
    }
    DurationDistribution whole = new DurationDistribution();
    values.forEach(whole::addSeconds);
    Collections.shuffle(values, r);
    int parts = 1 + r.nextInt(5);
    List<DurationDistribution> ds = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      ds.add(new DurationDistribution());
    }
    for (double v : values) {
      ds.get(r.nextInt(parts)).addSeconds(v);
    }
    DurationDistribution left = new DurationDistribution();
    for (DurationDistribution d : ds) {
      left.merge(d);
    }
    Collections.reverse(ds);
    DurationDistribution right = ds.get(0).copy();
    for (int i = 1; i < ds.size(); i++) {
      right.merge(ds.get(i));
    }
    for (double q : new double[] {0, 0.5, 0.9, 0.95, 1}) {
      assertThat(left.quantileSeconds(q)).isEqualTo(whole.quantileSeconds(q)).isEqualTo(right.quantileSeconds(q));
    }
    assertThat(left.count()).isEqualTo(whole.count());
    assertThat(left.isExact()).isEqualTo(whole.isExact());
  }
}
