package dev.mops.identity.dedupe;

import dev.mops.core.record.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link PairExplanation}s.
 *
 * <p>Thread safety: stateless.
 */
final class Explainer {
  private Explainer() {}

  static PairExplanation explain(
      FieldComparer comparer, Scorer scorer, PreparedRecord a, PreparedRecord b, boolean candidate) {
    int n = comparer.fieldCount();
    int[] level = new int[n];
    double[] adjusted = new double[n];
    String[] note = new String[n];
    for (int f = 0; f < n; f++) {
      level[f] = comparer.level(f, a, b);
      note[f] = "";
      if (level[f] != FieldComparer.MISSING) {
        adjusted[f] = scorer.fieldWeight(f, level[f], a, b);
        double base = scorer.weights[f][level[f]];
        if (Math.abs(adjusted[f] - base) > 0.005) {
          int count = Math.max(a.valueCount[f], b.valueCount[f]);
          note[f] = String.format(Locale.ROOT, "%s agrees on a value held by %s of records (%,d of %,d): %+.2f instead of %+.2f",
              comparer.rules[f].field(), percent((double) count / scorer.tfRecords), count, scorer.tfRecords,
              adjusted[f], base);
        }
      }
    }
    // Evidence groups: only the strongest agreement and the strongest disagreement count.
    double[] counted = adjusted.clone();
    boolean switched = scorer.anySwitchable && Scorer.switched(a, b);
    for (int g = 0; g < scorer.groups; g++) {
      int best = -1;
      int worst = -1;
      List<String> names = new ArrayList<>();
      boolean anchored = false;
      boolean otherDisagreement = false;
      boolean placeAgrees = false;
      for (int f = 0; f < n; f++) {
        if (scorer.groupOf[f] == g && level[f] != FieldComparer.MISSING) {
          anchored |= scorer.anchor[f] && adjusted[f] > 0;
          otherDisagreement |= !scorer.switchable[f] && adjusted[f] < 0;
          placeAgrees |= scorer.place[f] && adjusted[f] > 0;
        }
      }
      boolean domains = scorer.anySwitchable && Scorer.otherWorkDomains(a, b);
      boolean otherDomain = domains;
      anchored &= !otherDisagreement && !otherDomain && placeAgrees;
      boolean off = switched && anchored;
      for (int f = 0; f < n; f++) {
        if (scorer.groupOf[f] == g) {
          names.add(comparer.rules[f].field());
          if (level[f] != FieldComparer.MISSING) {
            if (adjusted[f] > 0 && !(otherDomain && scorer.anchor[f]) && (best < 0 || adjusted[f] > adjusted[best])) {
              best = f;
            }
            if (adjusted[f] < 0 && !(off && scorer.switchable[f]) && (worst < 0 || adjusted[f] < adjusted[worst])) {
              worst = f;
            }
          }
        }
      }
      for (int f = 0; f < n; f++) {
        if (scorer.groupOf[f] == g && level[f] != FieldComparer.MISSING && f != best && f != worst
            && adjusted[f] != 0) {
          counted[f] = 0;
          String why = adjusted[f] > 0 && otherDomain && scorer.anchor[f]
              ? "not counted: the work emails are at different domains (" + a.workDomain + ", " + b.workDomain
                  + "), so these are two organisations whatever their names share"
              : adjusted[f] < 0 && off && scorer.switchable[f]
              ? "not counted: one email is personal (free mail) and the other a work address at the same company, and a"
                  + " sign-up from home has its own email, phone, address and postcode"
              : "not counted: " + String.join(", ", names) + " are one piece of evidence, counted by its "
              + (adjusted[f] > 0 ? "strongest agreement (" + comparer.rules[best].field() + ")"
                  : "strongest disagreement (" + comparer.rules[worst].field() + ")");
          note[f] = note[f].isEmpty() ? why : note[f] + "; " + why;
        }
      }
    }
    List<FieldExplanation> fields = new ArrayList<>();
    double total = scorer.prior;
    for (int f = 0; f < n; f++) {
      FieldRule rule = comparer.rules[f];
      String va = Values.asString(a.source.get(rule.field()));
      String vb = Values.asString(b.source.get(rule.field()));
      if (level[f] == FieldComparer.MISSING) {
        fields.add(new FieldExplanation(rule.field(), va, vb, a.norm[f], b.norm[f], -1, "missing",
            Double.NaN, Double.NaN, 0.0, 0.0, ""));
      } else {
        MatchModel.FieldWeights fw = scorer.model.fields().get(f);
        total += counted[f];
        fields.add(new FieldExplanation(rule.field(), va, vb, a.norm[f], b.norm[f], level[f],
            fw.levelNames().get(level[f]), fw.m().get(level[f]), fw.u().get(level[f]), counted[f],
            scorer.weights[f][level[f]], note[f]));
      }
    }
    double p = Scorer.probability(total);
    DedupeConfig config = comparer.config;
    MatchDecision d = p >= config.matchThreshold() ? MatchDecision.MATCH
        : p >= config.reviewThreshold() ? MatchDecision.REVIEW : MatchDecision.NON_MATCH;
    return new PairExplanation(a.ref, b.ref, fields, scorer.prior, total, p, d, candidate);
  }

  private static String percent(double share) {
    return share >= 0.1 ? String.format(Locale.ROOT, "%.0f%%", share * 100)
        : share >= 0.001 ? String.format(Locale.ROOT, "%.1f%%", share * 100)
        : String.format(Locale.ROOT, "%.3f%%", share * 100);
  }
}
