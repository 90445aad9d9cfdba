package dev.mops.quality.profile;

import dev.mops.quality.contract.ContractRule;
import java.util.List;
import java.util.Objects;

/**
 * The result of one contract rule on a profile: status, failing rows, population, measured value,
 * a 0-100 score and sample values.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param rule the rule
 * @param status pass, warn, fail or not evaluated
 * @param failures failing rows (duplicate rows for unique rules; 0 for row count and freshness)
 * @param population the rows the failures are out of
 * @param measured the value compared with the threshold (rows, percent, or seconds of age)
 * @param score 0-100, or {@code NaN} when not evaluated
 * @param samples sample failing values
 * @param note why not evaluated, or a remark; {@code ""} otherwise
 */
public record RuleResult(
    ContractRule rule, RuleStatus status, long failures, long population, double measured, double score,
    List<String> samples, String note) {

  /** Validates and copies the components. */
  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    samples = List.copyOf(samples);
    Objects.requireNonNull(note, "note");
  }

  /** Returns the failing share of the population in percent (0 when the population is empty). */
  public double failurePercent() {
    return population == 0 ? 0 : 100.0 * failures / population;
  }
}
