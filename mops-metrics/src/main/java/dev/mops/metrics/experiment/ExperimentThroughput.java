package dev.mops.metrics.experiment;

import dev.mops.metrics.ops.Share;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Experiment throughput: per month, the experiments that ended and how many of them reached
 * their planned sample (met the power criteria they were designed for).
 *
 * <p>Merging: {@code a.merge(b)} holds both; associative and commutative.
 *
 * <p>Thread safety: not thread-safe; keep one per thread or partition and merge them.
 */
public final class ExperimentThroughput {

  private final TreeMap<YearMonth, Share> months = new TreeMap<>();

  /** Adds an experiment that ended in {@code month} with {@code subjects} of {@code plannedPerArm * arms}. */
  public ExperimentThroughput add(YearMonth month, long subjectsPerArmReached, long plannedPerArm) {
    Objects.requireNonNull(month, "month");
    if (plannedPerArm <= 0 || subjectsPerArmReached < 0) {
      throw new IllegalArgumentException("planned sample must be positive and reached not negative, found "
          + subjectsPerArmReached + " of " + plannedPerArm);
    }
    months.merge(month, Share.none().plus(subjectsPerArmReached >= plannedPerArm), Share::merge);
    return this;
  }

  /** Adds everything {@code other} holds. */
  public ExperimentThroughput merge(ExperimentThroughput other) {
    if (other != this) {
      other.months.forEach((m, s) -> months.merge(m, s, Share::merge));
    }
    return this;
  }

  /** Returns, per month, the experiments that reached their planned sample out of those that ended. */
  public Map<YearMonth, Share> byMonth() {
    return Collections.unmodifiableMap(new TreeMap<>(months));
  }
}
