package dev.mops.metrics.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

  @Test
  void sampleSizesOfTextbookExamples() {
    // Fleiss' formula without continuity correction, two-sided alpha 0.05, power 0.8:
    // 0.20 vs 0.30 needs 293.1 -> 294 per group; 0.60 vs 0.70 needs 355.9 -> 356 per group
    assertThat(TwoProportionTest.sampleSizePerArm(0.20, 0.10, 0.05, 0.8)).isEqualTo(294);
    assertThat(TwoProportionTest.sampleSizePerArm(0.60, 0.10, 0.05, 0.8)).isEqualTo(356);
    // a lower effect is symmetric: 0.30 -> 0.20 needs the same
    assertThat(TwoProportionTest.sampleSizePerArm(0.30, -0.10, 0.05, 0.8)).isEqualTo(294);
    // the marketing case of the CLI example: 4% baseline, half a point: about 25,500 per arm
    long n = TwoProportionTest.sampleSizePerArm(0.04, 0.005, 0.05, 0.8);
    assertThat(n).isBetween(25_000L, 26_000L);
    // more power or a smaller alpha needs more subjects
    assertThat(TwoProportionTest.sampleSizePerArm(0.04, 0.005, 0.05, 0.9)).isGreaterThan(n);
    assertThat(TwoProportionTest.sampleSizePerArm(0.04, 0.005, 0.01, 0.8)).isGreaterThan(n);
    assertThatThrownBy(() -> TwoProportionTest.sampleSizePerArm(0.04, 0, 0.05, 0.8)).hasMessageContaining("not be 0");
    assertThatThrownBy(() -> TwoProportionTest.sampleSizePerArm(0.99, 0.05, 0.05, 0.8)).hasMessageContaining("baseline + mde");
    assertThatThrownBy(() -> TwoProportionTest.sampleSizePerArm(0.04, 0.01, 1.5, 0.8)).hasMessageContaining("alpha");
  }

  @Test
  void resultOfAWorkedExample() {
    // 200 of 1,000 vs 250 of 1,000: pooled 0.225, SE 0.018675, z = 2.6774, p = 0.0074;
    // Wald SE 0.018641, 95% interval 0.05 -/+ 0.036537
    TwoProportionTest.Result r = TwoProportionTest.test(200, 1000, 250, 1000, 0.95);
    assertThat(r.difference()).isCloseTo(0.05, within(1e-12));
    assertThat(r.z()).isCloseTo(2.6774, within(1e-4));
    assertThat(r.pValue()).isCloseTo(0.00742, within(1e-5));
    assertThat(r.low()).isCloseTo(0.013463, within(1e-5));
    assertThat(r.high()).isCloseTo(0.086537, within(1e-5));
    assertThat(r.significantAt(0.05)).isTrue();
    // the normal quantile itself: z = 1.959964 is two-sided p = 0.05
    TwoProportionTest.Result none = TwoProportionTest.test(50, 1000, 50, 1000, 0.95);
    assertThat(none.pValue()).isEqualTo(1.0, within(1e-12));
    assertThatThrownBy(() -> TwoProportionTest.test(5, 4, 1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void throughputCountsExperimentsThatReachedTheirSample() {
    ExperimentThroughput a = new ExperimentThroughput().add(YearMonth.of(2026, 5), 30_000, 25_500)
        .add(YearMonth.of(2026, 5), 12_000, 25_500);
    ExperimentThroughput b = new ExperimentThroughput().add(YearMonth.of(2026, 6), 26_000, 25_500);
    assertThat(a.merge(b).byMonth().get(YearMonth.of(2026, 5)).part()).isEqualTo(1);
    assertThat(a.byMonth().get(YearMonth.of(2026, 5)).whole()).isEqualTo(2);
    assertThat(a.byMonth().get(YearMonth.of(2026, 6)).value()).isEqualTo(1.0);
  }
}
