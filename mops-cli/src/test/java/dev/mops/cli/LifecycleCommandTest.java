package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCommandTest {

  static final Path EXAMPLES = Path.of("..", "examples", "lifecycle");
  static final String AS_OF = "2026-02-01T00:00:00Z";

  @TempDir Path dir;

  String ex(String f) {
    return EXAMPLES.resolve(f).toString();
  }

  String p(String f) {
    return dir.resolve(f).toString();
  }

  CliRun stageExample(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("lifecycle", "--model", ex("lifecycle.yaml"), "--input",
        ex("leads.csv"), "--history", ex("transitions.csv"), "--stage-column", "crm_stage", "--as-of", AS_OF,
        "--output", p("staged.csv")));
    args.addAll(List.of(extra));
    return CliRun.mops(args.toArray(String[]::new));
  }

  @Test
  void stagesTheExampleLeadsWithTheTransitionAndWhy() throws IOException {
    CliRun run = stageExample("--funnel", p("funnel.json"), "--html", p("funnel.html"));
    assertThat(run.code()).as(run.err()).isZero();
    List<String> rows = Files.readAllLines(dir.resolve("staged.csv"));
    assertThat(rows).hasSize(121).as("every lead accounted for");
    assertThat(rows.get(0)).endsWith(",opportunity_stage,previous_stage,stage,transition,why");
    assertThat(rows).anyMatch(r -> r.startsWith("L-0009,") && r.endsWith(
        ",subscriber,mql,advance,entry criteria of 'mql' met: mql eq true: actual 'true' -> true"));
    assertThat(rows).anyMatch(r -> r.startsWith("L-0001,") && r.endsWith(
        ",mql,mql,,entry criteria of 'sal' not met: sales_accepted eq true: actual 'false' -> false"));
    assertThat(rows).anyMatch(r -> r.startsWith("L-0119,") && r.contains(",,,,history: transition 1 leaves 'sql'"));
    assertThat(run.err())
        .contains("lifecycle: 120 leads staged with lifecycle.yaml 2026.2 (sha256:")
        .contains("66 moved now; 1 with a history problem")
        .contains("line 120: error LIFECYCLE_HISTORY: lead L-0119")
        .contains("stages: subscriber=7 lead=66 mql=21 sal=12 sql=3 opportunity=3 customer=2 disqualified=5");
    String json = Files.readString(dir.resolve("funnel.json"));
    assertThat(json).contains("\"leads\": 119,")
        .contains("{\"stage\": \"mql\", \"in_funnel\": true, \"reached\": 44, \"conversion_from_previous\": 0.3929")
        .contains("{\"month\": \"2025-08\", \"leads\": 23");
    String html = Files.readString(dir.resolve("funnel.html"));
    assertThat(html).contains("<svg").contains("Cohorts by month").doesNotContain("<script").doesNotContain("src=");
  }

  @Test
  void theHistoryOutputIsTheNextRunsHistoryAndNothingMovesTwice() throws IOException {
    CliRun first = stageExample("--history-output", p("history.csv"));
    assertThat(first.code()).as(first.err()).isZero();
    List<String> hist = Files.readAllLines(dir.resolve("history.csv"));
    assertThat(hist.get(0)).isEqualTo("lead_id,from,to,at,kind,reason");
    assertThat(hist).contains("L-0009,subscriber,mql," + AS_OF + ",ADVANCE,");
    assertThat(hist).as("the broken history is copied as it was").contains("L-0119,sql,customer,2026-01-20T10:00:00Z,ADVANCE,");
    CliRun second = CliRun.mops("lifecycle", "--model", ex("lifecycle.yaml"), "--input", ex("leads.csv"), "--history",
        p("history.csv"), "--stage-column", "crm_stage", "--as-of", "2026-02-02T00:00:00Z", "--output", p("again.csv"));
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.err()).contains("; 0 moved now");
    assertThat(Files.readAllLines(dir.resolve("again.csv"))).anyMatch(r -> r.startsWith("L-0009,") && r.contains(",mql,mql,,"));
  }

  @Test
  void aBadModelFailsWithItsPositionAndAMissingColumnIsNamed() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(EXAMPLES.resolve("lifecycle.yaml")).replace("field: sales_accepted", "field: sales_acepted"));
    CliRun run = CliRun.mops("lifecycle", "--model", bad.toString(), "--input", ex("leads.csv"), "--as-of", AS_OF,
        "--output", p("x.csv"));
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).containsPattern("bad\\.yaml:\\d+:\\d+").contains("sales_acepted");
    CliRun noColumn = CliRun.mops("lifecycle", "--model", ex("lifecycle.yaml"), "--input", ex("leads.csv"), "--as-of",
        AS_OF, "--stage-column", "lifecycle_stage", "--output", p("y.csv"));
    assertThat(noColumn.code()).isEqualTo(ExitCode.USAGE);
    assertThat(noColumn.err()).contains("lifecycle_stage");
  }
}
