package dev.mops.spark;

import dev.mops.identity.stitch.RefusalReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity metrics of a {@link SparkStitch} run, summed over the connected components: the
 * same figures as the single-machine {@code IdentityGraph.metrics()} on the same observations
 * (stitching rate, confident share, merges, refusals by reason), with the counts behind them.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param observations the observations stitched
 * @param emptyObservations the observations without any identifier (every value blank)
 * @param identifiers the identifiers held by profiles
 * @param profiles the profiles
 * @param stitchedIdentifiers the identifiers whose profile holds at least one other
 * @param confidenceThreshold the threshold of {@link #confidentShare()} (the config's)
 * @param confidentlyStitched the stitched identifiers at or above the threshold
 * @param merges the observations that merged two or more profiles
 * @param refusals refused identifiers by reason, every reason present
 * @param identifiersByType identifiers held by profiles, by type, in configuration order
 * @param stitchedByType stitched identifiers, by type, in configuration order
 */
public record StitchTotals(long observations, long emptyObservations, long identifiers, long profiles,
    long stitchedIdentifiers, double confidenceThreshold, long confidentlyStitched, long merges,
    Map<RefusalReason, Long> refusals, Map<String, Long> identifiersByType, Map<String, Long> stitchedByType) {

  /** Copies the maps. */
  public StitchTotals {
    refusals = Collections.unmodifiableMap(new EnumMap<>(refusals));
    identifiersByType = Collections.unmodifiableMap(new LinkedHashMap<>(identifiersByType));
    stitchedByType = Collections.unmodifiableMap(new LinkedHashMap<>(stitchedByType));
  }

  /** Returns the stitched identifiers over all identifiers (0 when there are none). */
  public double stitchingRate() {
    return identifiers == 0 ? 0 : (double) stitchedIdentifiers / identifiers;
  }

  /** Returns the stitching rate of each type, in configuration order (0 for a type without identifiers). */
  public Map<String, Double> stitchingRateByType() {
    Map<String, Double> out = new LinkedHashMap<>();
    identifiersByType.forEach((t, n) -> out.put(t, n == 0 ? 0.0 : (double) stitchedByType.getOrDefault(t, 0L) / n));
    return out;
  }

  /** Returns the share of stitched identifiers at or above the threshold (0 when none is stitched). */
  public double confidentShare() {
    return stitchedIdentifiers == 0 ? 0 : (double) confidentlyStitched / stitchedIdentifiers;
  }

  /** Returns the total of refused identifiers. */
  public long totalRefusals() {
    long s = 0;
    for (long v : refusals.values()) {
      s += v;
    }
    return s;
  }
}
