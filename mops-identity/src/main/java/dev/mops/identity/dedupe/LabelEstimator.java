package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates m and u from labelled pairs: per field and level, the smoothed share of labelled
 * matches (m) and of labelled non-matches (u) at that level; lambda and any class with too few
 * labels come from a base model (the unlabelled estimate).
 *
 * <p>Thread safety: stateless.
 */
final class LabelEstimator {

  /** The additive (Laplace) smoothing count added to every level of every field. */
  static final double SMOOTHING = 1.0;

  private LabelEstimator() {}

  static LabelTraining train(
      FieldComparer comparer, PreparedRecord[] recs, MatchModel base, Iterable<LabelledPair> labels, String idField,
      Deduplicator.Findings findings) {
    // The first record of each id in RecordRef order, which is input order among equal ids.
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < recs.length; i++) {
      index.putIfAbsent(recs[i].ref.toString(), i);
    }
    int skipped = 0;
    // per packed pair: bit 1 labelled match, bit 2 labelled non-match; and the number of labels
    TreeMap<Long, int[]> seen = new TreeMap<>();
    for (LabelledPair label : labels) {
      String a = label.idA().strip();
      String b = label.idB().strip();
      Integer ia = index.get(a);
      Integer ib = index.get(b);
      if (ia == null || ib == null) {
        skipped++;
        String pair = describe(a, b);
        if (ia == null) {
          findings.add(Finding.warning("LABEL_UNKNOWN_ID", idField, a, "labelled pair " + pair + ": no record has id '" + a + "'; label skipped"));
        }
        if (ib == null && !b.equals(a)) {
          findings.add(Finding.warning("LABEL_UNKNOWN_ID", idField, b, "labelled pair " + pair + ": no record has id '" + b + "'; label skipped"));
        }
        continue;
      }
      if (ia.intValue() == ib.intValue()) {
        skipped++;
        findings.add(Finding.warning("LABEL_SAME_RECORD", idField, a, "labelled pair " + describe(a, b) + " pairs a record with itself; label skipped"));
        continue;
      }
      int[] s = seen.computeIfAbsent(PairSet.pack(ia, ib), k -> new int[2]);
      s[0] |= label.match() ? 1 : 2;
      s[1]++;
    }
    int fields = comparer.fieldCount();
    long[][] mCount = new long[fields][];
    long[][] uCount = new long[fields][];
    long[] mPresent = new long[fields];
    long[] uPresent = new long[fields];
    for (int f = 0; f < fields; f++) {
      mCount[f] = new long[comparer.levelCount[f]];
      uCount[f] = new long[comparer.levelCount[f]];
    }
    int matches = 0;
    int nonMatches = 0;
    for (Map.Entry<Long, int[]> e : seen.entrySet()) {
      int a = PairSet.first(e.getKey());
      int b = PairSet.second(e.getKey());
      int[] s = e.getValue();
      String pair = describe(recs[a].ref.toString(), recs[b].ref.toString());
      if (s[0] == 3) {
        skipped += s[1];
        findings.add(Finding.warning("LABEL_CONFLICT", idField, pair,
            "pair " + pair + " is labelled both match and non-match; neither label is used"));
        continue;
      }
      if (s[1] > 1) {
        skipped += s[1] - 1;
        findings.add(Finding.info("LABEL_DUPLICATE", idField, pair,
            "pair " + pair + " is labelled " + s[1] + " times; used once"));
      }
      boolean match = s[0] == 1;
      if (match) {
        matches++;
      } else {
        nonMatches++;
      }
      // the same comparison as scoring: the pair in record order, as candidate pairs are compared
      long pattern = comparer.pattern(recs[a], recs[b]);
      for (int f = 0; f < fields; f++) {
        int l = FieldComparer.levelOf(pattern, f);
        if (l != FieldComparer.MISSING) {
          if (match) {
            mCount[f][l]++;
            mPresent[f]++;
          } else {
            uCount[f][l]++;
            uPresent[f]++;
          }
        }
      }
    }
    int min = LabelTraining.MIN_PAIRS_PER_CLASS;
    boolean fewM = matches < min;
    boolean fewU = nonMatches < min;
    if (fewM) {
      findings.add(Finding.warning("LABEL_TOO_FEW", "", Integer.toString(matches),
          matches + " labelled matches, fewer than " + min + "; m comes from the unlabelled estimate"));
    }
    if (fewU) {
      findings.add(Finding.warning("LABEL_TOO_FEW", "", Integer.toString(nonMatches),
          nonMatches + " labelled non-matches, fewer than " + min + "; u comes from the unlabelled estimate"));
    }
    List<MatchModel.FieldWeights> out = new ArrayList<>(fields);
    for (int f = 0; f < fields; f++) {
      FieldRule rule = comparer.rules[f];
      MatchModel.FieldWeights b = base.fields().get(f);
      List<Double> m = b.m();
      List<Double> u = b.u();
      if (rule.m() == null && !fewM) {
        if (mPresent[f] < min) {
          findings.add(Finding.info("LABEL_FIELD_TOO_FEW", rule.field(), Long.toString(mPresent[f]),
              "only " + mPresent[f] + " labelled matches have both values of " + rule.field()
                  + "; its m comes from the unlabelled estimate"));
        } else {
          m = smoothed(mCount[f], mPresent[f]);
        }
      }
      if (rule.u() == null && !fewU) {
        if (uPresent[f] < min) {
          findings.add(Finding.info("LABEL_FIELD_TOO_FEW", rule.field(), Long.toString(uPresent[f]),
              "only " + uPresent[f] + " labelled non-matches have both values of " + rule.field()
                  + "; its u comes from the unlabelled estimate"));
        } else {
          u = smoothed(uCount[f], uPresent[f]);
        }
      }
      out.add(new MatchModel.FieldWeights(rule.field(), rule.levelNames(), m, u));
    }
    MatchModel model = new MatchModel(base.lambda(), out, base.emIterations(), base.converged());
    return new LabelTraining(model, matches, nonMatches, skipped, findings.list());
  }

  /** {@code (count + SMOOTHING) / (present + levels * SMOOTHING)} per level. */
  static List<Double> smoothed(long[] counts, long present) {
    List<Double> out = new ArrayList<>(counts.length);
    for (long c : counts) {
      out.add((c + SMOOTHING) / (present + counts.length * SMOOTHING));
    }
    return out;
  }

  private static String describe(String a, String b) {
    return "(" + a + ", " + b + ")";
  }
}
