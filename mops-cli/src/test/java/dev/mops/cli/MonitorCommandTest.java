package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {

  static final Path EXAMPLES = Path.of("..", "examples", "quality");

  @TempDir Path dir;

  @BeforeEach
  void copyExamples() throws IOException {
    for (String f : List.of("monitor.yaml", "lead-contract.yaml", "leads.csv", "monitor-history.jsonl", "industries.txt")) {
      Files.copy(EXAMPLES.resolve(f), dir.resolve(f));
    }
  }

  String p(String f) {
    return dir.resolve(f).toString();
  }

  @Test
  void aMondayWithTooFewRowsAlertsAgainstTheSeasonalBaselineAndExitsWithOne() throws IOException {
    CliRun run = CliRun.mops("monitor", "--monitor", p("monitor.yaml"), "--input", p("leads.csv"), "--history",
        p("monitor-history.jsonl"), "--as-of", "2026-02-02T11:00:00Z", "--html", p("monitor.html"));
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("ALERT error rows = 240: outside 286.923 .. 313.077 "
        + "(within mean ± 3 sd of the same weekday in the last 4 weeks)\n");
    assertThat(run.err()).contains("monitor: crm-leads-daily 2026.1 (sha256:")
        .contains("240 rows, 8 metrics, 12 checks, 27 earlier runs; 1 alerts (1 errors)")
        .contains("note: employees_median: 1 values of employees are not numbers and were left out");
    List<String> lines = Files.readAllLines(dir.resolve("monitor-history.jsonl"));
    assertThat(lines).hasSize(28);
    assertThat(lines.get(27)).contains("\"as_of\":\"2026-02-02T11:00:00Z\",\"rows\":240").endsWith("\"alerts\":[\"rows\"]}");
    String html = Files.readString(dir.resolve("monitor.html"));
    assertThat(html).contains("History of rows").contains("<polygon").contains("#dc2626").doesNotContain("<script");
  }

  @Test
  void jsonIsForCi() throws IOException {
    CliRun run = CliRun.mops("monitor", "--monitor", p("monitor.yaml"), "--input", p("leads.csv"), "--history",
        p("monitor-history.jsonl"), "--as-of", "2026-02-02T11:00:00Z", "--json");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).startsWith("{\"monitor\":\"crm-leads-daily\"").contains("\"alerts\":1,\"past_runs\":27")
        .contains("{\"metric\":\"rows\",\"check\":\"within mean ± 3 sd of the same weekday in the last 4 weeks\","
            + "\"severity\":\"error\",\"status\":\"alert\",\"value\":240,\"low\":286.92");
  }

  @Test
  void aFirstRunLearnsAndAMissingColumnOrBadMonitorIsAUsageError() throws IOException {
    CliRun first = CliRun.mops("monitor", "--monitor", p("monitor.yaml"), "--input", p("leads.csv"), "--history",
        p("new.jsonl"), "--as-of", "2026-02-03T11:00:00Z");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("0 earlier runs; 0 alerts (0 errors); 8 checks still learning");
    assertThat(Files.readAllLines(dir.resolve("new.jsonl"))).hasSize(1);
    CliRun second = CliRun.mops("monitor", "--monitor", p("monitor.yaml"), "--input", p("leads.csv"), "--history",
        p("new.jsonl"), "--as-of", "2026-02-04T11:00:00Z");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).isEmpty();
    assertThat(second.err()).contains("1 earlier runs; 0 alerts (0 errors); 5 checks still learning");

    Files.writeString(dir.resolve("monitor.yaml"), Files.readString(dir.resolve("monitor.yaml"))
        .replace("field: email", "field: e_mail"));
    CliRun bad = CliRun.mops("monitor", "--monitor", p("monitor.yaml"), "--input", p("leads.csv"), "--history",
        p("new.jsonl"), "--as-of", "2026-02-05T11:00:00Z");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).containsPattern("monitor\\.yaml:\\d+:\\d+").contains("field 'e_mail' is not in contract");
    assertThat(Files.readAllLines(dir.resolve("new.jsonl"))).as("nothing appended").hasSize(2);
  }
}
