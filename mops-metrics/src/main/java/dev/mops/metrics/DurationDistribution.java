package dev.mops.metrics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A mergeable distribution of durations (time-to-campaign, cycle times, time to recovery): exact
 * while it holds at most {@value #EXACT_LIMIT} values, a DDSketch with {@value
 * #RELATIVE_ACCURACY} relative accuracy beyond.
 *
 * <p>Percentiles use the nearest-rank method while exact (the smallest value with at least {@code
 * q} of the values at or below it, so a percentile is always an observed value); the sketch
 * answers within 1% of that value's size. Merging is exact: the merge of two distributions is the
 * distribution of all their values, in any order and any grouping.
 *
 * <p>Thread safety: not thread-safe; keep one per thread or partition and {@link #merge} them.
 */
public final class DurationDistribution {

  /** How many values are kept exactly before switching to the sketch. */
  public static final int EXACT_LIMIT = 1024;

  /** The sketch's relative accuracy. */
  public static final double RELATIVE_ACCURACY = 0.01;

  private double[] exact = new double[16];
  private int count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private @Nullable DDSketch sketch;

  /** Adds a duration; negative durations are refused. */
  public void add(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a duration in a distribution must not be negative, found " + d);
    }
    addSeconds(d.getSeconds() + d.getNano() / 1e9);
  }

  /** Adds a value in seconds (not negative, finite). */
  public void addSeconds(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds must be finite and not negative, found " + seconds);
    }
    count++;
    sum += seconds;
    min = Math.min(min, seconds);
    max = Math.max(max, seconds);
    if (sketch != null) {
      sketch.accept(seconds);
      return;
    }
    if (count > EXACT_LIMIT) {
      toSketch().accept(seconds);
      return;
    }
    if (count > exact.length) {
      exact = Arrays.copyOf(exact, Math.min(EXACT_LIMIT, exact.length * 2));
    }
    exact[count - 1] = seconds;
  }

  private DDSketch toSketch() {
    DDSketch s = DDSketches.unboundedDense(RELATIVE_ACCURACY);
    int kept = sketch == null ? Math.min(count - 1, EXACT_LIMIT) : 0;
    for (int i = 0; i < kept; i++) {
      s.accept(exact[i]);
    }
    sketch = s;
    exact = new double[0];
    return s;
  }

  /** Adds every value of {@code other} to this distribution. */
  public DurationDistribution merge(DurationDistribution other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a distribution with itself");
    }
    int before = count;
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (sketch == null && other.sketch == null && count <= EXACT_LIMIT) {
      if (count > exact.length) {
        exact = Arrays.copyOf(exact, Math.max(count, Math.min(EXACT_LIMIT, exact.length * 2)));
      }
      System.arraycopy(other.exact, 0, exact, before, other.count);
      return this;
    }
    if (sketch == null) {
      DDSketch s = DDSketches.unboundedDense(RELATIVE_ACCURACY);
      for (int i = 0; i < before; i++) {
        s.accept(exact[i]);
      }
      sketch = s;
      exact = new double[0];
    }
    if (other.sketch != null) {
      sketch.mergeWith(other.sketch);
    } else {
      for (int i = 0; i < other.count; i++) {
        sketch.accept(other.exact[i]);
      }
    }
    return this;
  }

  /** Returns a copy that can be changed independently. */
  public DurationDistribution copy() {
    DurationDistribution c = new DurationDistribution();
    c.merge(this);
    return c;
  }

  /** Returns the number of values. */
  public long count() {
    return count;
  }

  /** Returns whether the percentiles are exact (at most {@value #EXACT_LIMIT} values). */
  public boolean isExact() {
    return sketch == null;
  }

  /** Returns the mean in seconds, {@code NaN} when empty. */
  public double meanSeconds() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Returns the smallest value in seconds, {@code NaN} when empty. */
  public double minSeconds() {
    return count == 0 ? Double.NaN : min;
  }

  /** Returns the largest value in seconds, {@code NaN} when empty. */
  public double maxSeconds() {
    return count == 0 ? Double.NaN : max;
  }

  /**
   * Returns the {@code q} quantile in seconds ({@code q} from 0 to 1; 0.5 is the median), {@code
   * NaN} when empty.
   */
  public double quantileSeconds(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile must be between 0 and 1, found " + q);
    }
    if (count == 0) {
      return Double.NaN;
    }
    if (sketch != null) {
      return Math.max(min, Math.min(max, sketch.getValueAtQuantile(q)));
    }
    double[] sorted = Arrays.copyOf(exact, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count);
    return sorted[Math.max(0, rank - 1)];
  }
}
