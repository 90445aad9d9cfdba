package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeEvalCommandTest {

  private static final String LEADS = String.join("\n",
      "id,first_name,last_name,email,city",
      "1,Bob,Smith,bob.smith@gmail.com,San Francisco",
      "2,Robert,Smith,bob.smith@gmail.com,San Francisco",
      "3,Alice,Jones,alice@acme.com,Oakland",
      "4,Alicia,Jones,alice@acme.com,Oakland",
      "5,Emma,Davis,emma.davis@corp3.com,Chicago",
      "");

  @Test
  void scoresClustersAgainstEntitiesAndExplainsTheMistakes(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS);
    Path clusters = dir.resolve("clusters.csv");
    // 3 and 4 (one person) were split; 5 was wrongly joined to 1 and 2.
    Files.writeString(clusters, "id,cluster_id\n1,1\n2,1\n3,3\n4,4\n5,1\n");
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "id,entity_id\n1,bob\n2,bob\n3,alice\n4,alice\n5,emma\n");
    CliRun r = CliRun.mops("dedupe-eval", "--clusters", clusters.toString(), "--truth", truth.toString(),
        "-i", in.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // predicted 1-2, 1-5, 2-5; true 1-2, 3-4.
    assertThat(r.out()).contains("pairwise           precision 0.3333  recall 0.5000  F1 0.4000",
        "false links        2", "missed pairs       1", "clusters (B-cubed)", "clusters (exact)");
    assertThat(r.out()).contains("worst false links", "3 vs 4: ", "email");
    assertThat(r.out()).doesNotContain("give the input");
    // The true pairs by shared evidence: 1-2 share an email (found), 3-4 an email too (missed).
    assertThat(r.out()).contains("true pairs by the evidence their records share (2 pairs)",
        "recall over pairs with identifying evidence 0.5000", "missed pairs by the fields that agree");
  }

  @Test
  void theEvidenceBreakdownNeedsNoMistakesToList(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS);
    Path clusters = dir.resolve("clusters.csv");
    Files.writeString(clusters, "id,cluster_id\n1,1\n2,1\n3,3\n4,3\n5,5\n");
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "id,entity_id\n1,bob\n2,bob\n3,alice\n4,alice\n5,emma\n");
    CliRun r = CliRun.mops("dedupe-eval", "--clusters", clusters.toString(), "--truth", truth.toString(),
        "-i", in.toString(), "--top", "0", "--evidence-rows", "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("recall over pairs with identifying evidence 1.0000")
        .doesNotContain("missed pairs by the fields", "worst false links");
    CliRun bad = CliRun.mops("dedupe-eval", "--clusters", clusters.toString(), "--truth", truth.toString(),
        "--evidence-rows", "-1");
    assertThat(bad.code()).isEqualTo(2);
  }

  @Test
  void scoresAgainstLabelledPairsWithoutInput(@TempDir Path dir) throws Exception {
    Path clusters = dir.resolve("clusters.csv");
    Files.writeString(clusters, "id,cluster_id\n1,1\n2,1\n3,3\n4,4\n");
    Path truth = dir.resolve("labels.csv");
    Files.writeString(truth, "id_a,id_b,match\n1,2,1\n3,4,yes\n1,3,0\n");
    CliRun r = CliRun.mops("dedupe-eval", "--clusters", clusters.toString(), "--truth", truth.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("precision 1.0000  recall 0.5000", "missed pairs       1", "3 vs 4",
        "give the input").doesNotContain("B-cubed");
  }

  @Test
  void aClustersFileWithoutClusterIdIsAUsageError(@TempDir Path dir) throws Exception {
    Path clusters = dir.resolve("clusters.csv");
    Files.writeString(clusters, "id,group\n1,1\n");
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "id,entity_id\n1,a\n");
    CliRun r = CliRun.mops("dedupe-eval", "--clusters", clusters.toString(), "--truth", truth.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("expected id,cluster_id");
  }
}
