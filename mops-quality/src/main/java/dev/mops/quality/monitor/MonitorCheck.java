package dev.mops.quality.monitor;

import java.util.Locale;

/**
 * A threshold on one monitored metric: when its value is outside what the check expects, the
 * monitor raises an alert.
 *
 * <ul>
 *   <li>{@link Absolute}: a fixed range ({@code min: 0.95}, {@code max: 1000});
 *   <li>{@link Change}: the change relative to the last run ({@code max_change: 20%}, or only
 *       {@code max_drop} / {@code max_rise});
 *   <li>{@link Band}: mean ± k standard deviations of the last N runs;
 *   <li>{@link Seasonal}: mean ± k standard deviations of the runs on the same weekday in the last
 *       N weeks (Mondays compared with Mondays).
 * </ul>
 *
 * <p>Thread safety: immutable values.
 */
public sealed interface MonitorCheck permits MonitorCheck.Absolute, MonitorCheck.Change, MonitorCheck.Band,
    MonitorCheck.Seasonal {

  /** Returns a short description of the check, such as {@code band of the last 14 runs, mean ± 3 sd}. */
  String describe();

  /**
   * A fixed range; either bound may be infinite.
   *
   * @param min the lowest acceptable value ({@code -Infinity} for none)
   * @param max the highest acceptable value ({@code +Infinity} for none)
   */
  record Absolute(double min, double max) implements MonitorCheck {

    /** Validates the range. */
    public Absolute {
      if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
        throw new IllegalArgumentException("min must be at most max, got " + min + " and " + max);
      }
    }

    @Override
    public String describe() {
      if (Double.isInfinite(max)) {
        return "at least " + MonitorResult.number(min);
      }
      if (Double.isInfinite(min)) {
        return "at most " + MonitorResult.number(max);
      }
      return "between " + MonitorResult.number(min) + " and " + MonitorResult.number(max);
    }
  }

  /**
   * The change relative to the last run with a value: {@code (now - last) / |last|}.
   *
   * @param maxDrop the largest decrease accepted, as a fraction (0.2 for 20%), or {@code +Infinity}
   * @param maxRise the largest increase accepted, as a fraction, or {@code +Infinity}
   */
  record Change(double maxDrop, double maxRise) implements MonitorCheck {

    /** Validates the fractions. */
    public Change {
      if (!(maxDrop >= 0) || !(maxRise >= 0)) {
        throw new IllegalArgumentException("changes are non-negative fractions, got " + maxDrop + " and " + maxRise);
      }
    }

    @Override
    public String describe() {
      if (maxDrop == maxRise) {
        return "changes by at most " + pct(maxDrop) + " from the last run";
      }
      if (Double.isInfinite(maxRise)) {
        return "drops by at most " + pct(maxDrop) + " from the last run";
      }
      if (Double.isInfinite(maxDrop)) {
        return "rises by at most " + pct(maxRise) + " from the last run";
      }
      return "drops by at most " + pct(maxDrop) + " and rises by at most " + pct(maxRise) + " from the last run";
    }
  }

  /**
   * Mean ± k standard deviations of the metric over the last {@code runs} runs; at least {@code
   * minRuns} runs are needed before it can alert (until then the check is learning). The band is
   * at least {@code minWidth} wide on each side, so that a metric that never moved does not alert
   * on the smallest change.
   *
   * @param runs how many recent runs the band is learned from
   * @param k how many standard deviations either side of the mean
   * @param minRuns the fewest runs needed to alert
   * @param minWidth the smallest half-width of the band, in the metric's unit
   */
  record Band(int runs, double k, int minRuns, double minWidth) implements MonitorCheck {

    /** Validates the parameters. */
    public Band {
      checkBand(runs, k, minRuns, minWidth);
    }

    @Override
    public String describe() {
      return "within mean ± " + MonitorResult.number(k) + " sd of the last " + runs + " runs";
    }
  }

  /**
   * Mean ± k standard deviations of the metric over the runs on the same weekday (in the monitor's
   * time zone) in the last {@code weeks} weeks; at least {@code minRuns} such runs are needed.
   *
   * @param weeks how many weeks back
   * @param k how many standard deviations either side of the mean
   * @param minRuns the fewest same-weekday runs needed to alert
   * @param minWidth the smallest half-width of the band, in the metric's unit
   */
  record Seasonal(int weeks, double k, int minRuns, double minWidth) implements MonitorCheck {

    /** Validates the parameters. */
    public Seasonal {
      checkBand(weeks, k, minRuns, minWidth);
    }

    @Override
    public String describe() {
      return "within mean ± " + MonitorResult.number(k) + " sd of the same weekday in the last " + weeks + " weeks";
    }
  }

  private static void checkBand(int n, double k, int minRuns, double minWidth) {
    if (n < 2 || n > 10_000) {
      throw new IllegalArgumentException("a band is learned from 2 to 10000 runs, not " + n);
    }
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be a positive number, not " + k);
    }
    if (minRuns < 2 || minRuns > n) {
      throw new IllegalArgumentException("min_runs must be between 2 and " + n + ", not " + minRuns);
    }
    if (!(minWidth >= 0) || Double.isInfinite(minWidth)) {
      throw new IllegalArgumentException("min_width must be a non-negative number, not " + minWidth);
    }
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, "%s%%", MonitorResult.number(100 * f));
  }
}
