package dev.mops.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps docs/scoring.md true: its example model is the example file, and its Java example runs as shown. */
class GuideExampleTest {

  static final Path GUIDE = Path.of("..", "docs", "scoring.md");

  @Test
  void guideShowsTheCompleteExampleModel() throws Exception {
    String guide = Files.readString(GUIDE);
    String model = Files.readString(Fixtures.EXAMPLE);
    assertThat(guide).contains("```yaml\n" + model + "```");
  }

  @Test
  void guideJavaExampleGivesWhatItSays() throws Exception {
    ScoringModel model = ScoringModel.load(Fixtures.EXAMPLE);
    Instant now = Instant.parse("2026-01-31T00:00:00Z");
    Record lead = Records.of(Map.of("email", "ana@acme.io", "title", "VP Marketing",
        "employees", "450", "industry", "SaaS", "country", "US"));
    List<Record> events = List.of(
        Records.of(Map.of("type", "page_view", "timestamp", "2026-01-30T10:00:00Z", "url", "/pricing")),
        Records.of(Map.of("type", "form_fill", "timestamp", "2026-01-29T09:00:00Z", "form", "demo")));
    List<Finding> findings = new ArrayList<>();
    LeadScore score = model.scorer().score(lead, events, now, findings::add);
    assertThat(findings).isEmpty();
    assertThat(score.score("fit")).isEqualTo(70.0);
    assertThat(score.grade()).isEqualTo("A2");
    assertThat(score.threshold("mql")).isTrue();
    assertThat(score.score("total")).isCloseTo(128.74, within(0.01));
    assertThat(score.modelVersion()).isEqualTo("2026.1");
    ScoreExplanation why = model.scorer().explain(lead, events, now, FindingSink.IGNORE);
    assertThat(why.describe()).contains("fit/seniority/vp_or_head: 1 x -> 25 before decay");
    BatchScorer batch = model.scorer().batch();
    ArrayRow row = model.leadRow(lead, FindingSink.IGNORE);
    List<ArrayRow> eventRows = new ArrayList<>();
    for (Record e : events) {
      eventRows.add(model.eventRow(e, FindingSink.IGNORE));
    }
    assertThat(batch.score(row, eventRows, now)).isEqualTo(score);
  }

  @Test
  void guideLifecycleExampleLoadsAndBehavesAsShown() throws Exception {
    String guide = Files.readString(GUIDE);
    String section = guide.substring(guide.indexOf("## Lifecycle stages"));
    String yaml = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", section.indexOf("```yaml\n") + 8));
    dev.mops.core.record.Schema facts = dev.mops.core.record.Schema.builder()
        .field("email", dev.mops.core.record.ValueType.STRING).field("mql", dev.mops.core.record.ValueType.BOOLEAN)
        .field("accepted_by_sales", dev.mops.core.record.ValueType.BOOLEAN).build();
    var life = dev.mops.scoring.lifecycle.LifecycleModel.from(
        dev.mops.core.config.ConfigLoader.standard().loadString("lifecycle.yaml", yaml), facts);
    Instant now = Instant.parse("2026-01-31T00:00:00Z");
    ArrayRow factsRow = ArrayRow.of(facts, "a@b.c", true, false);
    var d = life.advance("Subscriber", factsRow, now);
    assertThat(d.stage()).isEqualTo("MQL");
    assertThat(life.moveTo("MQL", "SAL", factsRow, now).refused()).isTrue();
    assertThat(life.moveTo("SQL", "MQL", null, now).refusal()).startsWith("moves are forward-only: ");
    assertThat(life.recycle("SQL", "bad_timing", now).stage()).isEqualTo("Nurture");
    assertThat(life.disqualify("MQL", "competitor", now).stage()).isEqualTo("Junk");
  }
}
