package dev.mops.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.core.time.BusinessCalendar;
import dev.mops.planning.budget.BudgetReport;
import dev.mops.planning.budget.BudgetTracker;
import dev.mops.planning.calendar.AudienceOverlap;
import dev.mops.planning.calendar.CalendarReport;
import dev.mops.planning.calendar.CalendarRules;
import dev.mops.planning.calendar.CampaignCalendar;
import dev.mops.planning.calendar.Conflict;
import dev.mops.planning.checklist.Checklist;
import dev.mops.planning.intake.Backlog;
import dev.mops.planning.intake.IntakeModel;
import dev.mops.planning.preflight.PreflightCheck;
import dev.mops.planning.preflight.PreflightReport;
import dev.mops.planning.preflight.UrlLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps docs/planning.md true: its configuration examples are the example files, and its Java example runs as shown. */
class GuideExampleTest {

  static final Path ROOT = Path.of("..");
  static final Path GUIDE = ROOT.resolve("docs/planning.md");

  @Test
  void guideShowsTheCompleteExampleConfigs() throws Exception {
    String guide = Files.readString(GUIDE);
    for (String f : List.of("calendar.yaml", "intake.yaml", "launch-gate.yaml")) {
      assertThat(guide).as(f).contains("```yaml\n" + Files.readString(ROOT.resolve("examples/planning/" + f)) + "```");
    }
    // and every example config loads
    CalendarRules.load(ROOT.resolve("examples/planning/calendar.yaml"));
    IntakeModel.load(ROOT.resolve("examples/planning/intake.yaml"));
    Checklist.load(ROOT.resolve("examples/planning/launch-gate.yaml"));
  }

  @Test
  void guideJavaExampleGivesWhatItSays() throws Exception {
    // the snippet of "From Java", with paths from the module folder and the undeclared inputs declared
    CalendarRules rules = CalendarRules.load(ROOT.resolve("examples/planning/calendar.yaml"));
    BusinessCalendar us = BusinessCalendar.load(ROOT.resolve("examples/metrics/calendar-us.yaml"));
    WorkingCalendar holidays = WorkingCalendar.of(us, Map.of());
    CalendarReport report = CampaignCalendar.of(rules, holidays, AudienceOverlap.declared(rules.audienceOverlaps()))
        .check(List.of(
            Records.of(Map.of("id", "C-1", "audience", "all_customers", "channel", "email", "start", "2026-05-25")),
            Records.of(Map.of("id", "C-2", "audience", "emea_customers", "channel", "email", "start", "2026-05-25"))));
    assertThat(report.conflicts()).extracting(Conflict::shortForm)
        .containsExactly("AUDIENCE_OVERLAP(C-1+C-2)", "HOLIDAY(C-1)", "HOLIDAY(C-2)");
    assertThat(report.conflicts().get(1).message()).contains("Memorial Day");

    List<Record> budgetRecords = List.of(Records.of(Map.of("program", "webinars", "period_start", "2026-01-01",
        "period_end", "2026-03-31", "amount", "30000")));
    List<Record> spendRecords = List.of(Records.of(Map.of("program", "webinars", "date", "2026-02-01", "amount", "22000")));
    BudgetReport budget = BudgetTracker.builder().overrunThreshold(0.10).build().track(budgetRecords, spendRecords,
        LocalDate.of(2026, 2, 14));
    assertThat(budget.lines().get(0).status()).isEqualTo("overrun_risk");

    List<Record> requests = List.of(Records.of(Map.of("id", "R-1", "impact", "high", "effort", "s", "risk", "low")));
    IntakeModel intake = IntakeModel.load(ROOT.resolve("examples/planning/intake.yaml"));
    Backlog backlog = intake.prioritize(requests, Instant.parse("2026-03-02T15:00:00Z"), holidays);
    assertThat(backlog.entries().get(0).window().start().toString()).isEqualTo("2026-03-03T10:00-05:00[America/New_York]");

    UrlLint linter = url -> url.contains("utm_source=") ? List.of()
        : List.of(Finding.error("MISSING_PARAMETER", "utm_source", null, "utm_source is required"));
    String html = "<a href='https://acme.example/spring'>Shop</a>";
    PreflightReport links = PreflightCheck.builder().trackedDomain("acme.example").urlLint(linter).build()
        .check("email.html", html);
    assertThat(links.links().get(0).issueSummary()).isEqualTo("MISSING_PARAMETER:utm_source");
  }
}
