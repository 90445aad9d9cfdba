package dev.mops.scoring;

import java.util.Objects;

/**
 * A group's or a score's points before and after its caps and floor, in a {@link
 * ScoreExplanation}.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param score the score
 * @param group the group, or {@code ""} for the score as a whole
 * @param pointsBeforeCap the sum of the parts (rules, groups or weighted scores)
 * @param pointsAfterCap the value after {@code min} and {@code max}
 */
public record Subtotal(String score, String group, double pointsBeforeCap, double pointsAfterCap) {

  /** Validates the components. */
  public Subtotal {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(group, "group");
  }

  /** Returns whether a cap or floor changed the value. */
  public boolean capped() {
    return pointsBeforeCap != pointsAfterCap;
  }
}
