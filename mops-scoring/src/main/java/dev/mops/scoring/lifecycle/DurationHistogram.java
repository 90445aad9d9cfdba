package dev.mops.scoring.lifecycle;

import java.time.Duration;
import java.util.Arrays;

/**
 * A mergeable histogram of durations in logarithmic buckets (each bucket 4% wider than the one
 * before, as in DDSketch), so that a percentile is within 2% of the true value whatever the scale:
 * minutes or years. Fixed size (about 4 KB), whatever the number of durations added.
 *
 * <p>Thread safety: not thread-safe; confined to the funnel that owns it.
 */
final class DurationHistogram {

  private static final double GAMMA = 1.04;
  private static final double LOG_GAMMA = Math.log(GAMMA);
  /** Buckets 1..BUCKETS-1 hold durations of 1 second and more; bucket 0 holds durations under a second. */
  static final int BUCKETS = 1 + (int) Math.ceil(Math.log(200.0 * 366 * 86_400) / LOG_GAMMA) + 1;

  private final long[] counts = new long[BUCKETS];
  private long total;

  void add(Duration d) {
    long s = Math.max(0, d.toSeconds());
    counts[bucket(s)]++;
    total++;
  }

  private static int bucket(long seconds) {
    if (seconds < 1) {
      return 0;
    }
    int b = 1 + (int) Math.floor(Math.log((double) seconds) / LOG_GAMMA);
    return Math.min(b, BUCKETS - 1);
  }

  /** The representative value of bucket b: the middle of [gamma^(b-1), gamma^b) with relative error under 2%. */
  private static double value(int b) {
    if (b == 0) {
      return 0;
    }
    double lo = Math.pow(GAMMA, b - 1);
    return 2 * lo * GAMMA / (1 + GAMMA);
  }

  void merge(DurationHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  long count() {
    return total;
  }

  /** The p-quantile (0 to 1, nearest rank); the histogram must not be empty. */
  Duration quantile(double p) {
    if (total == 0) {
      throw new IllegalStateException("empty histogram");
    }
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Duration.ofSeconds(Math.round(value(i)));
      }
    }
    return Duration.ofSeconds(Math.round(value(BUCKETS - 1)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationHistogram h && h.total == total && Arrays.equals(h.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }
}
