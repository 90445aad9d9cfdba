package dev.mops.spark;

import dev.mops.core.Finding;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.MatchModel;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of a {@link SparkDedupe} run: clusters and scored pairs as Datasets, the model they
 * were scored with, and the run's findings.
 *
 * <p>Thread safety: immutable; the Datasets are Spark's (cached by the run: call {@link
 * #unpersist()} when done).
 */
public final class SparkDedupeResult {

  private final DedupeConfig config;
  private final MatchModel model;
  private final Map<String, List<String>> junkValues;
  private final Dataset<Row> clusters;
  private final Dataset<Row> pairs;
  private final List<Finding> findings;

  SparkDedupeResult(DedupeConfig config, MatchModel model, Map<String, List<String>> junkValues, Dataset<Row> clusters,
      Dataset<Row> pairs, List<Finding> findings) {
    this.config = config;
    this.model = model;
    this.junkValues = Map.copyOf(junkValues);
    this.clusters = clusters;
    this.pairs = pairs;
    this.findings = List.copyOf(findings);
  }

  /** Returns the config of the run. */
  public DedupeConfig config() {
    return config;
  }

  /** Returns the model the pairs were scored with (estimated once, or the one given). */
  public MatchModel model() {
    return model;
  }

  /** Returns the values treated as missing, by field. */
  public Map<String, List<String>> junkValues() {
    return junkValues;
  }

  /**
   * Returns {@code id, cluster_id, cluster_size}: every input record exactly once; the cluster id
   * is the smallest id of the cluster, and a record without a match is a cluster of one.
   */
  public Dataset<Row> clusters() {
    return clusters;
  }

  /**
   * Returns {@code id_a, id_b, match_weight, probability, decision}: every candidate pair at or
   * above the review threshold, once, with {@code id_a < id_b} and {@code decision} {@code MATCH}
   * or {@code REVIEW}.
   */
  public Dataset<Row> pairs() {
    return pairs;
  }

  /**
   * Returns the run's findings: junk values (of the estimation run), oversized blocks and the
   * clustering guards' decisions, at most 100 per code (then a {@code FINDINGS_CAPPED} summary).
   */
  public List<Finding> findings() {
    return findings;
  }

  /** Drops the cached Datasets. */
  public void unpersist() {
    clusters.unpersist();
    pairs.unpersist();
  }
}
