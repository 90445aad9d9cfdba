package dev.mops.planning.budget;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.record.Record;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.RecordFields;
import dev.mops.planning.RecordOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A budget tracker: matches spend entries to budget lines by program and period, and computes
 * each line's burn rate, forecasts at period end and alerts on an as-of day.
 *
 * <p>Budget records: {@code program}, {@code period_start}, {@code period_end}, {@code amount}.
 * Spend records: {@code program}, {@code date}, {@code amount} ({@code 1,200.50} and a leading
 * {@code $}, {@code €} or {@code £} are accepted). A spend entry counts in the line of its program
 * whose period holds its date; entries after the as-of day are not counted ({@code FUTURE_SPEND}),
 * entries that match no line are {@code UNBUDGETED_SPEND}. Program names match exactly.
 *
 * <p>Alerts, on the larger of the linear and run-rate forecasts ({@link BudgetLine}): {@code
 * OVERSPENT} (error) when spend already exceeds the budget; {@code OVERRUN_FORECAST} (warning) when
 * the forecast exceeds the budget by more than the overrun threshold (5% by default); {@code
 * UNDERSPEND} (info) when, with at least a quarter of the period gone, the forecast leaves more
 * than the underspend threshold (20% by default) unspent.
 *
 * <p>Thread safety: immutable; {@link #track} may be called from any number of threads.
 */
public final class BudgetTracker {

  private final double overrunThreshold;
  private final double underspendThreshold;
  private final double underspendMinElapsed;
  private final int runRateDays;

  private BudgetTracker(Builder b) {
    this.overrunThreshold = b.overrunThreshold;
    this.underspendThreshold = b.underspendThreshold;
    this.underspendMinElapsed = b.underspendMinElapsed;
    this.runRateDays = b.runRateDays;
  }

  /** Returns a builder with the defaults: overrun 5%, underspend 20% after 25% of the period, run rate over 30 days. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a tracker with the defaults. */
  public static BudgetTracker standard() {
    return builder().build();
  }

  private record Line(long number, String program, LocalDate start, LocalDate end, BigDecimal amount,
      List<Finding> findings, List<Spend> spend) {}

  private record Spend(LocalDate date, BigDecimal amount) {}

  /** Computes the report on {@code asOf}. */
  public BudgetReport track(List<? extends Record> budgets, List<? extends Record> spendEntries, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    List<Line> lines = new ArrayList<>();
    List<RecordOutcome> rejected = new ArrayList<>();
    Map<String, List<Line>> byProgram = new HashMap<>();
    long n = 0;
    for (Record r : budgets) {
      n++;
      RecordFields f = new RecordFields(r);
      String program = f.requiredText("program");
      LocalDate start = f.date("period_start", true);
      LocalDate end = f.date("period_end", true);
      BigDecimal amount = f.amount("amount", true);
      if (start != null && end != null && end.isBefore(start)) {
        f.add(Finding.error(PlanningCodes.END_BEFORE_START, "period_end", end, "period_end " + end + " is before period_start " + start));
      }
      if (program == null || start == null || end == null || amount == null || f.hasErrors()) {
        rejected.add(new RecordOutcome("budgets", n, program == null ? "" : program, false, f.findings()));
        continue;
      }
      List<Line> same = byProgram.computeIfAbsent(program, k -> new ArrayList<>());
      for (Line o : same) {
        if (!o.start.isAfter(end) && !o.end.isBefore(start)) {
          f.add(Finding.warning(PlanningCodes.OVERLAPPING_BUDGETS, "period_start", start,
              program + " has budget lines " + o.number + " and " + n + " with overlapping periods; spend goes to line " + o.number));
        }
      }
      Line line = new Line(n, program, start, end, amount, new ArrayList<>(f.findings()), new ArrayList<>());
      same.add(line);
      lines.add(line);
    }
    List<SpendOutcome> spend = new ArrayList<>();
    n = 0;
    for (Record r : spendEntries) {
      n++;
      RecordFields f = new RecordFields(r);
      String program = f.requiredText("program");
      LocalDate date = f.date("date", true);
      BigDecimal amount = f.amount("amount", true);
      long counted = 0;
      if (program != null && date != null && amount != null && !f.hasErrors()) {
        if (date.isAfter(asOf)) {
          f.add(Finding.info(PlanningCodes.FUTURE_SPEND, "date", date, "dated after the as-of day " + asOf + "; not counted"));
        } else {
          Line match = null;
          for (Line l : byProgram.getOrDefault(program, List.of())) {
            if (!date.isBefore(l.start) && !date.isAfter(l.end)) {
              match = l;
              break;
            }
          }
          if (match == null) {
            f.add(Finding.warning(PlanningCodes.UNBUDGETED_SPEND, "program", program,
                "no budget line for " + program + " covers " + date));
          } else {
            match.spend.add(new Spend(date, amount));
            counted = match.number;
          }
        }
      }
      spend.add(new SpendOutcome(n, program == null ? "" : program, counted, f.findings()));
    }
    List<BudgetLine> out = new ArrayList<>();
    for (Line l : lines) {
      out.add(evaluate(l, asOf));
    }
    return new BudgetReport(asOf, out, rejected, spend);
  }

  private BudgetLine evaluate(Line l, LocalDate asOf) {
    long periodDays = ChronoUnit.DAYS.between(l.start, l.end) + 1;
    long elapsed = Math.max(0, Math.min(periodDays, ChronoUnit.DAYS.between(l.start, asOf) + 1));
    BigDecimal spent = BigDecimal.ZERO;
    BigDecimal recent = BigDecimal.ZERO;
    long window = Math.min(runRateDays, elapsed);
    LocalDate windowStart = l.start.plusDays(elapsed - window);
    for (Spend s : l.spend) {
      spent = spent.add(s.amount);
      if (!s.date.isBefore(windowStart)) {
        recent = recent.add(s.amount);
      }
    }
    long remainingDays = periodDays - elapsed;
    BigDecimal rate = elapsed == 0 ? BigDecimal.ZERO : spent.divide(BigDecimal.valueOf(elapsed), 6, RoundingMode.HALF_UP);
    BigDecimal linear = spent.add(rate.multiply(BigDecimal.valueOf(remainingDays)));
    BigDecimal recentRate = window == 0 ? BigDecimal.ZERO : recent.divide(BigDecimal.valueOf(window), 6, RoundingMode.HALF_UP);
    BigDecimal runRate = spent.add(recentRate.multiply(BigDecimal.valueOf(remainingDays)));
    linear = money(linear);
    runRate = money(runRate);
    BigDecimal forecast = linear.max(runRate);
    List<Finding> alerts = new ArrayList<>(l.findings);
    String status;
    BigDecimal budget = l.amount;
    if (elapsed == 0) {
      status = "not_started";
    } else if (spent.compareTo(budget) > 0) {
      status = "overspent";
      alerts.add(new Finding(PlanningCodes.OVERSPENT, "amount", budget.toPlainString(), Severity.ERROR,
          l.program + " has spent " + money(spent).toPlainString() + " of " + budget.toPlainString()
              + " with " + remainingDays + " days of the period left"));
    } else if (forecast.compareTo(budget.multiply(BigDecimal.valueOf(1 + overrunThreshold))) > 0) {
      status = "overrun_risk";
      alerts.add(new Finding(PlanningCodes.OVERRUN_FORECAST, "amount", budget.toPlainString(), Severity.WARNING,
          l.program + " is forecast to spend " + forecast.toPlainString() + " of " + budget.toPlainString() + " ("
              + percent(forecast, budget) + "), over the " + Math.round(overrunThreshold * 100) + "% threshold"));
    } else if ((double) elapsed / periodDays >= underspendMinElapsed
        && forecast.compareTo(budget.multiply(BigDecimal.valueOf(1 - underspendThreshold))) < 0) {
      status = "underspend";
      alerts.add(new Finding(PlanningCodes.UNDERSPEND, "amount", budget.toPlainString(), Severity.INFO,
          l.program + " is forecast to spend " + forecast.toPlainString() + " of " + budget.toPlainString() + " ("
              + percent(forecast, budget) + "); " + money(budget.subtract(forecast)).toPlainString()
              + " could be reallocated"));
    } else {
      status = "on_track";
    }
    java.util.TreeMap<LocalDate, BigDecimal> byDay = new java.util.TreeMap<>();
    for (Spend s : l.spend) {
      byDay.merge(s.date, s.amount, BigDecimal::add);
    }
    List<BudgetLine.BurnPoint> burn = new ArrayList<>(byDay.size());
    BigDecimal running = BigDecimal.ZERO;
    for (Map.Entry<LocalDate, BigDecimal> e : byDay.entrySet()) {
      running = running.add(e.getValue());
      burn.add(new BudgetLine.BurnPoint(e.getKey(), money(running)));
    }
    return new BudgetLine(l.number, l.program, l.start, l.end, budget, money(spent), l.spend.size(), elapsed,
        periodDays, money(rate), linear, runRate, status, alerts, burn);
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  private static String percent(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return "n/a";
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /**
   * A builder of {@link BudgetTracker}s.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private double overrunThreshold = 0.05;
    private double underspendThreshold = 0.20;
    private double underspendMinElapsed = 0.25;
    private int runRateDays = 30;

    private Builder() {}

    /** Sets the share over budget a forecast may reach before an alert (default 0.05). */
    public Builder overrunThreshold(double share) {
      this.overrunThreshold = share(share, "overrunThreshold");
      return this;
    }

    /** Sets the share of the budget a forecast may leave unspent before an alert (default 0.20). */
    public Builder underspendThreshold(double share) {
      this.underspendThreshold = share(share, "underspendThreshold");
      return this;
    }

    /** Sets the share of the period that must be gone before underspend is judged (default 0.25). */
    public Builder underspendAfter(double share) {
      this.underspendMinElapsed = share(share, "underspendAfter");
      return this;
    }

    /** Sets the days of recent spend the run-rate forecast uses (default 30). */
    public Builder runRateDays(int days) {
      if (days < 1 || days > 366) {
        throw new IllegalArgumentException("runRateDays must be 1 to 366, was " + days);
      }
      this.runRateDays = days;
      return this;
    }

    private static double share(double v, String name) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be from 0 to 1, was " + v);
      }
      return v;
    }

    /** Returns the tracker. */
    public BudgetTracker build() {
      return new BudgetTracker(this);
    }
  }
}
