package dev.mops.identity.dedupe;

import dev.mops.core.record.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link PairExplanation}s.
 *
 * <p>Thread safety: stateless.
 */
final class Explainer {
  private Explainer() {}

  static PairExplanation explain(
      FieldComparer comparer, Scorer scorer, PreparedRecord a, PreparedRecord b, boolean candidate) {
    List<FieldExplanation> fields = new ArrayList<>();
    double total = scorer.prior;
    for (int f = 0; f < comparer.fieldCount(); f++) {
      FieldRule rule = comparer.rules[f];
      int level = comparer.level(f, a, b);
      String va = Values.asString(a.source.get(rule.field()));
      String vb = Values.asString(b.source.get(rule.field()));
      if (level == FieldComparer.MISSING) {
        fields.add(new FieldExplanation(rule.field(), va, vb, a.norm[f], b.norm[f], -1, "missing",
            Double.NaN, Double.NaN, 0.0));
      } else {
        MatchModel.FieldWeights fw = scorer.model.fields().get(f);
        double w = scorer.weights[f][level];
        total += w;
        fields.add(new FieldExplanation(rule.field(), va, vb, a.norm[f], b.norm[f], level,
            fw.levelNames().get(level), fw.m().get(level), fw.u().get(level), w));
      }
    }
    double p = Scorer.probability(total);
    DedupeConfig config = comparer.config;
    MatchDecision d = p >= config.matchThreshold() ? MatchDecision.MATCH
        : p >= config.reviewThreshold() ? MatchDecision.REVIEW : MatchDecision.NON_MATCH;
    return new PairExplanation(a.ref, b.ref, fields, scorer.prior, total, p, d, candidate);
  }
}
