package dev.mops.identity.dedupe;

import java.util.Locale;

/**
 * How two normalized values of a field are compared, and which agreement levels that gives.
 *
 * <p>Every comparator has a lowest level {@code different} (0) and a highest level {@code exact}
 * (equal after normalization); thresholds add levels in between. A missing value on either side
 * gives no level at all and weighs nothing.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum ComparatorType {
  /** Equal or not: levels {@code different, exact}. Thresholds: none. */
  EXACT,
  /** Jaro-Winkler similarity: one level per threshold, highest first ({@code [0.92, 0.8]}). */
  JARO_WINKLER,
  /** Levenshtein edit distance: one level per maximum distance, smallest first ({@code [1, 2]}). */
  LEVENSHTEIN,
  /** Damerau-Levenshtein (adjacent transpositions count one edit): as {@link #LEVENSHTEIN}. */
  DAMERAU_LEVENSHTEIN,
  /** Dice similarity of character bigrams, for addresses and company names: like Jaro-Winkler. */
  QGRAM,
  /** Token-set similarity, word order ignored, for company names and addresses: like Jaro-Winkler. */
  TOKEN_SET,
  /**
   * Organisation names: words weighted by their rarity in the run, near-equal words and
   * abbreviations counted ({@code konink} for {@code koninklijke}), see {@code OrgNames}: like
   * Jaro-Winkler.
   */
  ORG_NAME,
  /**
   * Phonetic equality, then optional Jaro-Winkler thresholds below it. The level {@code same sound}
   * holds when the values' Double Metaphone codes (primary and alternate, 4 characters at most)
   * share a non-empty code: primary and primary (Philips' strongest match), primary and alternate
   * either way, or alternate and alternate. It is one level whichever codes agree.
   */
  PHONETIC,
  /**
   * Nickname-aware given names: names that may stand for the same formal name by the shared
   * nickname table ({@code bob} and {@code robert}, {@code alex} and {@code sandy}), then
   * Jaro-Winkler thresholds.
   */
  NAME,
  /**
   * Dates: a level for one typo (one digit off, or day and month swapped), then one level per
   * maximum distance in days ({@code [365]}).
   */
  DATE,
  /** Numbers: one level per maximum absolute difference, smallest first ({@code [1, 10]}). */
  NUMBER;

  /** Returns the lower-case name used in config files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the comparator named {@code label} in a config file, or null. */
  static @org.jspecify.annotations.Nullable ComparatorType byLabel(String label) {
    for (ComparatorType t : values()) {
      if (t.label().equals(label)) {
        return t;
      }
    }
    return null;
  }

  boolean similarityThresholds() {
    return this == JARO_WINKLER || this == QGRAM || this == TOKEN_SET || this == ORG_NAME || this == PHONETIC || this == NAME;
  }

  /** Number of fixed levels between {@code different} and {@code exact}. */
  int fixedMiddleLevels() {
    return this == PHONETIC || this == NAME || this == DATE ? 1 : 0;
  }
}
