package dev.mops.core.condition;

import java.util.List;

/**
 * Why a condition gave its answer on one row: the result and the field comparisons that decided
 * it.
 *
 * <p>The deciding comparisons are: for a false {@code all}, those of its first false child; for a
 * true {@code all}, those of every child; for a true {@code any}, those of its first true child;
 * for a false {@code any}, those of every child; for {@code not}, those of its child.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param result the condition's answer
 * @param decidedBy the comparisons that decided it, in evaluation order
 */
public record ConditionExplanation(boolean result, List<LeafOutcome> decidedBy) {

  /** Copies the list. */
  public ConditionExplanation {
    decidedBy = List.copyOf(decidedBy);
  }

  /** Returns a readable form, one comparison per line after the result. */
  public String describe() {
    StringBuilder sb = new StringBuilder(result ? "true" : "false");
    for (LeafOutcome o : decidedBy) {
      sb.append("\n  ").append(o.describe());
    }
    return sb.toString();
  }
}
