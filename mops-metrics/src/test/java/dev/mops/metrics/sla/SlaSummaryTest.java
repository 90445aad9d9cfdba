package dev.mops.metrics.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Records;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlaSummaryTest {

  static final SlaEvaluator SLA = SlaEvaluatorTest.SLA;
  static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261202L);
    System.err.println("SLA summary property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 30).mapToObj(i -> base * 1_000_003L + i);
  }

  record Req(String cls, Instant created, Instant accepted, Instant live, Instant resolved) {}

  static void add(SlaSummary s, Req q) {
    SlaResult r = SLA.evaluate(SLA.schema().row(Records.of(Map.of("class", q.cls))), q.created, q.resolved, AS_OF);
    s.add(q.cls, r, q.created, q.accepted, q.live, q.resolved);
  }

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  @Test
  void handCheckedFigures() {
    SlaSummary s = new SlaSummary(AS_OF);
    // simple, 16 h target: met (9 h), breached (resolved Wed 12:00 after 18 h)
    add(s, new Req("simple", t("2026-06-15T10:00"), t("2026-06-15T10:00"), t("2026-06-16T10:00"), t("2026-06-16T11:00")));
    add(s, new Req("simple", t("2026-06-15T10:00"), t("2026-06-15T12:00"), t("2026-06-17T12:00"), t("2026-06-17T12:00")));
    // simple, still open, created 20 days before the as-of: breached and aged
    add(s, new Req("simple", t("2026-06-10T10:00"), null, null, null));
    // complex, open, created yesterday
    add(s, new Req("complex", t("2026-06-29T10:00"), null, null, null));
    assertThat(s.requests("simple")).isEqualTo(3);
    assertThat(s.requests(SlaSummary.ALL)).isEqualTo(4);
    assertThat(s.count("simple", SlaState.BREACHED)).isEqualTo(2);
    assertThat(s.adherence("simple")).isEqualTo(1.0 / 3);
    assertThat(s.adherenceByMonth("simple")).containsEntry("2026-06", 1.0 / 3);
    assertThat(s.timeToCampaign("simple").count()).isEqualTo(2);
    assertThat(s.timeToCampaign("simple").quantileSeconds(0.5)).isEqualTo(Duration.ofHours(24).toSeconds());
    assertThat(s.timeToCampaign("simple").quantileSeconds(1)).isEqualTo(Duration.ofHours(48).toSeconds());
    assertThat(s.open("simple")).isEqualTo(1);
    assertThat(s.backlogAging("simple")).isEqualTo(1.0);
    assertThat(s.backlogAging("complex")).isEqualTo(0.0);
    assertThat(s.backlogAging(SlaSummary.ALL)).isEqualTo(0.5);
    assertThat(s.throughput("simple")).containsExactly(Map.entry("2026-W25", 2L));
    assertThat(s.adherence("complex")).isNaN();
    assertThat(s.toJson()).contains("\"simple\"", "\"rate\" : 0.3333", "\"aged_share\" : 1.0", "\"2026-W25\" : 2");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergeIsAssociativeAndCommutative(long seed) {
    Random r = new Random(seed);
    List<Req> reqs = new ArrayList<>();
    String[] classes = {"simple", "standard", "complex"};
    for (int i = r.nextInt(200); i > 0; i--) {
      Instant created = AS_OF.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 60)));
      Instant accepted = r.nextBoolean() ? created.plus(Duration.ofMinutes(r.nextInt(600))) : null;
      Instant live = accepted != null && r.nextBoolean() ? accepted.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 20))) : null;
      Instant resolved = r.nextBoolean() ? created.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 40))) : null;
      reqs.add(new Req(classes[r.nextInt(3)], created, accepted, live, resolved));
    }
    SlaSummary whole = new SlaSummary(AS_OF);
    reqs.forEach(q -> add(whole, q));
    Collections.shuffle(reqs, r);
    SlaSummary a = new SlaSummary(AS_OF);
    SlaSummary b = new SlaSummary(AS_OF);
    SlaSummary c = new SlaSummary(AS_OF);
    for (Req q : reqs) {
      add(List.of(a, b, c).get(r.nextInt(3)), q);
    }
    String ab_c = copy(a).merge(copy(b)).merge(copy(c)).toJson();
    String a_bc = copy(a).merge(copy(b).merge(copy(c))).toJson();
    String cba = copy(c).merge(copy(b)).merge(copy(a)).toJson();
    assertThat(ab_c).isEqualTo(whole.toJson()).isEqualTo(a_bc).isEqualTo(cba);
  }

  private static SlaSummary copy(SlaSummary s) {
    return new SlaSummary(s.asOf()).merge(s);
  }
}
