package dev.mops.quality.monitor;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link Monitor}: add the day's records, then {@link #snapshot()} gives each metric's
 * value. Streaming and bounded: counts, sums and a DDSketch per metric (1% relative accuracy for
 * percentiles), and an exact set of values for distinct counts up to {@link #MAX_DISTINCT} per
 * metric (past it the count stops and is a lower bound, said in {@link #notes()}).
 *
 * <p>Thread safety: not thread-safe; one run per thread.
 */
public final class MonitorRun {

  /** The most distinct values counted exactly per distinct-count metric. */
  public static final int MAX_DISTINCT = 100_000;

  private final Monitor monitor;
  private final Instant asOf;
  private final List<MonitorMetric> metrics;
  private final long[] counts;
  private final double[] sums;
  private final @Nullable DDSketch[] sketches;
  private final List<@Nullable Set<String>> distinct;
  private final List<@Nullable Set<String>> shareValues;
  private final boolean[] overBudget;
  private final long[] notNumbers;
  private final @Nullable ProfileBuilder profile;
  private long rows;

  MonitorRun(Monitor monitor, Instant asOf) {
    this.monitor = monitor;
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.metrics = monitor.metrics();
    int n = metrics.size();
    counts = new long[n];
    sums = new double[n];
    sketches = new DDSketch[n];
    distinct = new ArrayList<>();
    shareValues = new ArrayList<>();
    overBudget = new boolean[n];
    notNumbers = new long[n];
    boolean score = false;
    for (int i = 0; i < n; i++) {
      MonitorMetric m = metrics.get(i);
      distinct.add(m.kind() == MonitorMetric.Kind.DISTINCT_COUNT ? new HashSet<>() : null);
      shareValues.add(m.kind() == MonitorMetric.Kind.SHARE ? Set.copyOf(m.values()) : null);
      if (m.kind() == MonitorMetric.Kind.PERCENTILE) {
        sketches[i] = DDSketches.unboundedDense(0.01);
      }
      score |= m.kind() == MonitorMetric.Kind.QUALITY_SCORE;
    }
    DataContract c = monitor.contract();
    this.profile = score && c != null ? QualityProfile.builder(c).asOf(asOf) : null;
  }

  /** Adds one record. */
  public MonitorRun add(Record record) {
    Objects.requireNonNull(record, "record");
    rows++;
    for (int i = 0; i < metrics.size(); i++) {
      MonitorMetric m = metrics.get(i);
      String field = m.field();
      if (field == null) {
        continue;
      }
      Object raw = record.get(field);
      switch (m.kind()) {
        case COMPLETENESS -> {
          if (!Values.isEmpty(raw)) {
            counts[i]++;
          }
        }
        case SHARE -> {
          String s = Values.asString(raw);
          if (s != null && Objects.requireNonNull(shareValues.get(i)).contains(s.strip())) {
            counts[i]++;
          }
        }
        case DISTINCT_COUNT -> {
          String s = Values.asString(raw);
          Set<String> seen = Objects.requireNonNull(distinct.get(i));
          if (s != null && !s.isBlank() && !overBudget[i]) {
            if (seen.size() < MAX_DISTINCT) {
              seen.add(s.strip());
            } else if (!seen.contains(s.strip())) {
              overBudget[i] = true;
            }
          }
        }
        case MEAN, PERCENTILE -> {
          if (Values.isEmpty(raw)) {
            continue;
          }
          Number x = Values.asNumber(raw);
          if (x == null || !Double.isFinite(x.doubleValue())) {
            notNumbers[i]++;
            continue;
          }
          counts[i]++;
          sums[i] += x.doubleValue();
          DDSketch sk = sketches[i];
          if (sk != null) {
            sk.accept(x.doubleValue());
          }
        }
        default -> { }
      }
    }
    if (profile != null) {
      profile.add(record);
    }
    return this;
  }

  /** Returns the number of records added. */
  public long rows() {
    return rows;
  }

  /** Returns what the reader should know about the values: budgets reached, values that were not numbers. */
  public List<String> notes() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      MonitorMetric m = metrics.get(i);
      if (overBudget[i]) {
        out.add(m.name() + ": more than " + MAX_DISTINCT + " distinct values; the count is a lower bound");
      }
      if (notNumbers[i] > 0) {
        out.add(m.name() + ": " + notNumbers[i] + " values of " + m.field() + " are not numbers and were left out");
      }
    }
    return out;
  }

  /** Returns each metric's value for the records added so far, as a snapshot without alerts. */
  public MonitorSnapshot snapshot() {
    Map<String, Double> values = new LinkedHashMap<>();
    double score = Double.NaN;
    DataContract c = monitor.contract();
    if (profile != null && c != null) {
      score = QualityReport.of(c, profile.build(), asOf).overallScore();
    }
    for (int i = 0; i < metrics.size(); i++) {
      MonitorMetric m = metrics.get(i);
      double v = switch (m.kind()) {
        case ROW_COUNT -> rows;
        case COMPLETENESS, SHARE -> rows == 0 ? Double.NaN : (double) counts[i] / rows;
        case DISTINCT_COUNT -> Objects.requireNonNull(distinct.get(i)).size();
        case MEAN -> counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        case PERCENTILE -> {
          DDSketch sk = sketches[i];
          yield sk == null || sk.isEmpty() ? Double.NaN : sk.getValueAtQuantile(m.percentile() / 100);
        }
        case QUALITY_SCORE -> score;
      };
      values.put(m.name(), v);
    }
    return new MonitorSnapshot(monitor.name(), monitor.version(), monitor.contentHash(), monitor.dataset(), asOf, rows,
        values, List.of());
  }
}
