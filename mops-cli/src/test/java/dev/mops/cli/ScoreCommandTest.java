package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

  static final Path EXAMPLES = Path.of("..", "examples", "scoring");
  static final String AS_OF = "2026-01-31T00:00:00Z";

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void copyExamples() throws IOException {
    for (String f : List.of("model.yaml", "leads.csv", "events.csv")) {
      Files.copy(EXAMPLES.resolve(f), dir.resolve(f));
    }
  }

  int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  String p(String name) {
    return dir.resolve(name).toString();
  }

  List<String> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name));
  }

  @Test
  void scoresTheExampleLeads() throws IOException {
    int code = run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--events", p("events.csv"),
        "--as-of", AS_OF, "--output", p("scored.csv"));
    assertThat(code).as(err.toString()).isEqualTo(0);
    List<String> rows = lines("scored.csv");
    assertThat(rows).hasSize(61);
    assertThat(rows.get(0)).endsWith(",tags,fit,engagement,total,grade,mql,hot");
    // L-0003: Head of Growth (25), 80 employees (10), Software (10), US (15), abm (10) = 70; no events
    assertThat(rows).anyMatch(r -> r.startsWith("L-0003,") && r.endsWith(",70,0,70,A4,false,false"));
    assertThat(rows.stream().filter(r -> r.endsWith(",true,false") || r.endsWith(",true,true")).count()).isEqualTo(4);
    assertThat(err.toString())
        .contains("score: 60 leads scored with acme-b2b 2026.1")
        .contains("as of 2026-01-31T00:00:00Z; 571 events (1 lead ids in the events are not in the input)")
        .contains("mql: 4 of 60")
        .contains("line 14: error NOT_A_NUMBER: expected a number in 'employees' (value 'n/a')")
        .contains("line 570: error NOT_AN_INSTANT");
  }

  @Test
  void explainAddsAJsonColumnWithEveryRuleThatFired() throws IOException {
    int code = run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--events", p("events.csv"),
        "--as-of", AS_OF, "--output", p("scored.jsonl"), "--explain");
    assertThat(code).isEqualTo(0);
    String first = lines("scored.jsonl").get(2);
    assertThat(first).contains("\"id\":\"L-0003\"").contains("\"explanation\":\"{\\\"model\\\":\\\"acme-b2b\\\"")
        .contains("\\\"rule\\\":\\\"vp_or_head\\\",\\\"occurrences\\\":1,\\\"before_decay\\\":25");
  }

  @Test
  void sameInputAndAsOfGiveTheSameOutput() throws IOException {
    run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--events", p("events.csv"), "--as-of", AS_OF,
        "--output", p("a.csv"));
    run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--events", p("events.csv"), "--as-of", AS_OF,
        "--output", p("b.csv"));
    assertThat(lines("a.csv")).isEqualTo(lines("b.csv"));
  }

  @Test
  void findingsCanFailTheRun() {
    int code = run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--as-of", AS_OF,
        "--output", p("s.csv"), "--fail-on", "error");
    assertThat(code).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void badModelIsAOneLineUsageErrorWithPosition() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), Files.readString(dir.resolve("model.yaml")).replace("points: 30", "pionts: 30"));
    int code = run("score", "--model", p("bad.yaml"), "--input", p("leads.csv"), "--as-of", AS_OF, "--output", p("s.csv"));
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString().strip())
        .matches("mops score: .*bad\\.yaml:\\d+:\\d+: at scores\\[0\\]\\.groups\\[0\\]\\.rules\\[0\\]\\.pionts: unknown key 'pionts'.*");
  }

  @Test
  void eventsWithoutTheNeededColumnsAreAUsageError() throws IOException {
    Files.writeString(dir.resolve("ev.csv"), "lead,type,when\nL-0001,page_view,2026-01-01T00:00:00Z\n");
    int code = run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--events", p("ev.csv"),
        "--as-of", AS_OF, "--output", p("s.csv"));
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("lacks the column(s) [lead_id, timestamp]");
  }

  @Test
  void asOfIsRequiredAndChecked() {
    assertThat(run("score", "--model", p("model.yaml"), "--input", p("leads.csv"))).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--as-of");
    assertThat(run("score", "--model", p("model.yaml"), "--input", p("leads.csv"), "--as-of", "soon", "--output", p("s.csv")))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void scoreDiffPrintsTheImpactOfAChange() throws IOException {
    Files.writeString(dir.resolve("new.yaml"), Files.readString(dir.resolve("model.yaml"))
        .replace("gte: {field: total, value: 100}", "gte: {field: total, value: 80}")
        .replace("version: \"2026.1\"", "version: \"2026.2\""));
    int code = run("score-diff", "--old", p("model.yaml"), "--new", p("new.yaml"), "--input", p("leads.csv"),
        "--events", p("events.csv"), "--as-of", AS_OF);
    assertThat(code).as(err.toString()).isEqualTo(0);
    assertThat(out.toString())
        .contains("model acme-b2b 2026.1")
        .contains("-> acme-b2b 2026.2")
        .contains("leads compared: 60")
        .contains("grade changes: 0 (0.0%)")
        .containsPattern("threshold mql: [1-9]\\d* entered, 0 left")
        .contains("mean change in total: +0.00");
  }

  @Test
  void scoreDiffJsonIsOneObjectWithTheSameFacts() throws IOException {
    Files.writeString(dir.resolve("new.yaml"), Files.readString(dir.resolve("model.yaml"))
        .replace("gte: {field: total, value: 100}", "gte: {field: total, value: 80}")
        .replace("version: \"2026.1\"", "version: \"2026.2\""));
    int code = run("score-diff", "--old", p("model.yaml"), "--new", p("new.yaml"), "--input", p("leads.csv"),
        "--events", p("events.csv"), "--as-of", AS_OF, "--json");
    assertThat(code).as(err.toString()).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(out.toString());
    assertThat(doc.path("diff").asText()).isEqualTo("score-diff");
    assertThat(doc.path("old").path("version").asText()).isEqualTo("2026.1");
    assertThat(doc.path("new").path("version").asText()).isEqualTo("2026.2");
    assertThat(doc.path("same_content").asBoolean()).isFalse();
    assertThat(doc.path("as_of").asText()).isEqualTo(AS_OF);
    assertThat(doc.path("leads").asLong()).isEqualTo(60);
    assertThat(doc.path("grade_changes").asLong()).isZero();
    long entered = doc.path("entered").path("mql").asLong();
    assertThat(entered).isPositive();
    assertThat(doc.path("left").path("mql").asLong()).isZero();
    assertThat(doc.path("examples").size()).isEqualTo((int) Math.min(entered, 10));
    assertThat(doc.path("mean_score_change").path("total").asDouble()).isZero();
  }

  @Test
  void scoreDiffOfAModelWithItselfChangesNothing() {
    int code = run("score-diff", "--old", p("model.yaml"), "--new", p("model.yaml"), "--input", p("leads.csv"),
        "--events", p("events.csv"), "--as-of", AS_OF);
    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("grade changes: 0").contains("threshold mql: 0 entered, 0 left")
        .doesNotContain("examples:");
  }

  @Test
  void demoHasAScoringSection() {
    assertThat(run("demo")).isEqualTo(0);
    assertThat(out.toString()).contains("Scoring: 60 sample leads with acme-b2b 2026.1 (29 rules)")
        .contains("MQLs: ").contains("Why the top lead");
  }
}
