package dev.mops.identity.dedupe;

/**
 * What the thresholds decide about a compared pair.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum MatchDecision {
  /** Probability at or above the match threshold: the records are one entity. */
  MATCH,
  /** Probability between the review and match thresholds: a person should look. */
  REVIEW,
  /** Probability below the review threshold. */
  NON_MATCH
}
