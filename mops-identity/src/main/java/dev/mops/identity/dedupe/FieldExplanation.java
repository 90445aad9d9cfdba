package dev.mops.identity.dedupe;

import org.jspecify.annotations.Nullable;

/**
 * How one field of a pair was compared: the values, the agreement level and what it weighs.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param field the field
 * @param valueA the first record's value as given, or null when missing
 * @param valueB the second record's value as given, or null when missing
 * @param normalizedA the first value after normalization (null when missing or junk)
 * @param normalizedB the second value after normalization (null when missing or junk)
 * @param level the agreement level, or -1 when a value is missing
 * @param levelName the level's name ({@code exact}, {@code jw>=0.92}, ...; {@code missing})
 * @param m probability of this level among matches (NaN when missing)
 * @param u probability of this level among non-matches (NaN when missing)
 * @param weight what the field adds to the match weight: {@code log2(m / u)}, adjusted by the value's
 *     term frequency and by its evidence group (see {@code note}); positive for evidence of a match,
 *     0 when missing
 * @param baseWeight {@code log2(m / u)} of the level before any adjustment (0 when missing)
 * @param note why {@code weight} differs from {@code baseWeight} (empty when it does not), such as
 *     {@code last_name agrees on a value held by 1.2% of records: +3.1 instead of +10.6}
 */
public record FieldExplanation(
    String field,
    @Nullable String valueA,
    @Nullable String valueB,
    @Nullable String normalizedA,
    @Nullable String normalizedB,
    int level,
    String levelName,
    double m,
    double u,
    double weight,
    double baseWeight,
    String note) {

  /** Checks the note. */
  public FieldExplanation {
    java.util.Objects.requireNonNull(note, "note");
  }
}
