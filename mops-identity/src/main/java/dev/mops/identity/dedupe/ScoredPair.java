package dev.mops.identity.dedupe;

import java.util.Objects;

/**
 * A compared pair of records with its match weight, probability and decision.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param a the record ordered first
 * @param b the record ordered second
 * @param matchWeight the log2 odds of a match: prior weight plus the field weights
 * @param probability the match probability, {@code 1 / (1 + 2^-matchWeight)}
 * @param decision what the thresholds decide
 */
public record ScoredPair(RecordRef a, RecordRef b, double matchWeight, double probability, MatchDecision decision) {

  /** Validates the components. */
  public ScoredPair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(decision, "decision");
  }
}
