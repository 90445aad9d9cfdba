package dev.mops.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runnable example of docs/attribution.md, kept as a test so that the guide cannot rot. */
class AttributionGuideExampleTest {

  static final Path EXAMPLES = Path.of("..", "examples", "attribution");

  @Test
  void guideExampleWorksAsWritten() throws Exception {
    Journeys.Builder builder = Journeys.builder();
    List<Finding> findings = new ArrayList<>();
    try (RecordReader in = RecordReader.open(EXAMPLES.resolve("touches.csv"))) {
      for (InputRecord r; (r = in.next()) != null; ) {
        findings.addAll(builder.touchpoint(r.record()));     // bad rows become findings, never exceptions
      }
    }
    try (RecordReader in = RecordReader.open(EXAMPLES.resolve("outcomes.csv"))) {
      for (InputRecord r; (r = in.next()) != null; ) {
        findings.addAll(builder.outcome(r.record()));
      }
    }
    Journeys journeys = builder.build();
    assertThat(journeys.counts().touchpointsRejected()).isEqualTo(1);   // "last tuesday" is no timestamp
    assertThat(findings).extracting(Finding::code).containsExactly("MISSING_VALUE", "MISSING_VALUE", "MISSING_VALUE",
        "BAD_TIMESTAMP");

    AttributionModel model = AttributionModel.timeDecay(Duration.ofDays(7)).withLookback(Duration.ofDays(90));
    AttributionResult result = Attribution.run(journeys, model);
    assertThat(result.attributedValue()).isEqualTo(1_007_000.0);       // L-099 has no touchpoint: 35,000 unattributed
    assertThat(result.unattributedValue()).isEqualTo(35_000.0);
    assertThat(result.totalCredit()).isCloseTo(1_007_000.0, within(1e-6));
    assertThat(result.touchpoints(TouchUse.AFTER_CONVERSION)).isEqualTo(5);
    ChannelCredit webinar = result.byChannel().stream().filter(c -> c.channel().equals("Webinar")).findFirst().orElseThrow();
    assertThat(webinar.cost()).isEqualTo(3_600.0);
    assertThat(webinar.roi()).isCloseTo(webinar.credit() / 3_600.0 - 1, within(1e-12));

    MarkovModel markov = AttributionModel.markov();
    assertThat(markov.removalEffects(journeys)).containsKeys("Email", "Paid Search", "Webinar");
    AttributionCoverage coverage = AttributionCoverage.measure(journeys, Duration.ofDays(90));
    assertThat(coverage.valueShare()).isCloseTo(0.805, within(0.001));
    assertThat(coverage.largestUncovered().get(0).journeyId()).isEqualTo("L-033");
  }
}
