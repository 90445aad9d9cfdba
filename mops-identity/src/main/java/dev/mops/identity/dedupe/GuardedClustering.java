package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The engine's guarded clustering of a match graph, for callers that find the matches themselves:
 * a distributed run that clusters one connected component at a time, or a job that scores its own
 * candidate pairs with a {@link MatchIndex}.
 *
 * <p>It is the same code {@link Deduplicator} runs in its clustering phase, with the config's
 * guards: matches are joined strongest first (ties by record index) under {@code
 * max_cluster_size}; two clusters of which one has more than one record merge only when {@code
 * min_link_share} of their cross pairs reach the review threshold; with {@code
 * weak_link_probability} above 0, a lone link below it that holds two groups of two or more
 * records together is cut. Findings ({@code CLUSTER_SIZE_CAP}, {@code CLUSTER_MERGE_REFUSED},
 * {@code WEAK_LINK_SPLIT}) are the engine's. The engine only merges along match edges, so its
 * clusters never cross a connected component and its decisions inside one depend only on that
 * component's records and edges: clustering each component alone gives the clusters of one pass
 * over all records, provided records are indexed in the same relative order (the engine indexes
 * them in {@link RecordRef} order).
 *
 * <p>Every record ends in exactly one cluster, a record with no match alone.
 *
 * <p>Thread safety: stateless; safe to call from any number of threads (the caller's probability
 * function and findings list must be safe for the calling thread).
 */
public final class GuardedClustering {

  /** The match probability of two records, computed on demand for the {@code min_link_share} guard. */
  @FunctionalInterface
  public interface PairProbability {
    /**
     * Returns the match probability of records {@code a} and {@code b} (indices, in either order);
     * it must not depend on the order.
     */
    double of(int a, int b);
  }

  private GuardedClustering() {}

  /**
   * Clusters {@code n} records joined by the match edges {@code (first[k], second[k])} of
   * probability {@code probability[k]}.
   *
   * @param n the number of records, indexed 0 to n - 1
   * @param first one end of each match edge
   * @param second the other end of each match edge
   * @param probability each edge's match probability (the caller decides which pairs are matches,
   *     normally those at or above the match threshold)
   * @param config the guards: {@code max_cluster_size}, {@code min_link_share}, the review threshold
   *     and {@code weak_link_probability}
   * @param refs each record's reference, used in findings; length {@code n}
   * @param findings receives the clustering findings
   * @param pairs the probability of any two records, asked only when two clusters of which one has
   *     more than one record would merge and {@code min_link_share} is above 0
   * @return per record, the index of its cluster's smallest record
   * @throws IllegalArgumentException if the edge arrays differ in length, an index is outside 0 to
   *     n - 1, or {@code refs} does not hold n references
   */
  public static int[] cluster(int n, int[] first, int[] second, double[] probability, DedupeConfig config,
      List<String> refs, List<Finding> findings, PairProbability pairs) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(pairs, "pairs");
    if (n < 0) {
      throw new IllegalArgumentException("n is negative: " + n);
    }
    if (first.length != second.length || first.length != probability.length) {
      throw new IllegalArgumentException("edge arrays differ in length: " + first.length + ", " + second.length
          + ", " + probability.length);
    }
    if (refs.size() != n) {
      throw new IllegalArgumentException(refs.size() + " references for " + n + " records");
    }
    for (int k = 0; k < first.length; k++) {
      if (first[k] < 0 || first[k] >= n || second[k] < 0 || second[k] >= n) {
        throw new IllegalArgumentException("edge " + k + " (" + first[k] + ", " + second[k]
            + ") names a record outside 0 to " + (n - 1));
      }
    }
    return Clusterer.cluster(n, first, second, probability, config, refs::get, findings::add, pairs::of);
  }
}
