package dev.mops.identity.stitch;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity metrics of a graph, as marketing-operations teams report them: the stitching rate,
 * the stitching confidence (the share of stitched identifiers whose link meets a threshold),
 * merges, and refused merges by reason.
 *
 * <p>An identifier is <i>stitched</i> when its profile holds at least one other identifier. Its
 * <i>confidence</i> is that of the strongest other identifier type it was ever observed together
 * with (a cookie seen with a {@code user_id} at login has the {@code user_id}'s confidence; one seen
 * only with a shared phone has the phone's), from the types' {@code confidence} settings.
 *
 * <p>Thread safety: an immutable value.
 */
public final class StitchMetrics {

  private final long observations;
  private final long emptyObservations;
  private final long identifiers;
  private final long profiles;
  private final long stitched;
  private final Map<String, Double> stitchingRateByType;
  private final double threshold;
  private final long confident;
  private final long merges;
  private final Map<RefusalReason, Long> refusals;

  StitchMetrics(long observations, long emptyObservations, long identifiers, long profiles, long stitched,
      Map<String, Double> stitchingRateByType, double threshold, long confident, long merges,
      Map<RefusalReason, Long> refusals) {
    this.observations = observations;
    this.emptyObservations = emptyObservations;
    this.identifiers = identifiers;
    this.profiles = profiles;
    this.stitched = stitched;
    this.stitchingRateByType = Collections.unmodifiableMap(new LinkedHashMap<>(stitchingRateByType));
    this.threshold = threshold;
    this.confident = confident;
    this.merges = merges;
    this.refusals = Collections.unmodifiableMap(new EnumMap<>(refusals));
  }

  /** Returns the observations added. */
  public long observations() {
    return observations;
  }

  /** Returns the observations that had no identifier at all (every value blank). */
  public long emptyObservations() {
    return emptyObservations;
  }

  /** Returns the identifiers held by profiles. */
  public long identifiers() {
    return identifiers;
  }

  /** Returns the profiles. */
  public long profiles() {
    return profiles;
  }

  /** Returns the identifiers stitched to at least one other. */
  public long stitchedIdentifiers() {
    return stitched;
  }

  /** Returns the stitching rate: stitched identifiers over all identifiers (0 when there are none). */
  public double stitchingRate() {
    return identifiers == 0 ? 0 : (double) stitched / identifiers;
  }

  /** Returns the stitching rate of each identifier type, in configuration order. */
  public Map<String, Double> stitchingRateByType() {
    return stitchingRateByType;
  }

  /** Returns the confidence threshold the confident share was computed at. */
  public double confidenceThreshold() {
    return threshold;
  }

  /** Returns the stitched identifiers whose confidence is at or above the threshold. */
  public long confidentlyStitched() {
    return confident;
  }

  /** Returns the share of stitched identifiers at or above the threshold (0 when none is stitched). */
  public double confidentShare() {
    return stitched == 0 ? 0 : (double) confident / stitched;
  }

  /** Returns the observations that merged two or more profiles. */
  public long merges() {
    return merges;
  }

  /** Returns the refused identifiers by reason (every reason present, zero when none). */
  public Map<RefusalReason, Long> refusals() {
    return refusals;
  }

  /** Returns the total of refused identifiers. */
  public long totalRefusals() {
    long s = 0;
    for (long v : refusals.values()) {
      s += v;
    }
    return s;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "%d observations, %d identifiers in %d profiles, stitching rate %.4f, confident share %.4f at %.2f,"
            + " %d merges, refusals %s",
        observations, identifiers, profiles, stitchingRate(), confidentShare(), threshold, merges, refusals);
  }
}
