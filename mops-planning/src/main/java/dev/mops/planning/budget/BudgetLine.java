package dev.mops.planning.budget;

import dev.mops.core.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The state of one budget line (a program's budget for a period) on the as-of day: spend to date,
 * burn rate, forecasts at period end, status and alerts.
 *
 * <p>Forecasts: {@code linear} assumes the rest of the period burns at the average rate so far
 * (spent / elapsed days x period days); {@code runRate} assumes it burns at the rate of the last
 * run-rate window (30 days by default). Alerts use the larger of the two, so a late surge of
 * spend is flagged even when the average looks fine.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param number the line's 1-based position in the budget input
 * @param program the program
 * @param periodStart the period's first day
 * @param periodEnd the period's last day (inclusive)
 * @param budget the amount budgeted
 * @param spent the spend dated from the period start to the as-of day
 * @param entries how many spend entries were counted
 * @param elapsedDays days of the period up to and including the as-of day (0 to the period length)
 * @param periodDays the period's length in days
 * @param burnRatePerDay spent / elapsed days (0 before the period starts)
 * @param forecastLinear the linear forecast at period end
 * @param forecastRunRate the run-rate forecast at period end
 * @param status {@code not_started}, {@code on_track}, {@code overrun_risk}, {@code overspent} or
 *     {@code underspend}
 * @param alerts findings ({@code OVERSPENT}, {@code OVERRUN_FORECAST}, {@code UNDERSPEND}) and any
 *     problem with the line's record
 * @param burn spend to date by day: one point per day with spend, cumulative, in date order
 */
public record BudgetLine(
    long number, String program, LocalDate periodStart, LocalDate periodEnd, BigDecimal budget, BigDecimal spent,
    long entries, long elapsedDays, long periodDays, BigDecimal burnRatePerDay, BigDecimal forecastLinear,
    BigDecimal forecastRunRate, String status, List<Finding> alerts, List<BurnPoint> burn) {

  /**
   * A point of a line's burn: the cumulative spend at the end of a day.
   *
   * @param date the day
   * @param cumulative everything spent in the period up to and including that day
   */
  public record BurnPoint(LocalDate date, BigDecimal cumulative) {
    /** Validates the components. */
    public BurnPoint {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(cumulative, "cumulative");
    }
  }

  /** Validates and copies the components. */
  public BudgetLine {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(status, "status");
    alerts = List.copyOf(alerts);
    burn = List.copyOf(burn);
  }

  /** Returns the forecast alerts use: the larger of the linear and run-rate forecasts. */
  public BigDecimal forecast() {
    return forecastLinear.max(forecastRunRate);
  }

  /** Returns budget less spent (negative when overspent). */
  public BigDecimal remaining() {
    return budget.subtract(spent);
  }

  /** Returns budget less forecast: positive money that could be reallocated, negative the expected overrun. */
  public BigDecimal forecastVariance() {
    return budget.subtract(forecast());
  }

  /** Returns the share of the period elapsed, 0 to 1. */
  public double elapsedFraction() {
    return periodDays == 0 ? 0 : (double) elapsedDays / periodDays;
  }
}
