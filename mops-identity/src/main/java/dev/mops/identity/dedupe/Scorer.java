package dev.mops.identity.dedupe;

/**
 * Turns comparison patterns into match weights with a {@link MatchModel}.
 *
 * <p>Thread safety: immutable; safe to share.
 */
final class Scorer {
  private static final double LN2 = Math.log(2);

  final MatchModel model;
  final double prior;
  final double[][] weights;

  Scorer(FieldComparer comparer, MatchModel model) {
    this.model = model;
    this.prior = model.priorWeight();
    weights = new double[comparer.fieldCount()][];
    for (int f = 0; f < weights.length; f++) {
      MatchModel.FieldWeights fw = model.fields().get(f);
      weights[f] = new double[fw.m().size()];
      for (int l = 0; l < weights[f].length; l++) {
        weights[f][l] = Math.log(fw.m().get(l) / fw.u().get(l)) / LN2;
      }
    }
  }

  /** Returns the match weight (log2 odds) of a pattern. */
  double weight(long pattern) {
    double w = prior;
    for (int f = 0; f < weights.length; f++) {
      int l = FieldComparer.levelOf(pattern, f);
      if (l != FieldComparer.MISSING) {
        w += weights[f][l];
      }
    }
    return w;
  }

  static double probability(double weight) {
    return 1.0 / (1.0 + Math.pow(2, -weight));
  }
}
