package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeCommandTest {

  private static final String LEADS = String.join("\n",
      "id,first_name,last_name,email,phone,city",
      "1,Bob,Smith,bob.smith+promo@gmail.com,+1 415 555 0101,San Francisco",
      "2,Robert,Smyth,bobsmith@gmail.com,(415) 555-0101,San Francisco",
      "3,Alice,Jones,alice@acme.com,415 555 0199,Oakland",
      "4,Olivia,Garcia,olivia.garcia@corp1.com,212 555 1001,New York",
      "5,Liam,Miller,liam.miller@corp2.com,212 555 1002,Boston",
      "6,Emma,Davis,emma.davis@corp3.com,212 555 1003,Chicago",
      "7,Noah,Lopez,noah.lopez@corp4.com,212 555 1004,Denver",
      "8,Ava,Wilson,ava.wilson@corp5.com,212 555 1005,Austin",
      "9,Ethan,Anderson,ethan.anderson@corp6.com,212 555 1006,Seattle",
      "10,Mia,Taylor,mia.taylor@corp7.com,212 555 1007,Portland",
      "11,Lucas,Moore,lucas.moore@corp8.com,212 555 1008,Miami",
      "12,Alicia,Jones,alice@acme.com,4155550199,Oakland",
      "");

  @Test
  void dedupesWithoutConfigAndWritesClustersPairsAndGolden(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS, StandardCharsets.UTF_8);
    Path clusters = dir.resolve("clusters.csv");
    Path pairs = dir.resolve("pairs.csv");
    Path golden = dir.resolve("golden.csv");
    CliRun r = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "-o", clusters.toString(),
        "--pairs", pairs.toString(), "--golden", golden.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(clusters);
    assertThat(rows).hasSize(13).first().isEqualTo("id,cluster_id");
    assertThat(rows).contains("1,1", "2,1", "3,12", "12,12", "4,4");
    assertThat(Files.readString(pairs)).contains("email exact");
    assertThat(Files.readString(golden)).startsWith("cluster_id,record_count,lineage").contains("1,2,1 2");
    assertThat(r.err()).contains("inferred fields", "12 records read");
  }

  /** Writes the leads as two sources: crm.csv with ids 1, 3-7 and web.csv with ids 2, 8-12. */
  private static void splitLeads(Path crm, Path web) throws Exception {
    String[] lines = LEADS.split("\n");
    Files.writeString(crm, String.join("\n", lines[0], lines[1], lines[3], lines[4], lines[5], lines[6], lines[7]) + "\n");
    Files.writeString(web, String.join("\n", lines[0], lines[2], lines[8], lines[9], lines[10], lines[11], lines[12]) + "\n");
  }

  @Test
  void linksTwoInputsWithSourceColumn(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("crm.csv");
    Path b = dir.resolve("web.csv");
    splitLeads(a, b);
    Path clusters = dir.resolve("clusters.csv");
    CliRun r = CliRun.mops("dedupe", "-i", a.toString(), "-i", b.toString(), "--id-column", "id", "--link-only",
        "-o", clusters.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(clusters);
    assertThat(rows).first().isEqualTo("source,id,cluster_id");
    assertThat(rows).contains("crm.csv,1,crm.csv:1", "web.csv,2,crm.csv:1", "web.csv,12,crm.csv:3");
  }

  @Test
  void configErrorsAndBadArgumentsAreOneLine(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS, StandardCharsets.UTF_8);
    Path cfg = dir.resolve("d.yaml");
    Files.writeString(cfg, "fields:\n  - field: email\n    kind: emial\nblocking:\n  keys: [[email]]\n");
    CliRun r = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "--config", cfg.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("d.yaml:3", "unknown field kind 'emial'");
    CliRun link = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "--link-only");
    assertThat(link.code()).isEqualTo(2);
    assertThat(link.err()).contains("--link-only needs two inputs");
  }

  @Test
  void trainsFromALabelsFileAndReportsBadLabels(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS, StandardCharsets.UTF_8);
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, String.join("\n",
        "id_a,id_b,match",
        "1,2,1", "3,12,yes", "4,5,0", "6,7,false", "8,9,non-match", "10,11,no", "2,12,0",
        "1,99,1",          // unknown id
        "5,5,0",           // a record with itself
        "6,8,maybe",       // unreadable
        ""), StandardCharsets.UTF_8);
    Path clusters = dir.resolve("clusters.csv");
    CliRun r = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "--labels", labels.toString(),
        "-o", clusters.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains(
        "LABEL_UNKNOWN_ID: labelled pair (1, 99): no record has id '99'",
        "LABEL_SAME_RECORD",
        "LABEL_UNREADABLE", "'maybe'",
        "trained from 7 labelled pairs (2 matches, 5 non-matches); 3 skipped");
    // two matches are under the minimum: m falls back to the unlabelled estimate, and says so
    assertThat(r.err()).contains("LABEL_TOO_FEW");
    assertThat(Files.readAllLines(clusters)).contains("1,1", "2,1", "3,12", "12,12");
    // label findings count for --fail-on like every other finding
    CliRun failing = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "--labels", labels.toString(),
        "-o", clusters.toString(), "--fail-on", "warning");
    assertThat(failing.code()).isEqualTo(1);
  }

  @Test
  void readsSplinkLabelsAndRefusesABadHeader(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS, StandardCharsets.UTF_8);
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, String.join("\n",
        "unique_id_l,source_dataset_l,unique_id_r,source_dataset_r,clerical_match_score",
        "1,leads,2,leads,0.9", "3,leads,12,leads,1.0", "4,leads,5,leads,0.0", "6,leads,7,leads,0.1",
        "8,leads,9,leads,0", "10,leads,11,leads,0.2", "1,leads,12,leads,1.5",
        ""), StandardCharsets.UTF_8);
    CliRun r = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "--labels", labels.toString(),
        "-o", dir.resolve("c.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("trained from 6 labelled pairs (2 matches, 4 non-matches); 1 skipped",
        "LABEL_UNREADABLE", "'1.5' is not a number in [0, 1]");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "left,right,label\n1,2,1\n", StandardCharsets.UTF_8);
    CliRun refused = CliRun.mops("dedupe", "-i", in.toString(), "--id-column", "id", "--labels", bad.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--labels: ", "a labels file needs id_a,id_b,match or unique_id_l,unique_id_r,clerical_match_score");
  }

  @Test
  void labelsAcrossSeveralInputsAreFileColonId(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("crm.csv");
    Path b = dir.resolve("web.csv");
    splitLeads(a, b);
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, String.join("\n", "id_a,id_b,match",
        "crm.csv:1,web.csv:2,1", "crm.csv:3,web.csv:12,1", "crm.csv:4,web.csv:8,0", "crm.csv:5,web.csv:9,0",
        "crm.csv:6,web.csv:10,0", "1,2,1", ""));
    CliRun r = CliRun.mops("dedupe", "-i", a.toString(), "-i", b.toString(), "--id-column", "id", "--link-only",
        "--labels", labels.toString(), "-o", dir.resolve("c.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("trained from 5 labelled pairs (2 matches, 3 non-matches); 1 skipped",
        "no record has id '1'", "label ids are written FILE:ID");
  }

  @Test
  void savesAModelAndScoresWithItWithoutReestimating(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, LEADS, StandardCharsets.UTF_8);
    Path model = dir.resolve("model.json");
    Path first = dir.resolve("first.csv");
    CliRun r = CliRun.mops("dedupe", "-i", in.toString(), "-o", first.toString(), "--save-model", model.toString(),
        "--explain-blocking");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(model)).startsWith("{").contains("\"format\": \"mops-dedupe-model\"", "\"config_hash\"");
    assertThat(r.err()).contains("blocking: ", " passes, ", "records with a key");
    Path second = dir.resolve("second.csv");
    CliRun again = CliRun.mops("dedupe", "-i", in.toString(), "-o", second.toString(), "--model", model.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("not re-estimated");
    assertThat(Files.readAllLines(second)).isEqualTo(Files.readAllLines(first));
    // A model of other fields is a usage error.
    Path other = dir.resolve("other.csv");
    Files.writeString(other, "id,email\n1,a@x.com\n2,a@x.com\n");
    CliRun refused = CliRun.mops("dedupe", "-i", other.toString(), "-o", dir.resolve("o.csv").toString(),
        "--model", model.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("trained with another config");
  }
}
