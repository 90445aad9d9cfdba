package dev.mops.identity.dedupe;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A trained Fellegi-Sunter model: the share of matches among candidate pairs and, per field and
 * agreement level, the m and u probabilities and the weight {@code log2(m / u)}.
 *
 * <p>Produced by {@link Deduplicator} (m by EM over candidate pairs, u from random pairs, either
 * replaced by values fixed in config; or both from labelled pairs by {@link
 * Deduplicator#trainFromLabels}) and reused by {@link MatchIndex}.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param lambda the share of matches among candidate pairs, in (0, 1)
 * @param fields the weights of each field, in config order
 * @param emIterations the EM iterations run
 * @param converged whether EM converged before its iteration cap
 */
public record MatchModel(double lambda, List<FieldWeights> fields, int emIterations, boolean converged) {

  /** Validates lambda and copies the fields. */
  public MatchModel {
    fields = List.copyOf(fields);
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("lambda " + lambda + " is not in (0, 1)");
    }
  }

  /** Returns the prior weight, {@code log2(lambda / (1 - lambda))}. */
  public double priorWeight() {
    return Math.log(lambda / (1 - lambda)) / Math.log(2);
  }

  /** Returns a plain-text table of the weights. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "lambda %.5f (prior weight %+.2f), EM iterations %d%s%n",
        lambda, priorWeight(), emIterations, converged ? "" : " (not converged)"));
    for (FieldWeights f : fields) {
      for (int l = f.levelNames().size() - 1; l >= 0; l--) {
        b.append(String.format(Locale.ROOT, "  %-16s %-12s m=%.5f u=%.6f weight=%+.2f%n",
            f.field(), f.levelNames().get(l), f.m().get(l), f.u().get(l), f.weight(l)));
      }
    }
    return b.toString();
  }

  /**
   * The m and u probabilities of one field, per agreement level, lowest level first.
   *
   * @param field the field
   * @param levelNames the level names
   * @param m probability of each level among matches
   * @param u probability of each level among non-matches
   */
  public record FieldWeights(String field, List<String> levelNames, List<Double> m, List<Double> u) {

    /** Validates sizes and ranges. */
    public FieldWeights {
      Objects.requireNonNull(field, "field");
      levelNames = List.copyOf(levelNames);
      m = List.copyOf(m);
      u = List.copyOf(u);
      if (m.size() != levelNames.size() || u.size() != levelNames.size()) {
        throw new IllegalArgumentException("field '" + field + "': m, u and level names differ in size");
      }
      for (int i = 0; i < m.size(); i++) {
        if (!(m.get(i) > 0 && m.get(i) <= 1 && u.get(i) > 0 && u.get(i) <= 1)) {
          throw new IllegalArgumentException("field '" + field + "': m and u must be in (0, 1]");
        }
      }
    }

    /** Returns {@code log2(m / u)} of {@code level}. */
    public double weight(int level) {
      return Math.log(m.get(level) / u.get(level)) / Math.log(2);
    }
  }
}
