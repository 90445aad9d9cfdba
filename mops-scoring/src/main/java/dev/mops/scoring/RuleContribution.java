package dev.mops.scoring;

import java.util.Objects;

/**
 * One rule that fired for a lead, in a {@link ScoreExplanation}: how often, and its points before
 * decay, after decay and after the rule's own cap.
 *
 * <p>Group and score caps apply to sums, so they are reported per group and per score in {@link
 * Subtotal}s rather than split across rules.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param score the score the rule belongs to
 * @param group the group the rule belongs to
 * @param rule the rule's name
 * @param when the rule's condition, in readable form
 * @param occurrences how many events matched (1 for a fit rule; for a {@code once} rule, the
 *     matches, of which only the most recent counts)
 * @param pointsBeforeDecay the points the counted occurrences are worth undecayed
 * @param pointsAfterDecay the points after the group's decay
 * @param pointsAfterCap the points after the rule's {@code max}
 */
public record RuleContribution(
    String score, String group, String rule, String when, int occurrences, double pointsBeforeDecay,
    double pointsAfterDecay, double pointsAfterCap) {

  /** Validates the components. */
  public RuleContribution {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(when, "when");
  }
}
