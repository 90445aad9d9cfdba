package dev.mops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import dev.mops.core.time.BusinessCalendar;
import dev.mops.metrics.ops.IncidentTimeline;
import dev.mops.metrics.sla.SlaEvaluator;
import dev.mops.metrics.sla.SlaEvent;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaResult;
import dev.mops.metrics.sla.SlaState;
import dev.mops.metrics.sla.SlaSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runnable example of docs/metrics.md, kept as a test so that the guide cannot rot. */
class MetricsGuideExampleTest {

  static final Path EXAMPLES = Path.of("..", "examples", "metrics");

  @Test
  void guideExampleWorksAsWritten() {
    BusinessCalendar ny = BusinessCalendar.load(EXAMPLES.resolve("calendar-us.yaml"));
    Instant created = Instant.parse("2026-06-12T19:00:00Z");                  // Friday 15:00 in New York
    Instant now = Instant.parse("2026-06-15T15:00:00Z");                      // Monday 11:00
    assertThat(ny.businessDuration(created, now)).isEqualTo(Duration.ofHours(3)); // 1 h Friday, 2 h Monday
    assertThat(ny.dueTime(created, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-06-15T16:00:00Z")); // Monday 12:00
    assertThat(ny.isOpen(Instant.parse("2026-06-15T16:30:00Z"))).isFalse();  // lunch
    assertThat(ny.nextOpening(Instant.parse("2026-07-02T21:00:00Z")))       // Thursday 17:00 before the 4th of July
        .isEqualTo(Instant.parse("2026-07-06T13:00:00Z"));                    // Monday 09:00 (Friday 3rd is observed)

    SlaPolicy policy = SlaPolicy.load(EXAMPLES.resolve("sla.yaml"));
    SlaEvaluator sla = policy.evaluator(Schema.of("id", "class", "priority", "team"));
    ArrayRow request = sla.schema().row(Records.of(Map.of("id", "R-7", "class", "simple", "priority", "normal", "team", "us")));
    SlaResult r = sla.evaluate(request, List.of(SlaEvent.start(created)), now);
    assertThat(r.goal().name()).isEqualTo("simple");                         // the catch-all: 8 business hours
    assertThat(r.state()).isEqualTo(SlaState.RUNNING);                       // 3 of 8 h used
    assertThat(r.remaining()).isEqualTo(Duration.ofHours(5));
    assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-06-15T21:00:00Z"));  // Monday 17:00

    SlaSummary summary = new SlaSummary(now);
    summary.add("simple", r, created, null, null, null);
    assertThat(summary.open("simple")).isEqualTo(1);
    assertThat(summary.backlogAging("simple")).isEqualTo(0.0);
  }

  @Test
  void operatingMetricsExampleWorksAsWritten() {
    IncidentTimeline sync = new IncidentTimeline()
        .add(Instant.parse("2026-06-03T10:00:00Z"), Instant.parse("2026-06-03T12:00:00Z"))
        .add(Instant.parse("2026-06-03T11:00:00Z"), Instant.parse("2026-06-03T14:00:00Z"));
    IncidentTimeline.Availability june = sync.over(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(june.uptime()).isCloseTo(0.99444, org.assertj.core.api.Assertions.within(1e-5));
    assertThat(june.mttr()).isEqualTo(Duration.ofHours(4));
  }
}
