package dev.mops.quality.profile;

import dev.mops.quality.contract.QualityDimension;
import java.util.List;
import java.util.Objects;

/**
 * The score of one quality dimension: the mean of its evaluated rules' scores, with those results.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param dimension the dimension
 * @param score 0-100, or {@code NaN} when no rule of the dimension was evaluated
 * @param weight the dimension's weight in the overall score
 * @param rules the results of the dimension's rules
 */
public record DimensionScore(QualityDimension dimension, double score, double weight, List<RuleResult> rules) {

  /** Copies the list. */
  public DimensionScore {
    Objects.requireNonNull(dimension, "dimension");
    rules = List.copyOf(rules);
  }

  /** Returns whether the dimension has a score. */
  public boolean scored() {
    return !Double.isNaN(score);
  }
}
