package dev.mops.planning.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.planning.PlanningCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTrackerTest {

  static Record rec(String... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  static Record budget(String program, String start, String end, String amount) {
    return rec("program", program, "period_start", start, "period_end", end, "amount", amount);
  }

  static Record spend(String program, String date, String amount) {
    return rec("program", program, "date", date, "amount", amount);
  }

  static final LocalDate AS_OF = LocalDate.of(2026, 2, 14); // day 45 of the 90-day Q1

  BudgetReport report() {
    return BudgetTracker.standard().track(
        List.of(
            budget("content", "2026-01-01", "2026-03-31", "90,000"),
            budget("webinars", "2026-01-01", "2026-03-31", "$30000"),
            budget("events", "2026-01-01", "2026-03-31", "50000"),
            budget("paid_social", "2026-01-01", "2026-03-31", "10000"),
            budget("events", "2026-04-01", "2026-06-30", "50000"),
            budget("broken", "2026-03-31", "2026-01-01", "1")),
        List.of(
            spend("content", "2026-01-10", "20000"),
            spend("content", "2026-02-10", "25,000.00"),
            spend("webinars", "2026-02-01", "10000"),
            spend("webinars", "2026-02-12", "12000"),
            spend("events", "2026-01-20", "5000"),
            spend("paid_social", "2026-02-01", "12000"),
            spend("sponsorships", "2026-02-01", "3000"),
            spend("content", "2026-02-20", "1000"),
            spend("content", "2026-02-01", "12k")),
        AS_OF);
  }

  @Test
  void burnRateForecastsAndStatus() {
    BudgetReport r = report();
    assertThat(r.lines()).extracting(BudgetLine::program, BudgetLine::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("content", "on_track"),
        org.assertj.core.groups.Tuple.tuple("webinars", "overrun_risk"),
        org.assertj.core.groups.Tuple.tuple("events", "underspend"),
        org.assertj.core.groups.Tuple.tuple("paid_social", "overspent"),
        org.assertj.core.groups.Tuple.tuple("events", "not_started"));
    BudgetLine content = r.lines().get(0);
    assertThat(content.spent()).isEqualByComparingTo("45000");
    assertThat(content.elapsedDays()).isEqualTo(45);
    assertThat(content.periodDays()).isEqualTo(90);
    assertThat(content.burnRatePerDay()).isEqualByComparingTo("1000");
    assertThat(content.forecastLinear()).isEqualByComparingTo("90000");
    assertThat(content.forecastRunRate()).isEqualByComparingTo("82500"); // 25,000 in the last 30 days
    BudgetLine webinars = r.lines().get(1);
    assertThat(webinars.forecastLinear()).isEqualByComparingTo("44000");
    assertThat(webinars.forecastRunRate()).isEqualByComparingTo("55000");
    assertThat(webinars.forecast()).isEqualByComparingTo("55000");
    assertThat(webinars.alerts()).extracting(Finding::code).containsExactly(PlanningCodes.OVERRUN_FORECAST);
    BudgetLine events = r.lines().get(2);
    assertThat(events.forecast()).isEqualByComparingTo("12500");
    assertThat(events.forecastVariance()).isEqualByComparingTo("37500");
    assertThat(events.alerts().get(0).message()).contains("37500.00 could be reallocated");
    assertThat(r.lines().get(3).alerts()).extracting(Finding::code).containsExactly(PlanningCodes.OVERSPENT);
    assertThat(r.lines().get(3).remaining()).isEqualByComparingTo(new BigDecimal("-2000"));
  }

  @Test
  void everySpendEntryAndBudgetRecordIsAccountedFor() {
    BudgetReport r = report();
    assertThat(r.rejectedLines()).singleElement().satisfies(o -> {
      assertThat(o.number()).isEqualTo(6);
      assertThat(o.findings()).extracting(Finding::code).containsExactly(PlanningCodes.END_BEFORE_START);
    });
    assertThat(r.lines().size() + r.rejectedLines().size()).isEqualTo(6);
    assertThat(r.spend()).hasSize(9);
    assertThat(r.spend()).extracting(SpendOutcome::budgetLine).containsExactly(1L, 1L, 2L, 2L, 3L, 4L, 0L, 0L, 0L);
    assertThat(r.spend().get(6).findings()).extracting(Finding::code).containsExactly(PlanningCodes.UNBUDGETED_SPEND);
    assertThat(r.spend().get(7).findings()).extracting(Finding::code).containsExactly(PlanningCodes.FUTURE_SPEND);
    assertThat(r.spend().get(8).findings()).extracting(Finding::code).containsExactly(PlanningCodes.BAD_NUMBER);
    assertThat(r.spend().get(8).findings().get(0).rawValue()).isEqualTo("12k");
  }

  @Test
  void closedPeriodForecastIsWhatWasSpent() {
    BudgetReport r = BudgetTracker.standard().track(List.of(budget("q4", "2025-10-01", "2025-12-31", "1000")),
        List.of(spend("q4", "2025-11-01", "990")), LocalDate.of(2026, 1, 15));
    BudgetLine l = r.lines().get(0);
    assertThat(l.forecastLinear()).isEqualByComparingTo("990");
    assertThat(l.forecastRunRate()).isEqualByComparingTo("990");
    assertThat(l.status()).isEqualTo("on_track");
  }

  @Test
  void overlappingPeriodsAreFlaggedAndThresholdsValidated() {
    BudgetReport r = BudgetTracker.standard().track(
        List.of(budget("x", "2026-01-01", "2026-03-31", "1000"), budget("x", "2026-03-01", "2026-05-31", "1000")),
        List.of(spend("x", "2026-03-10", "10")), LocalDate.of(2026, 3, 15));
    assertThat(r.lines().get(1).alerts()).extracting(Finding::code).contains(PlanningCodes.OVERLAPPING_BUDGETS);
    assertThat(r.spend().get(0).budgetLine()).isEqualTo(1);
    assertThatThrownBy(() -> BudgetTracker.builder().overrunThreshold(1.5)).hasMessageContaining("overrunThreshold");
  }
}
