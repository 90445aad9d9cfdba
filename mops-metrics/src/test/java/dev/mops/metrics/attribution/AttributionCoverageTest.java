package dev.mops.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.metrics.attribution.AttributionCoverage.Gap;
import dev.mops.metrics.attribution.AttributionCoverage.UncoveredDeal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributionCoverageTest {

  static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  static Journeys deals() {
    Journeys.Builder b = Journeys.builder();
    b.touchpoint("covered", day(0), "Paid Search", "spring-ppc");
    b.outcome("covered", day(5), 50_000);
    b.touchpoint("no-campaign", day(0), "Email", null);
    b.touchpoint("no-campaign", day(1), "Unassigned", "spring-ppc");   // a campaign, but on an invalid channel
    b.outcome("no-campaign", day(5), 30_000);
    b.touchpoint("bad-channel", day(1), "Unassigned", "(not set)");
    b.outcome("bad-channel", day(5), 15_000);
    b.outcome("no-touch", day(5), 5_000);
    b.touchpoint("too-old", day(0), "Paid Search", "spring-ppc");
    b.outcome("too-old", day(100), 10_000);
    b.touchpoint("lost", day(0), "Display", "spring-display");        // did not convert: not counted
    return b.build();
  }

  @Test
  void coverageIsTheShareOfConvertedValueWithAValidChannelAndCampaign() {
    AttributionCoverage c = AttributionCoverage.measure(deals(), Duration.ofDays(90));
    assertThat(c.conversions()).isEqualTo(5);
    assertThat(c.coveredConversions()).isEqualTo(1);
    assertThat(c.convertedValue()).isEqualTo(110_000.0);
    assertThat(c.coveredValue()).isEqualTo(50_000.0);
    assertThat(c.valueShare()).isEqualTo(50_000.0 / 110_000);
    assertThat(c.conversionShare()).isEqualTo(0.2);
    assertThat(c.uncovered(Gap.NO_CAMPAIGN)).isEqualTo(1);
    assertThat(c.uncovered(Gap.NO_VALID_CHANNEL)).isEqualTo(1);
    assertThat(c.uncovered(Gap.NO_TOUCHPOINTS)).isEqualTo(2);
    assertThat(c.uncoveredValue(Gap.NO_TOUCHPOINTS)).isEqualTo(15_000.0);
    assertThat(c.largestUncovered()).containsExactly(new UncoveredDeal("no-campaign", 30_000, Gap.NO_CAMPAIGN),
        new UncoveredDeal("bad-channel", 15_000, Gap.NO_VALID_CHANNEL), new UncoveredDeal("too-old", 10_000, Gap.NO_TOUCHPOINTS),
        new UncoveredDeal("no-touch", 5_000, Gap.NO_TOUCHPOINTS));
    // without a lookback the old deal is covered
    assertThat(AttributionCoverage.measure(deals(), null).coveredValue()).isEqualTo(60_000.0);
  }

  @Test
  void validityFromATaxonomyAndABoundedList() {
    Set<String> approved = Set.of("Paid Search", "Email");
    AttributionCoverage c = AttributionCoverage.measure(deals(), null, approved::contains, x -> !x.isEmpty(), 2);
    // Email has no campaign; "Unassigned"/"spring-ppc" is not approved: the no-campaign deal stays uncovered
    assertThat(c.coveredValue()).isEqualTo(60_000.0);
    assertThat(c.largestUncovered()).extracting(UncoveredDeal::journeyId).containsExactly("no-campaign", "bad-channel");
    assertThatThrownBy(() -> AttributionCoverage.measure(deals(), null, x -> true, x -> true, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultValidity() {
    assertThat(AttributionCoverage.isValidChannel("Organic Search")).isTrue();
    assertThat(AttributionCoverage.isValidChannel("Unassigned")).isFalse();
    assertThat(AttributionCoverage.isValidChannel(Journeys.NO_CHANNEL)).isFalse();
    assertThat(AttributionCoverage.isValidChannel("n/a")).isFalse();
    assertThat(AttributionCoverage.isValidCampaign("2026-q2_webinar_emea")).isTrue();
    assertThat(AttributionCoverage.isValidCampaign("(not set)")).isFalse();
    assertThat(AttributionCoverage.isValidCampaign("")).isFalse();
    assertThat(AttributionCoverage.measure(Journeys.builder().build(), null).valueShare()).isNaN();
  }
}
