package dev.mops.identity.dedupe;

import java.util.Locale;

/**
 * Which pairs the prior match probability (lambda) of a model refers to.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum PriorScope {
  /**
   * The share of matches among the candidate pairs that blocking made (the default). Right when
   * every blocking key is itself strong evidence (an email, a phone, a name with a birth date).
   */
  CANDIDATES,
  /**
   * The share of matches among all pairs of the input: the candidate share times the number of
   * candidates over the number of pairs. Right for large files with loose blocking keys (a first
   * name with a postcode), where pairs agreeing by coincidence on the blocked fields are common
   * and the candidate prior would let them through.
   */
  ALL_PAIRS;

  /** Returns the lower-case name used in config files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
