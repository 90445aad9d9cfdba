package dev.mops.quality.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The drift between two profiles of the same dataset (this week against last week): each metric
 * compared, and which moved beyond a tolerance.
 *
 * <p>Rates (null rate, empty rate, failing rate of each rule, duplicate rate) are compared in
 * percentage points against {@code ratePoints}; sizes and levels (row count, distinct count, mean,
 * median, p95) by relative change against {@code relativeChange}.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param changes every metric compared, in field order
 */
public record ProfileDrift(List<MetricChange> changes) {

  /**
   * One metric of both profiles.
   *
   * @param field the field, or {@code ""} for the dataset
   * @param metric the metric ({@code null_rate}, {@code distinct}, {@code failing_rate:email.pattern}, ...)
   * @param before its value in the earlier profile
   * @param after its value in the later profile
   * @param beyond whether the change exceeds the tolerance
   */
  public record MetricChange(String field, String metric, double before, double after, boolean beyond) {

    /** Returns a one-line description. */
    public String describe() {
      return String.format(Locale.ROOT, "%s%s: %.4g -> %.4g%s", field.isEmpty() ? "" : field + " ", metric, before, after,
          beyond ? " (beyond tolerance)" : "");
    }
  }

  /** Copies the list. */
  public ProfileDrift {
    changes = List.copyOf(changes);
  }

  /** Returns the changes beyond tolerance. */
  public List<MetricChange> drifted() {
    List<MetricChange> out = new ArrayList<>();
    for (MetricChange c : changes) {
      if (c.beyond()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Compares two profiles of the same fields.
   *
   * @param ratePoints tolerance of rates, in percentage points (e.g. 1.0)
   * @param relativeChange tolerance of sizes and levels, as a fraction (e.g. 0.10 for 10%)
   * @throws IllegalArgumentException when the profiles have different fields or rules
   */
  public static ProfileDrift between(QualityProfile before, QualityProfile after, double ratePoints, double relativeChange) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!(ratePoints >= 0) || !(relativeChange >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0");
    }
    ProfileState a = before.state;
    ProfileState b = after.state;
    if (!a.fieldNames().equals(b.fieldNames()) || !a.ruleIds.equals(b.ruleIds)) {
      throw new IllegalArgumentException("profiles of different fields or rules cannot be compared: " + a.fieldNames() + " vs " + b.fieldNames());
    }
    List<MetricChange> out = new ArrayList<>();
    out.add(relative("", "rows", (double) a.rows, (double) b.rows, relativeChange));
    for (int i = 0; i < a.fieldStates.length; i++) {
      FieldState x = a.fieldStates[i];
      FieldState y = b.fieldStates[i];
      String f = x.spec.name();
      out.add(rate(f, "null_rate", x.nulls, x.count, y.nulls, y.count, ratePoints));
      out.add(rate(f, "empty_rate", x.empties, x.count, y.empties, y.count, ratePoints));
      out.add(relative(f, "distinct", (double) x.distinct(), (double) y.distinct(), relativeChange));
      if (x.n > 0 && y.n > 0) {
        out.add(relative(f, "mean", x.mean, y.mean, relativeChange));
        if (x.sketch != null) {
          out.add(relative(f, "p50", x.quantile(0.5), y.quantile(0.5), relativeChange));
          out.add(relative(f, "p95", x.quantile(0.95), y.quantile(0.95), relativeChange));
        }
      }
    }
    for (int r = 0; r < a.ruleIds.size(); r++) {
      String id = a.ruleIds.get(r);
      if (a.keys[r] != null) {
        out.add(rate("", "duplicate_rate:" + id, a.keyedRows[r] - a.keys[r].size(), a.keyedRows[r],
            b.keyedRows[r] - b.keys[r].size(), b.keyedRows[r], ratePoints));
      } else if (a.ruleKinds.get(r).recordLevel()) {
        out.add(rate("", "failing_rate:" + id, a.failures[r], a.rows, b.failures[r], b.rows, ratePoints));
      }
    }
    return new ProfileDrift(out);
  }

  private static MetricChange rate(String field, String metric, long xn, long xd, long yn, long yd, double points) {
    double x = xd == 0 ? 0 : 100.0 * xn / xd;
    double y = yd == 0 ? 0 : 100.0 * yn / yd;
    return new MetricChange(field, metric, x, y, Math.abs(y - x) > points);
  }

  private static MetricChange relative(String field, String metric, double x, double y, double tolerance) {
    boolean beyond;
    if (x == y) {
      beyond = false;
    } else if (x == 0) {
      beyond = true;
    } else {
      beyond = Math.abs(y - x) / Math.abs(x) > tolerance;
    }
    return new MetricChange(field, metric, x, y, beyond);
  }
}
