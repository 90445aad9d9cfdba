package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.testkit.SyntheticLeads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example job runs end to end in local mode, on the example files of the repository. */
class ExampleJobTest {

  static final String CONTRACT = """
      contract: scoring-leads
      version: 1
      fields:
        id: {type: string, required: true, unique: true}
        email: {type: email, required: true}
        country: {type: country, required: true}
        employees: {type: integer, min: 1}
      """;

  @Test
  void scoresChecksProfilesAndDedupesTheExampleLeads(@TempDir Path tmp) throws Exception {
    Path dir = LocalSpark.repo().resolve("examples/scoring");
    Files.writeString(tmp.resolve("contract.yaml"), CONTRACT);
    Files.writeString(tmp.resolve("dedupe.yaml"), SyntheticLeads.configYaml());
    Path out = tmp.resolve("out");
    String summary = ExampleJob.run(LocalSpark.session(), ExampleJob.arguments(new String[] {
        "--leads", dir.resolve("leads.csv").toString(), "--events", dir.resolve("events.csv").toString(),
        "--model", dir.resolve("model.yaml").toString(), "--contract", tmp.resolve("contract.yaml").toString(),
        "--dedupe", tmp.resolve("dedupe.yaml").toString(), "--as-of", "2026-01-31T00:00:00Z",
        "--output", out.toString(),
        "--observations", LocalSpark.repo().resolve("examples/identity/observations.csv").toString(),
        "--stitch", LocalSpark.repo().resolve("examples/identity/identity.yaml").toString()}));
    long leads = LocalSpark.csv(dir.resolve("leads.csv")).count();
    assertThat(summary).contains("leads scored " + leads, "threshold mql:", "quality score", "dedupe: " + leads + " records");
    Dataset<Row> scored = LocalSpark.session().read().json(out.resolve("scored").toString());
    assertThat(scored.count()).isEqualTo(leads);
    assertThat(scored.columns()).contains("score", "score_findings", "violations", "contract_valid");
    assertThat(Files.readString(out.resolve("quality-report.json"))).contains("scoring-leads");
    assertThat(LocalSpark.session().read().json(out.resolve("clusters").toString()).count()).isEqualTo(leads);
    assertThat(Files.readString(out.resolve("summary.txt"))).isEqualTo(summary);
    // As `mops stitch` on the same files (docs/stitching.md): 28 identifiers in 9 profiles, 1 merge.
    assertThat(summary).contains("stitch: 21 observations, 28 identifiers in 9 profiles, stitching rate 0.929, 1 merges,"
        + " 9 refused, 2 suspected junk");
    assertThat(ExampleJob.arguments(new String[] {"--as-of", "x"})).isEqualTo(Map.of("as-of", "x"));
  }
}
