package dev.mops.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The laws of attribution, over random journey sets from seeds (set -Dmops.test.seed to replay). */
class AttributionLawsTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261202L);
    System.err.println("attribution property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 30).mapToObj(i -> base * 1_000_003L + i);
  }

  /** A row of a random journey set: a touchpoint or an outcome. */
  record Row(String journey, Instant at, @Nullable String channel, @Nullable String campaign, double value,
      List<Milestone> milestones) {
    boolean outcome() {
      return channel == null;
    }
  }

  static List<AttributionModel> models() {
    return List.of(AttributionModel.firstTouch(), AttributionModel.lastTouch(), AttributionModel.lastNonDirect(),
        AttributionModel.linear(), AttributionModel.timeDecay(Duration.ofDays(3)), AttributionModel.positionBased(),
        AttributionModel.positionBased(0.3, 0.5), AttributionModel.wShaped(),
        AttributionModel.linear().withLookback(Duration.ofDays(20)), AttributionModel.markov(),
        AttributionModel.markov(2), AttributionModel.markov(3).withLookback(Duration.ofDays(30)),
        AttributionModel.shapley());
  }

  /** Random journeys over up to 8 channels; touchpoints of a journey at distinct times, some after the conversion. */
  static List<Row> rows(Random r) {
    int channels = 2 + r.nextInt(7);
    List<String> names = new ArrayList<>();
    names.add("Direct");
    for (int c = 1; c < channels; c++) {
      names.add("ch-" + (char) ('a' + c));
    }
    List<Row> rows = new ArrayList<>();
    int journeys = 1 + r.nextInt(60);
    for (int j = 0; j < journeys; j++) {
      String id = "j" + j;
      int touches = r.nextInt(9);
      long t = r.nextInt(1_000_000);
      List<Instant> times = new ArrayList<>();
      for (int k = 0; k < touches; k++) {
        t += 1 + r.nextInt(5 * 86_400);
        times.add(T0.plusSeconds(t));
        String campaign = r.nextInt(4) == 0 ? null : "cmp-" + r.nextInt(3);
        List<Milestone> marks = r.nextInt(5) == 0 ? List.of(Milestone.LEAD_CREATED)
            : r.nextInt(6) == 0 ? List.of(Milestone.OPPORTUNITY_CREATED) : List.of();
        rows.add(new Row(id, T0.plusSeconds(t), names.get(r.nextInt(channels)), campaign, r.nextInt(3) * 10.0, marks));
      }
      if (r.nextInt(3) > 0) {
        Instant at = times.isEmpty() || r.nextInt(4) == 0 ? T0.plusSeconds(t + r.nextInt(86_400))
            : times.get(r.nextInt(times.size())).plusSeconds(r.nextInt(3));
        rows.add(new Row(id, at, null, null, 1 + r.nextInt(10_000), List.of()));
      }
    }
    return rows;
  }

  static Journeys build(List<Row> rows, UnaryOperator<String> rename) {
    Journeys.Builder b = Journeys.builder();
    for (Row row : rows) {
      if (row.outcome()) {
        b.outcome(row.journey(), row.at(), row.value());
      } else {
        b.touchpoint(row.journey(), row.at(), rename.apply(row.channel()), row.campaign(), row.value(), row.milestones());
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachJourneysCreditAddsUpToItsValue(long seed) {
    Journeys js = build(rows(new Random(seed)), UnaryOperator.identity());
    for (AttributionModel m : models()) {
      if (m instanceof RuleBasedModel rules) {
        for (int j = 0; j < js.size(); j++) {
          List<TouchCredit> credit = Attribution.journeyCredit(js, rules, j);
          if (!credit.isEmpty()) {
            assertThat(credit.stream().mapToDouble(TouchCredit::credit).sum()).as("%s, journey %s", m, js.journeyId(j))
                .isCloseTo(js.value(j), within(1e-9 * js.value(j)));
            assertThat(credit).allSatisfy(c -> assertThat(c.share()).isBetween(0.0, 1.0));
          }
        }
      }
      AttributionResult r = Attribution.run(js, m);
      assertThat(r.totalCredit()).as("%s", m).isCloseTo(r.attributedValue(), within(1e-9 * (1 + r.attributedValue())));
      assertThat(r.rows().stream().mapToDouble(ChannelCredit::conversions).sum()).as("%s", m)
          .isCloseTo(r.attributedConversions(), within(1e-9 * (1 + r.attributedConversions())));
      assertThat(r.rows()).allSatisfy(c -> assertThat(c.credit()).isGreaterThanOrEqualTo(0));
      // every touchpoint and every journey is accounted for
      assertThat(r.touchpoints().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(js.touchpoints());
      assertThat(r.attributedConversions() + r.unattributedConversions() + r.notConverted()).isEqualTo(js.size());
      double converted = 0;
      for (int j = 0; j < js.size(); j++) {
        converted += js.value(j);
      }
      assertThat(r.attributedValue() + r.unattributedValue()).isCloseTo(converted, within(1e-9 * (1 + converted)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void renamingChannelsRenamesTheCredit(long seed) {
    List<Row> rows = rows(new Random(seed));
    // a renaming that reverses the order of the names, keeping "Direct" direct
    UnaryOperator<String> rename = c -> c.equals("Direct") ? "DIRECT" : "z-" + (char) ('z' - (c.charAt(3) - 'a'));
    Journeys plain = build(rows, UnaryOperator.identity());
    Journeys renamed = build(rows, rename);
    for (AttributionModel m : models()) {
      List<ChannelCredit> a = Attribution.run(plain, m).rows();
      List<ChannelCredit> b = new ArrayList<>(Attribution.run(renamed, m).rows());
      assertThat(b).hasSameSizeAs(a);
      for (ChannelCredit x : a) {
        String to = rename.apply(x.channel());
        ChannelCredit y = b.stream().filter(c -> c.channel().equals(to) && c.campaign().equals(x.campaign()))
            .findFirst().orElseThrow(() -> new AssertionError(m + ": no credit for " + to + "/" + x.campaign()));
        assertThat(y.credit()).as("%s %s", m, x).isCloseTo(x.credit(), within(1e-9 * (1 + x.credit())));
        assertThat(y.conversions()).as("%s %s", m, x).isCloseTo(x.conversions(), within(1e-9 * (1 + x.conversions())));
        assertThat(y.cost()).isEqualTo(x.cost());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOrderOfTheRowsDoesNotMatter(long seed) {
    List<Row> rows = rows(new Random(seed));
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
    Journeys a = build(rows, UnaryOperator.identity());
    Journeys b = build(shuffled, UnaryOperator.identity());
    for (AttributionModel m : models()) {
      AttributionResult x = Attribution.run(a, m);
      AttributionResult y = Attribution.run(b, m);
      assertThat(y.rows()).as("%s", m).hasSameSizeAs(x.rows());
      for (int i = 0; i < x.rows().size(); i++) {
        ChannelCredit p = x.rows().get(i);
        ChannelCredit q = y.rows().get(i);
        assertThat(q.channel()).isEqualTo(p.channel());
        assertThat(q.campaign()).isEqualTo(p.campaign());
        assertThat(q.credit()).as("%s %s", m, p).isCloseTo(p.credit(), within(1e-9 * (1 + p.credit())));
        assertThat(q.conversions()).isCloseTo(p.conversions(), within(1e-9 * (1 + p.conversions())));
      }
      assertThat(y.touchpoints()).isEqualTo(x.touchpoints());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void timeDecayWithAnInfiniteHalfLifeIsLinear(long seed) {
    Random r = new Random(seed);
    Journeys js = build(rows(r), UnaryOperator.identity());
    Duration lookback = r.nextBoolean() ? null : Duration.ofDays(1 + r.nextInt(30));
    AttributionResult linear = Attribution.run(js, AttributionModel.linear().withLookback(lookback));
    AttributionResult infinite = Attribution.run(js, AttributionModel.timeDecay(RuleBasedModel.INFINITE).withLookback(lookback));
    AttributionResult huge = Attribution.run(js, AttributionModel.timeDecay(Duration.ofDays(365L * 1_000_000)).withLookback(lookback));
    assertThat(infinite.rows()).isEqualTo(linear.rows());
    assertThat(huge.rows()).hasSameSizeAs(linear.rows());
    for (int i = 0; i < linear.rows().size(); i++) {
      assertThat(huge.rows().get(i).credit()).isCloseTo(linear.rows().get(i).credit(),
          within(1e-6 * (1 + linear.rows().get(i).credit())));
    }
    // and a shorter half-life never gives the latest touchpoint less than linear does
    for (int j = 0; j < js.size(); j++) {
      List<TouchCredit> decay = Attribution.journeyCredit(js, AttributionModel.timeDecay(Duration.ofHours(12)), j);
      if (!decay.isEmpty()) {
        assertThat(decay.get(decay.size() - 1).share()).isGreaterThanOrEqualTo(1.0 / decay.size() - 1e-12);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sampledShapleyIsDeterministicPerSeedAndNearTheExactValues(long seed) {
    Journeys js = build(rows(new Random(seed)), UnaryOperator.identity());
    ShapleyModel sampled = AttributionModel.shapley().withExactLimit(0).withSamples(4_000).withSeed(seed);
    var once = sampled.values(js);
    assertThat(sampled.values(js)).isEqualTo(once);
    var exact = AttributionModel.shapley().values(js);
    assertThat(once.keySet()).isEqualTo(exact.keySet());
    double sumExact = exact.values().stream().mapToDouble(Double::doubleValue).sum();
    double sumSampled = once.values().stream().mapToDouble(Double::doubleValue).sum();
    // efficiency holds for every sampled order, so exactly (up to rounding)
    assertThat(sumSampled).isCloseTo(sumExact, within(1e-9));
    String name = String.format(Locale.ROOT, "seed %d", seed);
    exact.forEach((c, v) -> assertThat(once.get(c)).as(name + " " + c).isCloseTo(v, within(0.08)));
  }
}
