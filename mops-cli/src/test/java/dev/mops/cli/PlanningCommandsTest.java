package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planning commands, run on the examples in examples/planning. */
class PlanningCommandsTest {

  static final String EX = "../examples/planning/";

  @TempDir Path dir;

  private List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  @Test
  void calendarCheck() throws IOException {
    Path out = dir.resolve("calendar.csv");
    Path conflicts = dir.resolve("conflicts.csv");
    CliRun run = CliRun.mops("calendar-check", "--input", EX + "campaigns.csv", "--rules", EX + "calendar.yaml",
        "--calendar", "../examples/metrics/calendar-us.yaml", "--contacts", EX + "contacts.csv", "--as-of", "2026-03-01",
        "--conflicts", conflicts.toString(), "--output", out.toString(), "--fail-on", "error");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    List<String> rows = lines(out);
    assertThat(rows.get(0)).isEqualTo("row,id,name,channel,audience,start,end,status,conflicts,issues");
    assertThat(rows).hasSize(14); // every campaign, the invalid one included
    assertThat(rows.get(2)).contains("FREQUENCY_CAP(C-101+C-102+C-104);AUDIENCE_OVERLAP(C-102+C-103)");
    assertThat(rows.get(9)).contains("HOLIDAY(C-109)");
    assertThat(rows.get(12)).isEqualTo("12,C-112,,,,,,invalid,,BAD_DATE:start");
    assertThat(lines(conflicts)).hasSize(8).anySatisfy(l -> assertThat(l).contains("(2 shared contacts)"));
    assertThat(run.err()).contains("calendar-check: 13 campaigns, 1 invalid, 7 conflicts")
        .contains("record 12: error BAD_DATE start");
  }

  @Test
  void calendarCheckWithALaunchGate() throws IOException {
    Path out = dir.resolve("gated.csv");
    CliRun run = CliRun.mops("calendar-check", "--input", EX + "campaigns.csv", "--rules", EX + "calendar.yaml",
        "--checklist", EX + "launch-gate.yaml", "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> rows = lines(out);
    assertThat(rows.get(0)).endsWith(",gate,gate_failures");
    assertThat(rows.get(5)).startsWith("5,C-105,").endsWith(",pass,");
    assertThat(rows.get(11)).startsWith("11,C-111,")
        .endsWith(",fail,legal_review (false; legal_approved eq 'yes': actual (missing) -> false); "
            + "calendar_clear (QUIET_PERIOD(C-111))");
    assertThat(rows.get(13)).startsWith("13,C-113,").contains(",pass,tracking_plan");
    assertThat(run.err()).contains("9 failing checklist campaign-launch-gate");
  }

  @Test
  void capacityWeeksRoomAndHeatMap() throws IOException {
    Path out = dir.resolve("capacity.csv");
    Path html = dir.resolve("capacity.html");
    CliRun run = CliRun.mops("capacity", "--people", EX + "people.csv", "--input", EX + "work.csv", "--time-off",
        EX + "time-off.csv", "--calendar", "../examples/metrics/calendar-us.yaml", "--output", out.toString(),
        "--html", html.toString(), "--fail-on", "warning");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    List<String> rows = lines(out);
    assertThat(rows.get(0)).isEqualTo("person,week,available_hours,assigned_hours,utilization,status,items");
    assertThat(rows).contains("maria,2026-05-18,40,42.86,1.07,over,W-2;W-3", "maria,2026-05-25,32,9.14,0.29,ok,W-3",
        "priya,2026-05-18,0,0,0,idle,");
    assertThat(run.err()).contains("UNKNOWN_PERSON assignee").contains("1 over-allocated");
    assertThat(Files.readString(html)).contains("<table>").contains("107%");

    Path room = dir.resolve("room.csv");
    run = CliRun.mops("capacity", "--people", EX + "people.csv", "--input", EX + "work.csv", "--from", "2026-05-18",
        "--to", "2026-05-22", "--room-for", "email:12", "--output", room.toString());
    assertThat(run.code()).as(run.err()).isZero();
    // without time off or holidays: priya's W-5 puts 20/7 h on each weekday from 18 to 26 May (25.71 h free of 40);
    // maria has 7.2 h of W-2 and 2 h of W-3 on 20-22 May, 7.2 h on 18-19 May (1.6 h free)
    assertThat(lines(room)).containsExactly("person,free_hours,utilization,fits", "lukas,40,0,true",
        "priya,25.71,0.36,true", "maria,1.6,1.05,false");
  }

  @Test
  void budget() throws IOException {
    Path out = dir.resolve("budget.csv");
    Path html = dir.resolve("burn.html");
    CliRun run = CliRun.mops("budget", "--budgets", EX + "budgets.csv", "--input", EX + "spend.csv", "--as-of",
        "2026-02-14", "--output", out.toString(), "--html", html.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(lines(out)).contains(
        "webinars,2026-01-01,2026-03-31,30000.00,22000.00,8000.00,50,488.89,44000.00,55000.00,-25000.00,overrun_risk,OVERRUN_FORECAST",
        "events,2026-01-01,2026-03-31,50000.00,5000.00,45000.00,50,111.11,10000.00,12500.00,37500.00,underspend,UNDERSPEND");
    assertThat(run.err()).contains("10 spend entries (7 counted)").contains("UNBUDGETED_SPEND");
    assertThat(Files.readString(html)).contains("<svg").contains("overrun risk");
  }

  @Test
  void intake() throws IOException {
    Path out = dir.resolve("backlog.csv");
    CliRun run = CliRun.mops("intake", "--input", EX + "requests.csv", "--model", EX + "intake.yaml", "--as-of",
        "2026-03-02T15:00:00Z", "--calendar", "../examples/metrics/calendar-us.yaml", "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> rows = lines(out);
    assertThat(rows.get(1)).isEqualTo("1,R-201,Spring launch email series,4,3,2,57.6,P1,standard,"
        + "executive sponsor;due within two weeks,campaign-launch,2026-03-03T10:00-05:00,2026-03-03T12:00-05:00,");
    assertThat(rows.get(4)).startsWith("4,R-204,").contains("schema-changes,2026-03-12T14:00-04:00");
    assertThat(rows.get(7)).startsWith("0,R-207,").endsWith("UNKNOWN_VALUE:impact");
  }

  @Test
  void preflightFindsLinksWithTheirLines() throws IOException {
    Path out = dir.resolve("links.csv");
    CliRun run = CliRun.mops("preflight", "--html", EX + "email.html", "--taxonomy", "../examples/taxonomy/taxonomy.yaml",
        "--tracked-domain", "acme.example", "--allow-merge-tag", "{{unsubscribe_url}}", "--output", out.toString(),
        "--fail-on", "error");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    List<String> rows = lines(out);
    assertThat(rows.get(0)).isEqualTo("line,column,element,url,text,tracked,status,issues");
    assertThat(rows).hasSize(12);
    assertThat(rows.get(2)).startsWith("12,14,a,").endsWith("Shoes,true,warn,WRONG_CASE:utm_source");
    assertThat(rows.get(3)).startsWith("13,14,a,http://").endsWith("fail,INSECURE_LINK:href");
    assertThat(rows.get(4)).endsWith("fail,UNFILLED_MERGE_TAG:href");
    assertThat(rows.get(5)).endsWith("DUPLICATE_PARAMETER:utm_content;ALIAS:utm_medium;PATTERN_MISMATCH:utm_campaign");
    assertThat(rows.get(6)).startsWith("17,24,v:roundrect,").endsWith("pass,");
    assertThat(run.err()).contains("11 links, 5 fail, 1 warn (taxonomy acme-utm 2025.06)");

    CliRun missing = CliRun.mops("preflight", "--html", dir.resolve("nope.html").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("file not found");
  }

  @Test
  void badConfigIsAUsageErrorWithThePosition() throws IOException {
    Path rules = dir.resolve("bad.yaml");
    Files.writeString(rules, "version: 1\nfrequency_caps:\n  - max_per_week: 0\n");
    CliRun run = CliRun.mops("calendar-check", "--input", EX + "campaigns.csv", "--rules", rules.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("bad.yaml:3:").contains("expected a whole number from 1 to 10000");
  }
}
