package dev.mops.identity.dedupe;

import java.util.List;
import java.util.Locale;

/**
 * Why a pair of records got its decision: every compared field with its values, level and weight,
 * and the total.
 *
 * <p>Read it as a sum: {@code matchWeight = priorWeight + sum of field weights}; the probability
 * is {@code 1 / (1 + 2^-matchWeight)} and is compared with the match and review thresholds.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param a the first record
 * @param b the second record
 * @param fields one explanation per compared field, in config order
 * @param priorWeight {@code log2(lambda / (1 - lambda))}, lambda being the share of matches
 *     among candidate pairs
 * @param matchWeight the prior weight plus the field weights
 * @param probability the match probability
 * @param decision what the thresholds decide
 * @param candidate whether blocking made this pair a candidate (a pair that is not one is never
 *     matched in a batch run, whatever its score)
 */
public record PairExplanation(
    RecordRef a,
    RecordRef b,
    List<FieldExplanation> fields,
    double priorWeight,
    double matchWeight,
    double probability,
    MatchDecision decision,
    boolean candidate) {

  /** Copies the field list. */
  public PairExplanation {
    fields = List.copyOf(fields);
  }

  /** Returns a plain-text table of the explanation, one line per field. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(a).append(" vs ").append(b).append(": ").append(decision)
        .append(String.format(Locale.ROOT, " (probability %.4f, weight %+.2f, prior %+.2f%s)%n",
            probability, matchWeight, priorWeight, candidate ? "" : ", not a blocking candidate"));
    for (FieldExplanation f : fields) {
      out.append(String.format(Locale.ROOT, "  %-16s %-24s %-24s %-12s %+7.2f%n", f.field(),
          quote(f.valueA()), quote(f.valueB()), f.levelName(), f.weight()));
      if (!f.note().isEmpty()) {
        out.append("      ").append(f.note()).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  private static String quote(@org.jspecify.annotations.Nullable String s) {
    if (s == null) {
      return "-";
    }
    return "'" + (s.length() > 20 ? s.substring(0, 19) + "\u2026" : s) + "'";
  }
}
