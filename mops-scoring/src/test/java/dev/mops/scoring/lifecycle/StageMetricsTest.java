package dev.mops.scoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StageMetricsTest {

  static final LifecycleModel M = LifecycleModel.defaults();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  static List<StageTransition> history() {
    List<StageTransition> h = new ArrayList<>();
    h.add(StageTransition.created("lead", day(0)));
    h.add(M.moveTo("lead", "mql", null, day(3)).transitions().get(0));
    h.add(M.recycle("mql", "bad_timing", day(5)).transitions().get(0));
    h.add(M.moveTo("recycled", "mql", null, day(15)).transitions().get(0));
    h.add(M.moveTo("mql", "sql", null, day(20)).transitions().get(0));
    return h;
  }

  @Test
  void oneLeadTimeInStageVelocityAndReach() {
    StageMetrics s = StageMetrics.of(M, history(), day(30));
    assertThat(s.currentStage()).isEqualTo("sql");
    assertThat(s.timeIn("lead")).isEqualTo(Duration.ofDays(3));
    assertThat(s.timeIn("mql")).isEqualTo(Duration.ofDays(2 + 5));
    assertThat(s.timeIn("recycled")).isEqualTo(Duration.ofDays(10));
    assertThat(s.timeIn("sql")).isEqualTo(Duration.ofDays(10));
    assertThat(s.velocity("lead", "sql")).contains(Duration.ofDays(20));
    assertThat(s.velocity("sql", "lead")).isEmpty();
    assertThat(s.reached("sal")).as("skipped SAL on the way to SQL").isTrue();
    assertThat(s.reached("opportunity")).isFalse();
    assertThat(s.reached("recycled")).isTrue();
    assertThat(s.furthestStage()).contains("sql");
  }

  @Test
  void brokenHistoriesAreRefused() {
    List<StageTransition> h = new ArrayList<>(history());
    h.remove(2);
    assertThatThrownBy(() -> StageMetrics.of(M, h, day(30))).hasMessageContaining("transition 2 leaves 'recycled' but the lead was in 'mql'");
    assertThatThrownBy(() -> StageMetrics.of(M, history(), day(10))).hasMessageContaining("is after now");
    assertThatThrownBy(() -> StageMetrics.of(M, List.of(), day(10))).hasMessageContaining("at least one");
  }

  @Test
  void funnelAggregatesConversionTimeAndVelocity() {
    StageFunnel f = new StageFunnel(M);
    f.add(StageMetrics.of(M, history(), day(30)));
    f.add(StageMetrics.of(M, List.of(StageTransition.created("lead", day(0)),
        new StageTransition("lead", "mql", day(10), StageTransition.Kind.ADVANCE, null)), day(30)));
    f.add(StageMetrics.of(M, List.of(StageTransition.created("lead", day(0))), day(30)));
    assertThat(f.leads()).isEqualTo(3);
    assertThat(f.reached("lead")).isEqualTo(3);
    assertThat(f.reached("mql")).isEqualTo(2);
    assertThat(f.reached("sql")).isEqualTo(1);
    assertThat(f.conversion("lead", "mql")).contains(2.0 / 3);
    assertThat(f.conversion("mql", "sql")).contains(0.5);
    assertThat(f.conversion("customer", "evangelist")).isEmpty();
    assertThat(f.meanVelocity("lead", "sql")).contains(Duration.ofDays(20));
    assertThat(f.meanVelocity("lead", "mql")).contains(Duration.ofDays((3 + 10) / 2).plusHours(12));
    assertThat(f.meanTimeIn("lead")).contains(Duration.ofDays((3 + 10 + 30) / 3).plus(Duration.ofHours(8)));
    assertThat(f.describe()).contains("mql            reached      2   66.7% from lead");
  }

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.test.seed");
    return fixed != null ? Stream.of(Long.parseLong(fixed)) : LongStream.range(0, 20).mapToObj(i -> 977L * i + 3);
  }

  static StageMetrics randomLead(Random r) {
    List<StageTransition> h = new ArrayList<>();
    String stage = LifecycleModel.DEFAULT_STAGES.get(r.nextInt(3));
    int d = 0;
    h.add(StageTransition.created(stage, day(d)));
    for (int k = r.nextInt(6); k > 0; k--) {
      d += 1 + r.nextInt(20);
      StageDecision dec;
      int roll = r.nextInt(10);
      if (roll == 0) {
        dec = M.recycle(stage, "bad_timing", day(d));
      } else if (roll == 1) {
        dec = M.disqualify(stage, "bad_fit", day(d));
      } else {
        int order = M.stagesByName().get(stage).order();
        String target = M.stages().get(Math.min(M.stages().size() - 1, Math.max(order, 0) + 1 + r.nextInt(2))).name();
        dec = M.moveTo(stage, target, null, day(d));
      }
      h.addAll(dec.transitions());
      stage = dec.stage();
    }
    return StageMetrics.of(M, h, day(200));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mergeIsAssociativeAndCommutative(long seed) {
    System.out.println("funnel merge seed=" + seed + " (replay with -Dmops.test.seed=" + seed + ")");
    Random r = new Random(seed);
    List<StageMetrics> leads = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      leads.add(randomLead(r));
    }
    StageFunnel all = new StageFunnel(M);
    leads.forEach(all::add);
    int a = r.nextInt(60);
    int b = a + r.nextInt(61 - a);
    StageFunnel p1 = new StageFunnel(M);
    StageFunnel p2 = new StageFunnel(M);
    StageFunnel p3 = new StageFunnel(M);
    leads.subList(0, a).forEach(p1::add);
    leads.subList(a, b).forEach(p2::add);
    leads.subList(b, 60).forEach(p3::add);
    StageFunnel left = new StageFunnel(M).merge(p1).merge(p2).merge(p3);
    StageFunnel right = new StageFunnel(M).merge(p3).merge(new StageFunnel(M).merge(p2).merge(p1));
    for (StageFunnel f : List.of(left, right)) {
      assertThat(f.describe()).isEqualTo(all.describe());
      for (String x : M.stagesByName().keySet()) {
        for (String y : M.stagesByName().keySet()) {
          assertThat(f.meanVelocity(x, y)).isEqualTo(all.meanVelocity(x, y));
          assertThat(f.velocityCount(x, y)).isEqualTo(all.velocityCount(x, y));
        }
      }
    }
  }
}
