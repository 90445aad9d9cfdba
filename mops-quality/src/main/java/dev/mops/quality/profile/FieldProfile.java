package dev.mops.quality.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics of one field in a {@link QualityProfile}.
 *
 * <p>Numeric statistics ({@code min}, {@code max}, {@code mean}, {@code stddev}, percentiles) are
 * on the field's scale (see {@link dev.mops.quality.contract.FieldSpec#measure}); they are {@code
 * NaN} when the field had no such values. Percentiles come from a DDSketch with 1% relative
 * accuracy and exist for integer and number fields only.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the field
 * @param type the field's logical type label, or {@code auto} without a contract
 * @param count rows seen
 * @param nulls rows where the field was missing or null
 * @param empties rows where it was blank text
 * @param distinct distinct non-blank values (exact when {@code distinctExact})
 * @param distinctExact whether {@code distinct} is exact (else a DataSketches CPC estimate)
 * @param topValues the most frequent values with counts, when counts are exact (else empty)
 * @param minLength shortest non-blank value in characters, or -1
 * @param maxLength longest, or -1
 * @param measured values read on the field's scale
 * @param min smallest on the scale
 * @param max largest on the scale
 * @param mean mean on the scale
 * @param stddev sample standard deviation on the scale
 * @param p50 median (integer and number fields)
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param invalidByRule failing rows of each record-level rule on this field, by rule id
 * @param inferredTypes without a contract: how many values read as each probed type
 */
public record FieldProfile(
    String name, String type, long count, long nulls, long empties, long distinct, boolean distinctExact,
    List<Map.Entry<String, Long>> topValues, int minLength, int maxLength, long measured, double min, double max,
    double mean, double stddev, double p50, double p95, double p99, Map<String, Long> invalidByRule,
    Map<String, Long> inferredTypes) {

  /** The most top values a field profile lists. */
  public static final int TOP_VALUES = 10;

  /** Copies the collections. */
  public FieldProfile {
    Objects.requireNonNull(name, "name");
    topValues = List.copyOf(topValues);
    invalidByRule = Collections.unmodifiableMap(new LinkedHashMap<>(invalidByRule));
    inferredTypes = Collections.unmodifiableMap(new LinkedHashMap<>(inferredTypes));
  }

  /** Returns the share (0-1) of rows with a non-blank value. */
  public double completeness() {
    return count == 0 ? 1 : (double) (count - nulls - empties) / count;
  }

  static FieldProfile of(FieldState f, List<String> ruleIds, long[] failures) {
    Map<String, Long> invalid = new LinkedHashMap<>();
    String prefix = f.spec.name() + ".";
    for (int i = 0; i < ruleIds.size(); i++) {
      if (ruleIds.get(i).startsWith(prefix)) {
        invalid.put(ruleIds.get(i), failures[i]);
      }
    }
    Map<String, Long> inferred = new LinkedHashMap<>();
    for (int i = 0; i < f.probes.length; i++) {
      inferred.put(FieldState.PROBES[i].label(), f.probes[i]);
    }
    List<Map.Entry<String, Long>> top = new ArrayList<>(f.top(TOP_VALUES));
    boolean any = f.n > 0;
    return new FieldProfile(f.spec.name(), f.auto ? "auto" : f.spec.type().label(), f.count, f.nulls, f.empties, f.distinct(),
        f.distinctExact(), top, f.maxLength < 0 ? -1 : f.minLength, f.maxLength, f.n, any ? f.min : Double.NaN,
        any ? f.max : Double.NaN, any ? f.mean : Double.NaN, f.stddev(), f.quantile(0.5), f.quantile(0.95), f.quantile(0.99),
        invalid, inferred);
  }
}
