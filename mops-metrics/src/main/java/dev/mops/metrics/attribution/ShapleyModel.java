package dev.mops.metrics.attribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The Shapley-value attribution model: channels are players of a cooperative game whose worth
 * {@code v(S)} for a set of channels {@code S} is the conversion rate of the journeys exposed to
 * exactly those channels within the window (converted journeys over journeys; 0 for a set no
 * journey saw). A channel's Shapley value is its marginal worth averaged over every order in which
 * the channels could join. The converted value and the conversions are shared out over channels in
 * proportion to their Shapley values (negative ones count as 0), and within a channel over its
 * campaigns as in {@link MarkovModel}.
 *
 * <p>With at most {@link #exactLimit()} channels (15 by default) the values are exact, over all
 * 2<sup>n</sup> sets; beyond, they are estimated from {@link #samples()} random orders drawn with
 * {@link #seed()}, so a given seed always gives the same answer. Channels take part in the
 * sampled orders sorted by name.
 *
 * <p>Resource limits: at most {@link #MAX_CHANNELS} channels, else {@link
 * IllegalArgumentException}; the exact computation holds 2<sup>n</sup> doubles (256 KB at 15).
 *
 * <p>Thread safety: an immutable value.
 */
public final class ShapleyModel implements AttributionModel {

  /** The most channels the model takes. */
  public static final int MAX_CHANNELS = 64;

  /** The highest exact limit that may be set (2^24 sets). */
  public static final int MAX_EXACT_LIMIT = 24;

  static final ShapleyModel DEFAULT = new ShapleyModel(20_261_202L, 10_000, 15, null);

  private final long seed;
  private final int samples;
  private final int exactLimit;
  private final @Nullable Duration lookback;

  private ShapleyModel(long seed, int samples, int exactLimit, @Nullable Duration lookback) {
    this.seed = seed;
    this.samples = samples;
    this.exactLimit = exactLimit;
    this.lookback = lookback;
  }

  /** Returns the seed of the sampled orders. */
  public long seed() {
    return seed;
  }

  /** Returns how many random orders are drawn beyond the exact limit. */
  public int samples() {
    return samples;
  }

  /** Returns the most channels for which the values are computed exactly. */
  public int exactLimit() {
    return exactLimit;
  }

  /** Returns this model with another seed. */
  public ShapleyModel withSeed(long seed) {
    return new ShapleyModel(seed, samples, exactLimit, lookback);
  }

  /**
   * Returns this model drawing {@code samples} orders beyond the exact limit.
   *
   * @throws IllegalArgumentException when {@code samples} is not positive
   */
  public ShapleyModel withSamples(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be positive, got " + samples);
    }
    return new ShapleyModel(seed, samples, exactLimit, lookback);
  }

  /**
   * Returns this model computing exact values up to {@code channels} channels (0: always sample).
   *
   * @throws IllegalArgumentException when the limit is negative or over {@link #MAX_EXACT_LIMIT}
   */
  public ShapleyModel withExactLimit(int channels) {
    if (channels < 0 || channels > MAX_EXACT_LIMIT) {
      throw new IllegalArgumentException("the exact limit must be 0 to " + MAX_EXACT_LIMIT + ", got " + channels);
    }
    return new ShapleyModel(seed, samples, channels, lookback);
  }

  @Override
  public String name() {
    return "shapley";
  }

  @Override
  public String description() {
    return "shapley(exact to " + exactLimit + " channels, else " + samples + " samples, seed " + seed
        + (lookback == null ? "" : ", " + Texts.lookback(lookback)) + ")";
  }

  @Override
  public @Nullable Duration lookback() {
    return lookback;
  }

  @Override
  public ShapleyModel withLookback(@Nullable Duration lookback) {
    return new ShapleyModel(seed, samples, exactLimit, Texts.checkLookback(lookback));
  }

  /**
   * Returns the Shapley value of each channel seen in the journeys' windows, by channel name (they
   * add up to the worth of all the channels together).
   *
   * @throws IllegalArgumentException when more than {@link #MAX_CHANNELS} channels are seen
   */
  public Map<String, Double> values(Journeys journeys) {
    double[] v = compute(journeys);
    Map<String, Double> out = new TreeMap<>();
    for (int c = 0; c < v.length; c++) {
      if (!Double.isNaN(v[c])) {
        out.put(journeys.channels[c], v[c]);
      }
    }
    return out;
  }

  /** Returns the Shapley value of each channel (by index), NaN for channels not seen. */
  double[] channelValues(Journeys journeys) {
    return compute(journeys);
  }

  /** Returns the Shapley value by channel index, NaN for channels not seen. */
  private double[] compute(Journeys js) {
    int channels = js.channels.length;
    boolean[] seen = new boolean[channels];
    Window w = new Window(js, lookback);
    for (int j = 0; j < js.size(); j++) {
      w.of(j);
      for (int i = w.from; i < w.to; i++) {
        seen[js.channel[i]] = true;
      }
    }
    List<Integer> players = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      if (seen[c]) {
        players.add(c);
      }
    }
    players.sort((a, b) -> js.channels[a].compareTo(js.channels[b]));
    int n = players.size();
    if (n > MAX_CHANNELS) {
      throw new IllegalArgumentException("the Shapley model takes at most " + MAX_CHANNELS + " channels, found " + n);
    }
    int[] bit = new int[channels];
    for (int k = 0; k < n; k++) {
      bit[players.get(k)] = k;
    }
    // journeys and conversions per set of channels
    Map<Long, long[]> sets = new HashMap<>();
    for (int j = 0; j < js.size(); j++) {
      w.of(j);
      if (w.from == w.to) {
        continue;
      }
      long mask = 0;
      for (int i = w.from; i < w.to; i++) {
        mask |= 1L << bit[js.channel[i]];
      }
      long[] count = sets.computeIfAbsent(mask, m -> new long[2]);
      count[0]++;
      if (js.converted(j)) {
        count[1]++;
      }
    }
    double[] phi = new double[n];
    if (n <= exactLimit) {
      int size = 1 << n;
      double[] worth = new double[size];
      for (Map.Entry<Long, long[]> e : sets.entrySet()) {
        worth[(int) (long) e.getKey()] = (double) e.getValue()[1] / e.getValue()[0];
      }
      // weight of a set of s others: s! (n - s - 1)! / n! = 1 / (n * C(n - 1, s))
      double[] weight = new double[Math.max(n, 1)];
      double binomial = 1;
      for (int s = 0; s < n; s++) {
        weight[s] = 1.0 / (n * binomial);
        binomial = binomial * (n - 1 - s) / (s + 1);
      }
      for (int mask = 0; mask < size; mask++) {
        int s = Integer.bitCount(mask);
        if (s == n) {
          continue;
        }
        double ws = weight[s];
        double base = worth[mask];
        for (int k = 0; k < n; k++) {
          if ((mask & (1 << k)) == 0) {
            phi[k] += ws * (worth[mask | (1 << k)] - base);
          }
        }
      }
    } else {
      Map<Long, Double> worth = new HashMap<>();
      for (Map.Entry<Long, long[]> e : sets.entrySet()) {
        worth.put(e.getKey(), (double) e.getValue()[1] / e.getValue()[0]);
      }
      SplittableRandom random = new SplittableRandom(seed);
      int[] perm = new int[n];
      for (int m = 0; m < samples; m++) {
        for (int k = 0; k < n; k++) {
          perm[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
          int r = random.nextInt(k + 1);
          int t = perm[k];
          perm[k] = perm[r];
          perm[r] = t;
        }
        long mask = 0;
        double prev = 0;
        for (int k = 0; k < n; k++) {
          mask |= 1L << perm[k];
          double cur = worth.getOrDefault(mask, 0.0);
          phi[perm[k]] += cur - prev;
          prev = cur;
        }
      }
      for (int k = 0; k < n; k++) {
        phi[k] /= samples;
      }
    }
    double[] out = new double[channels];
    java.util.Arrays.fill(out, Double.NaN);
    for (int k = 0; k < n; k++) {
      out[players.get(k)] = phi[k];
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ShapleyModel m && m.description().equals(description());
  }

  @Override
  public int hashCode() {
    return description().hashCode();
  }

  @Override
  public String toString() {
    return description();
  }
}
