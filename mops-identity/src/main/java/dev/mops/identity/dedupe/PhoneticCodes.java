package dev.mops.identity.dedupe;

import java.util.Objects;

/**
 * The two Double Metaphone codes of a name: the primary code (its most likely English
 * pronunciation) and the alternate code (a second pronunciation, for names of other origins), as
 * returned by {@link StringSimilarity#doubleMetaphone}.
 *
 * <p>The alternate code equals the primary code when no rule gave an alternative. Philips ranks
 * matches of two names by which codes agree: primary with primary is the strongest, primary with
 * alternate the normal, alternate with alternate the weakest; {@link #soundsLike} accepts all three,
 * as dedupe's {@code phonetic} comparator does.
 *
 * <p>Thread safety: an immutable record; safe to share.
 *
 * @param primary the primary code, upper-case letters and {@code 0} for TH; empty when the name has
 *     no letter that is coded
 * @param alternate the alternate code, or the primary code when there is no alternative
 */
public record PhoneticCodes(String primary, String alternate) {

  /** Checks that both codes are present (either may be empty). */
  public PhoneticCodes {
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(alternate, "alternate");
  }

  /** Returns whether the alternate code differs from the primary code. */
  public boolean hasAlternate() {
    return !alternate.equals(primary);
  }

  /**
   * Returns whether a non-empty code of this equals a code of {@code other}: primary and primary,
   * primary and alternate (either way), or alternate and alternate.
   */
  public boolean soundsLike(PhoneticCodes other) {
    return agree(primary, other.primary)
        || agree(primary, other.alternate)
        || agree(alternate, other.primary)
        || agree(alternate, other.alternate);
  }

  private static boolean agree(String x, String y) {
    return !x.isEmpty() && x.equals(y);
  }
}
