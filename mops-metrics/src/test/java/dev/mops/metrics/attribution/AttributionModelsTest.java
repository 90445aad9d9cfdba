package dev.mops.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.Finding;
import dev.mops.core.record.Records;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The models on small journey sets worked out by hand. */
class AttributionModelsTest {

  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  static Instant day(double d) {
    return T0.plusMillis((long) (d * 86_400_000L));
  }

  /** One journey: paid search, email (lead), direct, webinar (opportunity), direct; converts on day 10 for 1000. */
  static Journeys oneJourney() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("j1", day(0), "Paid Search", "spring-ppc");
    b.touchpoint("j1", day(2), "Email", "nurture-1", 0, List.of(Milestone.LEAD_CREATED));
    b.touchpoint("j1", day(3), "Direct", null);
    b.touchpoint("j1", day(6), "Webinar", "q1-webinar", 0, List.of(Milestone.OPPORTUNITY_CREATED));
    b.touchpoint("j1", day(9), "Direct", null);
    b.outcome("j1", day(10), 1000);
    return b.build();
  }

  static Map<String, Double> byChannel(AttributionResult r) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (ChannelCredit c : r.byChannel()) {
      m.put(c.channel(), c.credit());
    }
    return m;
  }

  static double[] shares(Journeys js, RuleBasedModel m) {
    return Attribution.journeyCredit(js, m, 0).stream().mapToDouble(TouchCredit::share).toArray();
  }

  @Test
  void ruleBasedSharesOfOneJourney() {
    Journeys js = oneJourney();
    assertThat(shares(js, AttributionModel.firstTouch())).containsExactly(1, 0, 0, 0, 0);
    assertThat(shares(js, AttributionModel.lastTouch())).containsExactly(0, 0, 0, 0, 1);
    assertThat(shares(js, AttributionModel.lastNonDirect())).containsExactly(0, 0, 0, 1, 0);
    assertThat(shares(js, AttributionModel.linear())).containsExactly(0.2, 0.2, 0.2, 0.2, 0.2);
    // U-shaped: 40 / 20 over three / 40
    assertThat(shares(js, AttributionModel.positionBased()))
        .containsExactly(new double[] {0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4}, within(1e-12));
    assertThat(shares(js, AttributionModel.positionBased(0.3, 0.5)))
        .containsExactly(new double[] {0.3, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.5}, within(1e-12));
    // W-shaped: 30 first, 30 lead (email), 30 opportunity (webinar), 10 over the two directs
    assertThat(shares(js, AttributionModel.wShaped()))
        .containsExactly(new double[] {0.3, 0.3, 0.05, 0.3, 0.05}, within(1e-12));
    // time decay, half-life 2 days: ages from the conversion 10, 8, 7, 4, 1 days
    double[] raw = {Math.pow(0.5, 5), Math.pow(0.5, 4), Math.pow(0.5, 3.5), Math.pow(0.5, 2), Math.pow(0.5, 0.5)};
    double sum = raw[0] + raw[1] + raw[2] + raw[3] + raw[4];
    double[] expected = new double[5];
    for (int i = 0; i < 5; i++) {
      expected[i] = raw[i] / sum;
    }
    assertThat(shares(js, AttributionModel.timeDecay(Duration.ofDays(2)))).containsExactly(expected, within(1e-12));
    assertThat(shares(js, AttributionModel.timeDecay(RuleBasedModel.INFINITE))).containsExactly(0.2, 0.2, 0.2, 0.2, 0.2);
  }

  @Test
  void creditIsSummedPerChannelAndCampaign() {
    AttributionResult r = Attribution.run(oneJourney(), AttributionModel.linear());
    assertThat(byChannel(r)).containsExactly(Map.entry("Direct", 400.0), Map.entry("Email", 200.0),
        Map.entry("Paid Search", 200.0), Map.entry("Webinar", 200.0));
    assertThat(r.rows()).extracting(ChannelCredit::campaign).containsExactly("", "nurture-1", "spring-ppc", "q1-webinar");
    assertThat(r.byCampaign()).extracting(ChannelCredit::campaign, ChannelCredit::credit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("", 400.0), org.assertj.core.groups.Tuple.tuple("nurture-1", 200.0),
            org.assertj.core.groups.Tuple.tuple("q1-webinar", 200.0), org.assertj.core.groups.Tuple.tuple("spring-ppc", 200.0));
    assertThat(r.attributedConversions()).isEqualTo(1);
    assertThat(r.totalCredit()).isEqualTo(1000.0);
  }

  @Test
  void wShapedWithoutMilestonesSharesTheirPartOutInProportion() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("j", day(0), "A", null);
    b.touchpoint("j", day(1), "B", null);
    b.touchpoint("j", day(2), "C", null);
    b.outcome("j", day(3), 10);
    // first 0.3, the other two 0.05 each: 0.4 in all, renormalized
    assertThat(shares(b.build(), AttributionModel.wShaped())).containsExactly(new double[] {0.75, 0.125, 0.125},
        within(1e-12));
  }

  @Test
  void positionBasedOnShortJourneys() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("two", day(0), "A", null);
    b.touchpoint("two", day(1), "B", null);
    b.outcome("two", day(2), 10);
    b.touchpoint("one", day(0), "A", null);
    b.outcome("one", day(2), 10);
    Journeys js = b.build();
    assertThat(Attribution.journeyCredit(js, AttributionModel.positionBased(), 0)).extracting(TouchCredit::share)
        .containsExactly(0.5, 0.5);
    assertThat(Attribution.journeyCredit(js, AttributionModel.positionBased(0.6, 0.2), 0).stream()
        .mapToDouble(TouchCredit::share).toArray()).containsExactly(new double[] {0.75, 0.25}, within(1e-12));
    assertThat(Attribution.journeyCredit(js, AttributionModel.positionBased(), 1)).extracting(TouchCredit::share)
        .containsExactly(1.0);
  }

  @Test
  void lastNonDirectFallsBackToLastWhenAllAreDirect() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("j", day(0), "(direct)", null);
    b.touchpoint("j", day(1), "Direct", null);
    b.outcome("j", day(2), 10);
    Journeys js = b.build();
    assertThat(Attribution.journeyCredit(js, AttributionModel.lastNonDirect(), 0)).extracting(TouchCredit::share)
        .containsExactly(0.0, 1.0);
    assertThat(Attribution.journeyCredit(js, AttributionModel.lastNonDirect().withDirectChannels(List.of("Direct")), 0))
        .extracting(TouchCredit::share).containsExactly(1.0, 0.0);
  }

  @Test
  void touchpointsAfterTheConversionOrBeforeTheLookbackAreDroppedAndCounted() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("j", day(0), "A", null);      // 10 days before: outside a 7-day lookback
    b.touchpoint("j", day(5), "B", null);
    b.touchpoint("j", day(10), "C", null);     // at the conversion: counts
    b.touchpoint("j", day(11), "D", null);     // after
    b.outcome("j", day(10), 100);
    b.touchpoint("old", day(0), "A", null);    // converted, but only an old touch
    b.outcome("old", day(30), 50);
    b.touchpoint("lost", day(1), "A", null);   // no outcome
    b.touchpoint("lost", day(2), "B", null);
    b.outcome("nothing", day(3), 7);           // an outcome without touchpoints
    Journeys js = b.build();
    AttributionResult r = Attribution.run(js, AttributionModel.linear().withLookback(Duration.ofDays(7)));
    assertThat(byChannel(r)).containsExactly(Map.entry("B", 50.0), Map.entry("C", 50.0));
    assertThat(r.touchpoints()).containsExactly(Map.entry(TouchUse.IN_WINDOW, 2L), Map.entry(TouchUse.AFTER_CONVERSION, 1L),
        Map.entry(TouchUse.OUTSIDE_LOOKBACK, 2L), Map.entry(TouchUse.NOT_CONVERTED, 2L));
    assertThat(r.touchpoints().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(js.touchpoints());
    assertThat(r.attributedConversions()).isEqualTo(1);
    assertThat(r.unattributedConversions()).isEqualTo(2);
    assertThat(r.unattributedValue()).isEqualTo(57.0);
    assertThat(r.notConverted()).isEqualTo(1);
    // without a lookback the old touch counts
    AttributionResult all = Attribution.run(js, AttributionModel.linear());
    assertThat(all.attributedValue()).isEqualTo(150.0);
    assertThat(all.touchpoints(TouchUse.OUTSIDE_LOOKBACK)).isZero();
  }

  @Test
  void badRowsBecomeFindingsAndEveryRowIsCounted() {
    Journeys.Builder b = Journeys.builder();
    assertThat(b.touchpoint(Records.of(Map.of("journey_id", "j", "timestamp", "2026-03-01T10:00:00Z",
        "channel", "Email", "campaign", "nurture", "cost", "12.5", "milestone", "lead")))).isEmpty();
    assertThat(b.touchpoint(Records.of(Map.of("journey_id", "", "timestamp", "2026-03-01T10:00:00Z",
        "channel", "Email")))).extracting(Finding::code, Finding::field).containsExactly(
            org.assertj.core.groups.Tuple.tuple("MISSING_VALUE", "journey_id"));
    assertThat(b.touchpoint(Records.of(Map.of("journey_id", "j", "timestamp", "yesterday", "channel", "Email"))))
        .extracting(Finding::code, Finding::rawValue).containsExactly(org.assertj.core.groups.Tuple.tuple("BAD_TIMESTAMP", "yesterday"));
    assertThat(b.touchpoint(Records.of(Map.of("journey_id", "j", "timestamp", "2026-03-02T10:00:00Z", "channel", "",
        "cost", "lots", "milestone", "lead;deal")))).extracting(Finding::code, Finding::field, Finding::rawValue).containsExactly(
            org.assertj.core.groups.Tuple.tuple("MISSING_VALUE", "channel", ""),
            org.assertj.core.groups.Tuple.tuple("NOT_A_NUMBER", "cost", "lots"),
            org.assertj.core.groups.Tuple.tuple("BAD_MILESTONE", "milestone", "lead;deal"));
    assertThat(b.touchpoint(Records.of(Map.of("journey_id", "j", "timestamp", "2026-03-02T11:00:00Z", "channel", "Ads",
        "cost", "-3")))).extracting(Finding::code).containsExactly("NEGATIVE_COST");
    assertThat(b.outcome(Records.of(Map.of("journey_id", "j", "converted_at", "2026-03-03", "value", "900")))).isEmpty();
    assertThat(b.outcome(Records.of(Map.of("journey_id", "j", "converted_at", "2026-03-04", "value", "5"))))
        .extracting(Finding::code).containsExactly("DUPLICATE_OUTCOME");
    assertThat(b.outcome(Records.of(Map.of("journey_id", "k", "converted_at", "soon", "value", "5"))))
        .extracting(Finding::code).containsExactly("BAD_TIMESTAMP");
    assertThat(b.outcome(Records.of(Map.of("journey_id", "k", "converted_at", "2026-03-04", "value", "five"))))
        .extracting(Finding::code).containsExactly("NOT_A_NUMBER");
    assertThat(b.outcome(Records.of(Map.of("journey_id", "k", "converted_at", "2026-03-04", "value", "-5"))))
        .extracting(Finding::code).containsExactly("NEGATIVE_VALUE");
    assertThat(b.outcome(Records.of(Map.of("journey_id", "m", "converted_at", "2026-03-04", "value", ""))))
        .extracting(Finding::code).containsExactly("MISSING_VALUE");
    Journeys js = b.build();
    assertThat(js.counts()).isEqualTo(new Journeys.InputCounts(5, 3, 2, 6, 2, 4));
    assertThat(js.channels()).containsExactly("Email", Journeys.NO_CHANNEL, "Ads");
    assertThat(js.hasCosts()).isTrue();
    AttributionResult r = Attribution.run(js, AttributionModel.wShaped());
    assertThat(r.rows()).filteredOn(c -> c.channel().equals("Email")).singleElement()
        .satisfies(c -> assertThat(c.cost()).isEqualTo(12.5));
    assertThatThrownBy(() -> b.touchpoint("j", T0, "x", null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aJourneyOverTheLimitRejectsLaterTouchpoints() {
    Journeys.Builder b = Journeys.builder();
    for (int i = 0; i < Journeys.MAX_TOUCHPOINTS_PER_JOURNEY; i++) {
      assertThat(b.touchpoint("big", T0.plusSeconds(i), "A", null)).isTrue();
    }
    assertThat(b.touchpoint(Records.of(Map.of("journey_id", "big", "timestamp", "2027-01-01", "channel", "A"))))
        .extracting(Finding::code).containsExactly("TOO_MANY_TOUCHPOINTS");
    assertThat(b.build().counts().touchpointsRejected()).isEqualTo(1);
  }

  @Test
  void roiPerChannelAndCampaign() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("a", day(0), "Paid Search", "ppc", 100, List.of());
    b.touchpoint("a", day(1), "Email", "nurture", 10, List.of());
    b.outcome("a", day(2), 1000);
    b.touchpoint("b", day(0), "Paid Search", "ppc", 100, List.of());   // spent, did not convert
    AttributionResult r = Attribution.run(b.build(), AttributionModel.linear());
    ChannelCredit ppc = r.byChannel().get(1);
    assertThat(ppc.channel()).isEqualTo("Paid Search");
    assertThat(ppc.credit()).isEqualTo(500.0);
    assertThat(ppc.cost()).isEqualTo(200.0);
    assertThat(ppc.roi()).isEqualTo(1.5);
    assertThat(ppc.roas()).isEqualTo(2.5);
    assertThat(ppc.costPerConversion()).isEqualTo(400.0);
    assertThat(r.byChannel().get(0).roi()).isEqualTo(49.0);
    assertThat(new ChannelCredit("x", "", 5, 1, 0).roi()).isNaN();
  }

  /**
   * The three-path example of the Markov chain attribution literature: C1, C2, C3 converts; C1
   * does not; C2, C3 does not. By hand: P(start to C1) = 2/3, P(C1 to C2) = 1/2, P(C2 to C3) = 1,
   * P(C3 to conversion) = 1/2, so P(conversion) = 2/3 * 1/2 * 1/2 + 1/3 * 1/2 = 1/3. Without C1:
   * 1/3 * 1/2 = 1/6, a removal effect of 0.5; without C2 or C3 nothing converts: 1 each. One
   * conversion is shared 0.5 : 1 : 1, so 0.2, 0.4, 0.4.
   */
  @Test
  void markovRemovalEffectsOfTheThreePathExample() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("p1", day(0), "C1", null);
    b.touchpoint("p1", day(1), "C2", null);
    b.touchpoint("p1", day(2), "C3", null);
    b.outcome("p1", day(3), 1);
    b.touchpoint("p2", day(0), "C1", null);
    b.touchpoint("p3", day(0), "C2", null);
    b.touchpoint("p3", day(1), "C3", null);
    Journeys js = b.build();
    MarkovModel m = AttributionModel.markov();
    assertThat(m.conversionProbability(js)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.removalEffects(js)).hasSize(3).hasEntrySatisfying("C1", v -> assertThat(v).isCloseTo(0.5, within(1e-12)))
        .hasEntrySatisfying("C2", v -> assertThat(v).isCloseTo(1.0, within(1e-12)))
        .hasEntrySatisfying("C3", v -> assertThat(v).isCloseTo(1.0, within(1e-12)));
    AttributionResult r = Attribution.run(js, m);
    assertThat(r.byChannel().stream().mapToDouble(ChannelCredit::conversions).toArray())
        .containsExactly(new double[] {0.2, 0.4, 0.4}, within(1e-12));
    assertThat(r.channelWeights()).containsOnlyKeys("C1", "C2", "C3");
  }

  /**
   * The published example of S. Puzyrov, "Markov chain attribution: simple explanation of removal
   * effect" (serhiipuzyrov.com, 2019): Google Ads alone converts twice, Mailing alone once, Google
   * Ads then Mailing once, and Google Ads once without converting. Start to Google Ads 4/5, to
   * Mailing 1/5; Google Ads to conversion 2/4, to Mailing 1/4, to null 1/4; Mailing converts always.
   * P(conversion) = 0.8 * (0.5 + 0.25) + 0.2 = 0.8; without Google Ads 0.2 (removal effect 0.75),
   * without Mailing 0.8 * 0.5 = 0.4 (0.5). The four conversions are shared 0.6 : 0.4: 2.4 and 1.6.
   */
  @Test
  void markovOfThePublishedGoogleAdsAndMailingExample() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("1", day(0), "google ads", null);
    b.outcome("1", day(1), 10);
    b.touchpoint("2", day(0), "google ads", null);
    b.outcome("2", day(1), 10);
    b.touchpoint("3", day(0), "mailing", null);
    b.outcome("3", day(1), 10);
    b.touchpoint("4", day(0), "google ads", null);
    b.touchpoint("4", day(1), "mailing", null);
    b.outcome("4", day(2), 10);
    b.touchpoint("5", day(0), "google ads", null);
    Journeys js = b.build();
    MarkovModel m = AttributionModel.markov();
    assertThat(m.conversionProbability(js)).isCloseTo(0.8, within(1e-12));
    assertThat(m.removalEffects(js).get("google ads")).isCloseTo(0.75, within(1e-12));
    assertThat(m.removalEffects(js).get("mailing")).isCloseTo(0.5, within(1e-12));
    AttributionResult r = Attribution.run(js, m);
    assertThat(r.byChannel().stream().mapToDouble(ChannelCredit::conversions).toArray())
        .containsExactly(new double[] {2.4, 1.6}, within(1e-12));
    assertThat(r.byChannel().stream().mapToDouble(ChannelCredit::credit).toArray())
        .containsExactly(new double[] {24, 16}, within(1e-9));
  }

  /**
   * Order matters: A, B converts; C, B does not. First order: B leads to conversion half the time,
   * so removing A (or C) halves it: 0.5, 0.5 and 1 for B; shares 0.25, 0.5, 0.25. Second order:
   * the state (A, B) always converts and (C, B) never does, so removing C changes nothing (0),
   * removing A or B loses everything: shares 0.5, 0.5, 0.
   */
  @Test
  void secondOrderMarkovRemembersWhereAPathCameFrom() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("x", day(0), "A", null);
    b.touchpoint("x", day(1), "B", null);
    b.outcome("x", day(2), 100);
    b.touchpoint("y", day(0), "C", null);
    b.touchpoint("y", day(1), "B", null);
    Journeys js = b.build();
    assertThat(AttributionModel.markov(1).removalEffects(js)).containsExactly(Map.entry("A", 0.5), Map.entry("B", 1.0),
        Map.entry("C", 0.5));
    assertThat(byChannel(Attribution.run(js, AttributionModel.markov(1)))).containsExactly(Map.entry("A", 25.0),
        Map.entry("B", 50.0), Map.entry("C", 25.0));
    assertThat(AttributionModel.markov(2).removalEffects(js)).containsExactly(Map.entry("A", 1.0), Map.entry("B", 1.0),
        Map.entry("C", 0.0));
    assertThat(byChannel(Attribution.run(js, AttributionModel.markov(2)))).containsExactly(Map.entry("A", 50.0),
        Map.entry("B", 50.0));
  }

  @Test
  void markovWithLoopsConverges() {
    // A, A, B converts; A, B, A does not; B does not: a chain with a self-loop and a cycle
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("1", day(0), "A", null);
    b.touchpoint("1", day(1), "A", null);
    b.touchpoint("1", day(2), "B", null);
    b.outcome("1", day(3), 1);
    b.touchpoint("2", day(0), "A", null);
    b.touchpoint("2", day(1), "B", null);
    b.touchpoint("2", day(2), "A", null);
    b.touchpoint("3", day(0), "B", null);
    Journeys js = b.build();
    // by hand: start->A 2/3, start->B 1/3; A->A 1/4, A->B 2/4, A->null 1/4; B->conv 1/3, B->A 1/3, B->null 1/3
    // pA = 1/4 pA + 1/2 pB; pB = 1/3 + 1/3 pA  =>  pA = 2/3 pB, pB = 1/3 + 2/9 pB => pB = 3/7, pA = 2/7
    // P = 2/3 * 2/7 + 1/3 * 3/7 = 7/21 = 1/3; without A: 1/3 * 1/3 = 1/9 (RE 2/3); without B: 0 (RE 1)
    MarkovModel m = AttributionModel.markov();
    assertThat(m.conversionProbability(js)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.removalEffects(js).get("A")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.removalEffects(js).get("B")).isCloseTo(1.0, within(1e-12));
  }

  /**
   * Two channels by hand: journeys that saw only A convert at 0.2, only B at 0.1, both at 0.5.
   * Shapley: A = 1/2 (0.2 - 0) + 1/2 (0.5 - 0.1) = 0.3; B = 1/2 (0.1) + 1/2 (0.5 - 0.2) = 0.2. The
   * eight conversions are shared 3 : 2.
   */
  @Test
  void shapleyOfTwoChannelsByHand() {
    Journeys.Builder b = Journeys.builder();
    int id = 0;
    id = journeys(b, id, 10, 2, "A");
    id = journeys(b, id, 10, 1, "B");
    journeys(b, id, 10, 5, "A", "B");
    Journeys js = b.build();
    ShapleyModel s = AttributionModel.shapley();
    assertThat(s.values(js)).hasEntrySatisfying("A", v -> assertThat(v).isCloseTo(0.3, within(1e-12)))
        .hasEntrySatisfying("B", v -> assertThat(v).isCloseTo(0.2, within(1e-12)));
    AttributionResult r = Attribution.run(js, s);
    assertThat(r.byChannel().stream().mapToDouble(ChannelCredit::conversions).toArray())
        .containsExactly(new double[] {4.8, 3.2}, within(1e-12));
    assertThat(r.totalCredit()).isCloseTo(8 * 100.0, within(1e-9));
  }

  /**
   * Three channels by hand: rates {A} 0.1, {B} 0.2, {C} 0, {A,B} 0.4, {A,C} 0.3, {B,C} 0.2,
   * {A,B,C} 0.6. phi_A = 1/3 (0.1) + 1/6 (0.4 - 0.2) + 1/6 (0.3 - 0) + 1/3 (0.6 - 0.2) = 0.25.
   * phi_B = 1/3 (0.2) + 1/6 (0.4 - 0.1) + 1/6 (0.2 - 0) + 1/3 (0.6 - 0.3) = 0.25.
   * phi_C = 1/3 (0) + 1/6 (0.3 - 0.1) + 1/6 (0.2 - 0.2) + 1/3 (0.6 - 0.4) = 0.1.
   */
  @Test
  void shapleyOfThreeChannelsByHandExactAndSampled() {
    Journeys.Builder b = Journeys.builder();
    int id = 0;
    id = journeys(b, id, 10, 1, "A");
    id = journeys(b, id, 10, 2, "B");
    id = journeys(b, id, 10, 0, "C");
    id = journeys(b, id, 10, 4, "A", "B");
    id = journeys(b, id, 10, 3, "A", "C");
    id = journeys(b, id, 10, 2, "B", "C");
    journeys(b, id, 10, 6, "A", "B", "C");
    Journeys js = b.build();
    Map<String, Double> exact = AttributionModel.shapley().values(js);
    assertThat(exact.get("A")).isCloseTo(0.25, within(1e-12));
    assertThat(exact.get("B")).isCloseTo(0.25, within(1e-12));
    assertThat(exact.get("C")).isCloseTo(0.1, within(1e-12));
    ShapleyModel sampled = AttributionModel.shapley().withExactLimit(0).withSamples(20_000).withSeed(7);
    Map<String, Double> estimate = sampled.values(js);
    for (String c : List.of("A", "B", "C")) {
      assertThat(estimate.get(c)).isCloseTo(exact.get(c), within(0.01));
    }
    assertThat(sampled.values(js)).isEqualTo(estimate);   // the same seed, the same answer
    assertThat(sampled.withSeed(8).values(js)).isNotEqualTo(estimate);
    // the values add up to the worth of all channels together
    assertThat(estimate.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void shapleyRefusesMoreThanSixtyFourChannels() {
    Journeys.Builder b = Journeys.builder();
    for (int c = 0; c < 65; c++) {
      b.touchpoint("j" + c, T0, "ch" + c, null);
    }
    Journeys js = b.build();
    assertThatThrownBy(() -> Attribution.run(js, AttributionModel.shapley()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64 channels, found 65");
  }

  @Test
  void modelsByNameAndTheirDescriptions() {
    for (String n : AttributionModel.NAMES) {
      assertThat(AttributionModel.named(n).name()).isEqualTo(n);
    }
    assertThat(AttributionModel.named("time_decay").description()).isEqualTo("time_decay(half-life 7d)");
    assertThat(AttributionModel.positionBased().withLookback(Duration.ofDays(90)).description())
        .isEqualTo("position(0.4/0.2/0.4, lookback 90d)");
    assertThat(AttributionModel.markov(2).description()).isEqualTo("markov(order 2)");
    assertThatThrownBy(() -> AttributionModel.named("u_shaped")).hasMessageContaining("expected one of [first, last");
    assertThatThrownBy(() -> AttributionModel.markov(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttributionModel.timeDecay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttributionModel.positionBased(0.7, 0.7)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttributionModel.linear().withLookback(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Adds {@code count} journeys through {@code channels} (a day apart), {@code converted} of them converting for 100. */
  static int journeys(Journeys.Builder b, int firstId, int count, int converted, String... channels) {
    Map<String, Integer> unused = new HashMap<>();
    unused.put("x", 0);
    for (int i = 0; i < count; i++) {
      String id = "j" + (firstId + i);
      for (int k = 0; k < channels.length; k++) {
        b.touchpoint(id, day(k), channels[k], null);
      }
      if (i < converted) {
        b.outcome(id, day(channels.length), 100);
      }
    }
    return firstId + count;
  }
}
