package dev.mops.spark;

import dev.mops.identity.stitch.StitchConfig;
import dev.mops.identity.stitch.SuspectedJunk;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of a {@link SparkStitch} run: the observations with their profile ids, every
 * stitched identifier with its profile, the metrics and the suspected junk.
 *
 * <p>Thread safety: immutable; the Datasets are Spark's, read from what the run cached (call
 * {@link #unpersist()} when done).
 */
public final class SparkStitchResult {

  private final StitchConfig config;
  private final Dataset<Row> observations;
  private final Dataset<Row> identifiers;
  private final List<Dataset<Row>> cached;
  private final StitchTotals totals;
  private final List<SuspectedJunk> junk;

  SparkStitchResult(StitchConfig config, Dataset<Row> observations, Dataset<Row> identifiers, List<Dataset<Row>> cached,
      StitchTotals totals, List<SuspectedJunk> junk) {
    this.config = config;
    this.observations = observations;
    this.identifiers = identifiers;
    this.cached = List.copyOf(cached);
    this.totals = totals;
    this.junk = List.copyOf(junk);
  }

  /** Returns the config of the run. */
  public StitchConfig config() {
    return config;
  }

  /**
   * Returns every input row once, with {@code profile_id} (the profile that holds the identifiers
   * the observation stitched, at the end of the run; null when none was), {@code stitch_refusals}
   * (type, identifier, reason, detail of each refused identifier: {@code blocked}, {@code invalid},
   * {@code unique}, {@code limit}, {@code weak_link}, {@code profile_size}) and {@code
   * stitch_findings} ({@code OBSERVATION_ID_MISSING}, {@code TIMESTAMP_UNREADABLE}).
   */
  public Dataset<Row> observations() {
    return observations;
  }

  /** Returns {@code type, identifier, profile_id} for every identifier a profile holds (normalized). */
  public Dataset<Row> identifiers() {
    return identifiers;
  }

  /** Returns the metrics, summed over the components: as {@code IdentityGraph.metrics()} would give. */
  public StitchTotals totals() {
    return totals;
  }

  /**
   * Returns the identifiers refused into at least {@code junk.min_profiles} distinct profiles, most
   * profiles first, then by type and value (at most 10,000).
   */
  public List<SuspectedJunk> suspectedJunk() {
    return junk;
  }

  /** Returns how many observations (input rows) there were: {@code totals().observations()}. */
  public long observationCount() {
    return totals.observations();
  }

  /** Drops the cached Datasets of the run (the results read them; they are recomputed after). */
  public void unpersist() {
    for (Dataset<Row> d : cached) {
      d.unpersist();
    }
  }
}
