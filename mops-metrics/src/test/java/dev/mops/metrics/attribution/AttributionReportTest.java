package dev.mops.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionReportTest {

  @Test
  void onePageWithTheModelsSideBySide() {
    Journeys.Builder b = Journeys.builder();
    Instant t = Instant.parse("2026-04-01T00:00:00Z");
    for (int i = 0; i < 60; i++) {
      b.touchpoint("j" + i, t, i % 3 == 0 ? "Paid <Search>" : "Email", "c" + (i % 2));
      b.touchpoint("j" + i, t.plus(Duration.ofDays(1)), "ch" + (i % 25), null);
      if (i % 5 != 4) {
        b.outcome("j" + i, t.plus(Duration.ofDays(2)), 100 + i);
      }
    }
    b.outcome("orphan", t, 999);
    Journeys js = b.build();
    List<AttributionResult> results = new ArrayList<>();
    for (AttributionModel m : List.of(AttributionModel.firstTouch(), AttributionModel.linear(), AttributionModel.markov())) {
      results.add(Attribution.run(js, m));
    }
    String html = AttributionReport.builder(results).title("Q2 & more").source("touches.csv").coverage(
        AttributionCoverage.measure(js, null)).build().toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Q2 &amp; more", "Paid &lt;Search&gt;",
        "(other channels)", "Largest uncovered deals", "orphan", "markov(order 1)");
    assertThat(html).doesNotContain("<script", "src=", "href=", "<link", "@import", "Paid <Search>");
    assertThatThrownBy(() -> AttributionReport.builder(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
