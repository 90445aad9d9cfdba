package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mops sla} and {@code mops calendar} on the example policy, calendar and requests. */
class MetricsCommandsTest {

  static final Path EXAMPLES = Path.of("..", "examples", "metrics");
  static final String AS_OF = "2026-06-30T21:00:00Z";

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void copyExamples() throws IOException {
    for (String f : List.of("sla.yaml", "calendar-us.yaml", "requests.csv", "events.csv", "incidents.csv")) {
      Files.copy(EXAMPLES.resolve(f), dir.resolve(f));
    }
  }

  int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  String p(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void slaWritesEveryRowWithTheContractColumnsAndASummary() throws IOException {
    int code = run("sla", "--policy", p("sla.yaml"), "--input", p("requests.csv"), "--events", p("events.csv"),
        "--as-of", AS_OF, "--output", p("sla.csv"), "--summary", p("summary.json"));
    assertThat(code).as(err.toString()).isEqualTo(0);
    List<String> rows = Files.readAllLines(dir.resolve("sla.csv"));
    assertThat(rows).hasSize(13);
    assertThat(rows.get(0)).isEqualTo("id,class,priority,team,created_at,accepted_at,live_at,resolved_at,"
        + "goal,target_s,elapsed_s,remaining_s,state,due_at,breached_at");
    // Mon 15 June 09:00-13:00 New York = 4 business hours of the 8 h catch-all; met
    assertThat(rows).anyMatch(r -> r.startsWith("R-107,") && r.endsWith(",simple,28800,14400,14400,met,2026-06-16T14:00:00Z,"));
    // Thu 4 June 11:00 to Tue 9 June 16:00 New York, lunch 12-13, Fridays to 16:00 = exactly 24 h: met
    assertThat(rows).anyMatch(r -> r.startsWith("R-103,") && r.contains(",standard,86400,86400,0,met,"));
    // R-104 runs on the Berlin calendar of the emea-standard goal
    assertThat(rows).anyMatch(r -> r.startsWith("R-104,") && r.contains(",emea-standard,86400,"));
    // R-108 was paused from 17 to 24 June by its events
    assertThat(rows).anyMatch(r -> r.startsWith("R-108,") && r.contains(",standard,86400,"));
    // a bad timestamp is a finding, and the row is still written
    assertThat(rows).anyMatch(r -> r.startsWith("R-111,") && r.endsWith(",simple,28800,,,invalid,,"));
    assertThat(err.toString())
        .contains("sla: 12 requests with mops-intake 3")
        .contains("line 12: error BAD_TIMESTAMP: created_at is not an ISO-8601 timestamp")
        .contains("warning SLA_EVENT_IGNORED: the resume event at 2026-06-22T13:05:00Z is ignored");
    String json = Files.readString(dir.resolve("summary.json"));
    assertThat(json).contains("\"name\" : \"mops-intake\"", "\"requests\" : 12", "\"by_class\"", "\"complex\"",
        "\"ttc_hours\"", "\"aged_share\"", "\"throughput_by_week\"");
  }

  @Test
  void slaFailOnAndMissingColumns() throws IOException {
    assertThat(run("sla", "--policy", p("sla.yaml"), "--input", p("requests.csv"), "--as-of", AS_OF,
        "--output", p("o.csv"), "--fail-on", "error")).isEqualTo(1);
    Files.writeString(dir.resolve("bad.csv"), "id,created_at\n1,2026-06-01T00:00:00Z\n");
    assertThat(run("sla", "--policy", p("sla.yaml"), "--input", p("bad.csv"), "--as-of", AS_OF, "--output", p("o.csv")))
        .isEqualTo(2);
    assertThat(err.toString()).contains("has no column 'class'");
    Files.writeString(dir.resolve("bad.yaml"), "calendars: {}\ngoals: []\n");
    assertThat(run("sla", "--policy", p("bad.yaml"), "--input", p("requests.csv"), "--as-of", AS_OF)).isEqualTo(2);
    assertThat(err.toString()).contains("bad.yaml:1:12: at calendars: expected at least one calendar");
  }

  @Test
  void calendarPrintsBusinessTimeOpenPeriodsAndClosedDays() {
    int code = run("calendar", "--calendar", p("calendar-us.yaml"), "--from", "2026-12-23T16:00", "--to", "2027-01-04T10:00");
    assertThat(code).as(err.toString()).isEqualTo(0);
    // Wed 23 Dec 16:00-17:00, then closed (Christmas Eve, Christmas, weekend, year-end freeze, New Year), Mon 4 Jan 09:00-10:00
    assertThat(out.toString())
        .contains("business time: 2h 00m (7200 s, 2.00 h)")
        .contains("open periods: 2")
        .contains("2026-12-23 Wed 16:00:00 - 17:00:00  1h 00m")
        .contains("2027-01-04 Mon 09:00:00 - 10:00:00")
        .contains("2026-12-24 Thu  Christmas Eve")
        .contains("2026-12-25 Fri  Christmas")
        .contains("2026-12-28 Mon  Year-end freeze")
        .contains("2027-01-01 Fri  New Year's Day");
    assertThat(run("calendar", "--calendar", p("calendar-us.yaml"), "--from", "tomorrow", "--to", "2027-01-04")).isEqualTo(2);
  }

  @Test
  void experimentSize() {
    assertThat(run("experiment-size", "--baseline", "0.20", "--mde", "0.10")).as(err.toString()).isEqualTo(0);
    assertThat(out.toString()).contains("per arm: 294").contains("total (2 arms): 588");
    assertThat(run("experiment-size", "--baseline", "0.04", "--mde", "0.005", "--alpha", "0.05", "--power", "0.8")).isEqualTo(0);
    assertThat(run("experiment-size", "--baseline", "0.04", "--mde", "0", "--alpha", "0.05")).isEqualTo(2);
    assertThat(err.toString()).contains("must not be 0");
  }

  @Test
  void opsReportWritesOnePageWithTheFourViews() throws IOException {
    int code = run("ops-report", "--policy", p("sla.yaml"), "--requests", p("requests.csv"), "--events", p("events.csv"),
        "--incidents", p("incidents.csv"), "--as-of", AS_OF, "--html", p("report.html"));
    assertThat(code).as(err.toString()).isEqualTo(0);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("id=\"adherence\"", "id=\"ttc\"", "id=\"backlog\"", "Automation uptime", "<svg")
        .doesNotContain("<script");
    // 10:00-13:00 on 3 June (two overlapping incidents), 40 min on 18 June, 1 h open at the as-of: 4 h 40 min of 30 days
    assertThat(err.toString()).contains("4 incidents; uptime 99.352% over 30 days, 3 outages")
        .contains("ops-report: 12 requests");
  }
}
