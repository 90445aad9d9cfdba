package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.FindingSink;
import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.scoring.LeadScore;
import dev.mops.scoring.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Scoring on Spark gives, lead by lead, the score the library gives on one machine. */
class SparkScoringTest {

  static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");

  @Test
  void scoresWithEventsEqualTheLibrarysScores() throws Exception {
    Path dir = LocalSpark.repo().resolve("examples/scoring");
    Dataset<Row> leads = LocalSpark.csv(dir.resolve("leads.csv")).repartition(3);
    Dataset<Row> events = LocalSpark.csv(dir.resolve("events.csv"));
    Dataset<Row> scored = MopsSpark.scoring(dir.resolve("model.yaml")).asOf(NOW).events(events, "lead_id")
        .leadId("id").explain(true).apply(leads);
    List<Row> rows = scored.collectAsList();
    assertThat(rows).hasSize((int) leads.count());

    ScoringModel model = ScoringModel.load(dir.resolve("model.yaml"));
    Map<String, List<Record>> eventsOf = new HashMap<>();
    for (Row e : events.collectAsList()) {
      eventsOf.computeIfAbsent(e.getAs("lead_id"), k -> new ArrayList<>()).add(record(e));
    }
    int compared = 0;
    for (Row r : rows) {
      LeadScore expected = model.scorer().score(record(r), eventsOf.getOrDefault(r.<String>getAs("id"), List.of()), NOW,
          FindingSink.IGNORE);
      Row score = r.getAs("score");
      Row scores = score.getAs("scores");
      for (String name : model.scoreNames()) {
        assertThat(scores.<Double>getAs(name)).as("%s of %s", name, r.getAs("id")).isEqualTo(expected.score(name));
      }
      assertThat(score.<String>getAs("grade")).isEqualTo(expected.grade());
      Row thresholds = score.getAs("thresholds");
      for (String t : model.thresholdNames()) {
        assertThat(thresholds.<Boolean>getAs(t)).isEqualTo(expected.threshold(t));
      }
      assertThat(score.<String>getAs("model_hash")).isEqualTo(model.contentHash());
      Row explanation = r.getAs("score_explanation");
      assertThat(explanation.<String>getAs("json")).isEqualTo(
          model.scorer().explain(record(r), eventsOf.getOrDefault(r.<String>getAs("id"), List.of()), NOW, FindingSink.IGNORE).toJson());
      compared++;
    }
    assertThat(compared).isGreaterThan(10);
  }

  @Test
  void badValuesAreFindingsAndBadModelsFailOnTheDriver() throws Exception {
    Path dir = LocalSpark.repo().resolve("examples/scoring");
    String yaml = Files.readString(dir.resolve("model.yaml"));
    Dataset<Row> leads = LocalSpark.session().sql("select 'X-1' as id, 'lots' as employees, 'VP Marketing' as title");
    Row r = MopsSpark.score(leads, yaml, NOW).first();
    List<Row> findings = r.getList(r.fieldIndex("score_findings"));
    assertThat(findings).extracting(f -> f.getString(0) + ":" + f.getString(1)).contains("NOT_A_NUMBER:employees");
    assertThat(r.<Row>getAs("score")).isNotNull();

    assertThatThrownBy(() -> MopsSpark.score(leads, yaml.replace("groups:", "groupz:"), NOW))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> MopsSpark.score(leads.withColumnRenamed("title", "score"), yaml, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'score'");
  }

  static Record record(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (var f : r.schema().fields()) {
      Object v = r.getAs(f.name());
      if (v != null && f.dataType() instanceof org.apache.spark.sql.types.AtomicType) {
        m.put(f.name(), v);
      }
    }
    return Records.of(m);
  }
}
