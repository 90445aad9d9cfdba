package dev.mops.metrics.sla;

import dev.mops.core.condition.Condition;
import dev.mops.core.time.BusinessCalendar;
import java.time.Duration;
import java.util.Objects;

/**
 * One goal of an {@link SlaPolicy}: the requests it applies to (a condition; the catch-all goal
 * at the end has {@code always}), the business time they get, the calendar that business time
 * is counted in, and the share of the target after which a running request is at risk.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the goal's name, written in the {@code goal} column
 * @param when the requests it applies to
 * @param target the business time allowed; positive
 * @param calendar the calendar business time is counted in
 * @param atRiskShare the share of {@code target} (over 0, at most 1) used from which a running
 *     request is {@link SlaState#AT_RISK}
 */
public record SlaGoal(String name, Condition when, Duration target, BusinessCalendar calendar, double atRiskShare) {

  /** Validates the components. */
  public SlaGoal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(calendar, "calendar");
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("an SLA target must be positive, found " + target);
    }
    if (!(atRiskShare > 0 && atRiskShare <= 1)) {
      throw new IllegalArgumentException("the at-risk share must be over 0 and at most 1, found " + atRiskShare);
    }
  }
}
