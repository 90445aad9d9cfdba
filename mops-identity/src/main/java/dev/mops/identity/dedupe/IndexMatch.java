package dev.mops.identity.dedupe;

import java.util.Objects;

/**
 * An indexed record that matches a query record, with its score.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param ref the indexed record
 * @param matchWeight the log2 odds of a match
 * @param probability the match probability
 * @param decision {@link MatchDecision#MATCH} or {@link MatchDecision#REVIEW}
 */
public record IndexMatch(RecordRef ref, double matchWeight, double probability, MatchDecision decision) {

  /** Validates the components. */
  public IndexMatch {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(decision, "decision");
  }
}
