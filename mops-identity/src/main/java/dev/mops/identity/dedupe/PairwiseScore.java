package dev.mops.identity.dedupe;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against known entities: a pair of records is
 * predicted when they share a cluster and true when they share an entity.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param truePositives pairs predicted and true
 * @param predicted pairs predicted
 * @param actual true pairs
 */
public record PairwiseScore(long truePositives, long predicted, long actual) {

  /** Returns the share of predicted pairs that are true (1 when nothing was predicted). */
  public double precision() {
    return predicted == 0 ? 1.0 : (double) truePositives / predicted;
  }

  /** Returns the share of true pairs that were predicted (1 when there are none). */
  public double recall() {
    return actual == 0 ? 1.0 : (double) truePositives / actual;
  }

  /** Returns the harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /**
   * Scores a result's clusters against the true entity of each record; records missing from
   * {@code truth} are each their own entity. In link-only results only cross-source pairs count.
   */
  public static PairwiseScore of(DedupeResult result, Map<RecordRef, String> truth) {
    return of(result.clusterIds(), truth, result.linkOnly());
  }

  /** Scores predicted cluster ids against true entity ids, optionally counting cross-source pairs only. */
  public static PairwiseScore of(Map<RecordRef, String> clusters, Map<RecordRef, String> truth, boolean crossSourceOnly) {
    Map<String, Map<String, Long>> predicted = new HashMap<>();
    Map<String, Map<String, Long>> actual = new HashMap<>();
    Map<String, Map<String, Long>> both = new HashMap<>();
    for (Map.Entry<RecordRef, String> e : clusters.entrySet()) {
      RecordRef r = e.getKey();
      String t = truth.get(r);
      String src = r.source();
      bump(predicted, e.getValue(), src);
      if (t != null) {
        bump(actual, t, src);
        bump(both, e.getValue() + "\u0000" + t, src);
      }
    }
    return new PairwiseScore(pairs(both, crossSourceOnly), pairs(predicted, crossSourceOnly), pairs(actual, crossSourceOnly));
  }

  private static void bump(Map<String, Map<String, Long>> m, String group, String source) {
    m.computeIfAbsent(group, x -> new HashMap<>()).merge(source, 1L, Long::sum);
  }

  private static long pairs(Map<String, Map<String, Long>> groups, boolean crossOnly) {
    long total = 0;
    for (Map<String, Long> bySource : groups.values()) {
      long n = 0;
      long same = 0;
      for (long c : bySource.values()) {
        n += c;
        same += c * (c - 1) / 2;
      }
      long all = n * (n - 1) / 2;
      total += crossOnly ? all - same : all;
    }
    return total;
  }
}
