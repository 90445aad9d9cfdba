package dev.mops.quality.monitor;

import dev.mops.core.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One metric a {@link Monitor} watches, with its thresholds.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the metric's name, unique in the monitor (the key in the history)
 * @param kind what is measured
 * @param field the field measured, or {@code null} for {@link Kind#ROW_COUNT} and {@link
 *     Kind#QUALITY_SCORE}
 * @param values for {@link Kind#SHARE}: the values whose share of rows is measured
 * @param percentile for {@link Kind#PERCENTILE}: which percentile (0 to 100)
 * @param checks the thresholds; an alert is raised for each one the value breaks
 * @param severity the severity of this metric's alerts ({@code ERROR} or {@code WARNING})
 */
public record MonitorMetric(String name, Kind kind, @Nullable String field, List<String> values, double percentile,
    List<MonitorCheck> checks, Severity severity) {

  /** What a monitored metric measures. */
  public enum Kind {
    /** The number of rows. */
    ROW_COUNT,
    /** The share (0 to 1) of rows where the field is not blank. */
    COMPLETENESS,
    /** The number of distinct non-blank values of the field (exact, up to a budget). */
    DISTINCT_COUNT,
    /** The mean of the field's numbers (values that are not numbers are left out). */
    MEAN,
    /** A percentile of the field's numbers (1% relative accuracy). */
    PERCENTILE,
    /** The share (0 to 1) of rows whose field holds one of the given values. */
    SHARE,
    /** The overall score (0 to 100) of the monitor's data contract. */
    QUALITY_SCORE;

    /** Returns the name used in monitor files, such as {@code distinct_count}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates and copies. */
  public MonitorMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    values = List.copyOf(values);
    checks = List.copyOf(checks);
    Objects.requireNonNull(severity, "severity");
    boolean needsField = kind != Kind.ROW_COUNT && kind != Kind.QUALITY_SCORE;
    if (needsField != (field != null)) {
      throw new IllegalArgumentException(kind.label() + (needsField ? " needs a field" : " takes no field"));
    }
    if (kind == Kind.SHARE && values.isEmpty()) {
      throw new IllegalArgumentException("share needs at least one value");
    }
    if (kind == Kind.PERCENTILE && !(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("a percentile is between 0 and 100, not " + percentile);
    }
  }

  /** Returns a short description, such as {@code completeness of email} or {@code p95 of employees}. */
  public String describe() {
    return switch (kind) {
      case ROW_COUNT -> "row count";
      case QUALITY_SCORE -> "quality score";
      case PERCENTILE -> "p" + MonitorResult.number(percentile) + " of " + field;
      case SHARE -> "share of " + field + " in " + values;
      default -> kind.label().replace('_', ' ') + " of " + field;
    };
  }
}
