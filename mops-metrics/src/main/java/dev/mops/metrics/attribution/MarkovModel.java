package dev.mops.metrics.attribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The Markov chain attribution model: journeys become paths through a chain whose states are the
 * last {@link #order()} channels seen, from a start state to conversion or to no conversion (the
 * null state); converting and non-converting journeys both shape the chain. A channel's
 * <em>removal effect</em> is the share of the probability of conversion lost when every state that
 * contains it leads to the null state instead; the converted value and the conversions are shared
 * out over channels in proportion to their removal effects, and within a channel over its
 * campaigns in proportion to their presence in converting journeys (journey value over the
 * channel's touchpoints in it).
 *
 * <p>Repeated channels stay in the paths (A, A, B has a step from A to A). The probabilities of
 * conversion are solved by Gauss-Seidel iteration to an absolute error under 1e-13.
 *
 * <p>Resource limits: at most {@link #MAX_STATES} states (the number of distinct runs of up to
 * {@code order} channels in the paths), else {@link IllegalArgumentException}.
 *
 * <p>Thread safety: an immutable value.
 */
public final class MarkovModel implements AttributionModel {

  /** The highest order supported. */
  public static final int MAX_ORDER = 4;

  /** The most states a chain may have. */
  public static final int MAX_STATES = 1_000_000;

  private static final int START = 0;
  private static final int CONVERSION = 1;
  private static final int NULL = 2;

  private final int order;
  private final @Nullable Duration lookback;

  private MarkovModel(int order, @Nullable Duration lookback) {
    this.order = order;
    this.lookback = lookback;
  }

  static MarkovModel of(int order) {
    if (order < 1 || order > MAX_ORDER) {
      throw new IllegalArgumentException("the Markov order must be 1 to " + MAX_ORDER + ", got " + order);
    }
    return new MarkovModel(order, null);
  }

  /** Returns the order: how many of the latest channels a state remembers. */
  public int order() {
    return order;
  }

  @Override
  public String name() {
    return "markov";
  }

  @Override
  public String description() {
    return "markov(order " + order + (lookback == null ? "" : ", " + Texts.lookback(lookback)) + ")";
  }

  @Override
  public @Nullable Duration lookback() {
    return lookback;
  }

  @Override
  public MarkovModel withLookback(@Nullable Duration lookback) {
    return new MarkovModel(order, Texts.checkLookback(lookback));
  }

  /**
   * Returns the removal effect of each channel seen in the journeys' windows, by channel name:
   * {@code 1 - P(conversion without the channel) / P(conversion)}, from 0 to 1 (all 0 when nothing
   * converted).
   *
   * @throws IllegalArgumentException when the chain would have more than {@link #MAX_STATES} states
   */
  public Map<String, Double> removalEffects(Journeys journeys) {
    Chain chain = new Chain(journeys);
    Map<String, Double> out = new TreeMap<>();
    for (int c = 0; c < chain.seen.length; c++) {
      if (chain.seen[c]) {
        out.put(journeys.channels[c], chain.removalEffect(c));
      }
    }
    return out;
  }

  /**
   * Returns the probability of conversion from the start state, as the chain estimates it.
   *
   * @throws IllegalArgumentException when the chain would have more than {@link #MAX_STATES} states
   */
  public double conversionProbability(Journeys journeys) {
    Chain chain = new Chain(journeys);
    return chain.solve(-1)[START];
  }

  /** Returns the removal effect of each channel (by index), NaN for channels not seen. */
  double[] channelValues(Journeys journeys) {
    Chain chain = new Chain(journeys);
    double[] w = new double[journeys.channels.length];
    for (int c = 0; c < w.length; c++) {
      w[c] = chain.seen[c] ? chain.removalEffect(c) : Double.NaN;
    }
    return w;
  }

  /** The chain estimated from a journey set, in compressed rows. */
  private final class Chain {
    final boolean[] seen;
    final int states;
    final int[] rowStart;
    final int[] target;
    final double[] probability;
    final double[] selfLoop;
    final List<int[]> statesOf;
    double base = Double.NaN;

    Chain(Journeys js) {
      int channels = js.channels.length;
      seen = new boolean[channels];
      long radix = channels + 1L;
      long modulus = 1;
      for (int i = 0; i < order - 1; i++) {
        if (modulus > Long.MAX_VALUE / 4 / radix) {
          throw new IllegalArgumentException("too many channels (" + channels + ") for a Markov chain of order " + order);
        }
        modulus *= radix;
      }
      if (modulus > Long.MAX_VALUE / 4 / radix) {
        throw new IllegalArgumentException("too many channels (" + channels + ") for a Markov chain of order " + order);
      }
      LongIntMap stateIds = new LongIntMap(64);
      long[] keys = new long[64];
      int stateCount = 3;
      LongIntMap edgeIds = new LongIntMap(256);
      long[] edgeKeys = new long[64];
      double[] counts = new double[64];
      int edges = 0;
      Window w = new Window(js, lookback);
      for (int j = 0; j < js.size(); j++) {
        w.of(j);
        if (w.from == w.to) {
          continue;
        }
        int prev = START;
        long key = 0;
        for (int i = w.from; i < w.to; i++) {
          int c = js.channel[i];
          seen[c] = true;
          key = (order == 1 ? 0 : (key % modulus) * radix) + c + 1;
          int s = stateIds.get(key);
          if (s < 0) {
            if (stateCount - 3 >= MAX_STATES) {
              throw new IllegalArgumentException("the Markov chain of order " + order + " has more than " + MAX_STATES
                  + " states; use a lower order or fewer channels");
            }
            s = stateCount++;
            stateIds.putNew(key, s);
            if (s >= keys.length) {
              keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[s] = key;
          }
          long ek = ((long) prev << 32) | s;
          int e = edgeIds.get(ek);
          if (e < 0) {
            e = edges++;
            edgeIds.putNew(ek, e);
            if (e == edgeKeys.length) {
              edgeKeys = Arrays.copyOf(edgeKeys, e * 2);
              counts = Arrays.copyOf(counts, e * 2);
            }
            edgeKeys[e] = ek;
          }
          counts[e]++;
          prev = s;
        }
        int end = js.converted(j) ? CONVERSION : NULL;
        long ek = ((long) prev << 32) | end;
        int e = edgeIds.get(ek);
        if (e < 0) {
          e = edges++;
          edgeIds.putNew(ek, e);
          if (e == edgeKeys.length) {
            edgeKeys = Arrays.copyOf(edgeKeys, e * 2);
            counts = Arrays.copyOf(counts, e * 2);
          }
          edgeKeys[e] = ek;
        }
        counts[e]++;
      }
      states = stateCount;
      // compressed rows: count per source, then fill
      rowStart = new int[states + 1];
      double[] outTotal = new double[states];
      for (int e = 0; e < edges; e++) {
        int from = (int) (edgeKeys[e] >>> 32);
        rowStart[from + 1]++;
        outTotal[from] += counts[e];
      }
      for (int s = 0; s < states; s++) {
        rowStart[s + 1] += rowStart[s];
      }
      int[] fill = Arrays.copyOf(rowStart, states);
      target = new int[edges];
      probability = new double[edges];
      selfLoop = new double[states];
      for (int e = 0; e < edges; e++) {
        int from = (int) (edgeKeys[e] >>> 32);
        int to = (int) edgeKeys[e];
        double p = counts[e] / outTotal[from];
        if (to == from) {
          selfLoop[from] = p;
        }
        int k = fill[from]++;
        target[k] = to;
        probability[k] = p;
      }
      statesOf = new ArrayList<>(channels);
      int[][] lists = new int[channels][];
      int[] sizes = new int[channels];
      for (int c = 0; c < channels; c++) {
        lists[c] = new int[4];
      }
      for (int s = 3; s < states; s++) {
        long k = keys[s];
        int last = -1;
        long[] digits = new long[order];
        int nd = 0;
        while (k > 0) {
          digits[nd++] = k % radix;
          k /= radix;
        }
        Arrays.sort(digits, 0, nd);
        for (int d = 0; d < nd; d++) {
          int c = (int) digits[d] - 1;
          if (c < 0 || c == last) {
            continue;
          }
          last = c;
          if (sizes[c] == lists[c].length) {
            lists[c] = Arrays.copyOf(lists[c], sizes[c] * 2);
          }
          lists[c][sizes[c]++] = s;
        }
      }
      for (int c = 0; c < channels; c++) {
        statesOf.add(Arrays.copyOf(lists[c], sizes[c]));
      }
    }

    /** Returns the probability of conversion from every state, with the states of {@code removed} (or none: -1) led to null. */
    double[] solve(int removed) {
      double[] p = new double[states];
      p[CONVERSION] = 1;
      boolean[] dead = new boolean[states];
      if (removed >= 0) {
        for (int s : statesOf.get(removed)) {
          dead[s] = true;
        }
      }
      for (int sweep = 0; sweep < 1_000_000; sweep++) {
        double change = 0;
        for (int s = states - 1; s >= 0; s--) {
          if (s == CONVERSION || s == NULL || dead[s]) {
            continue;
          }
          double sum = 0;
          for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
            int t = target[k];
            if (t != s) {
              sum += probability[k] * p[t];
            }
          }
          double loop = selfLoop[s];
          double v = loop >= 1 ? 0 : sum / (1 - loop);
          change = Math.max(change, Math.abs(v - p[s]));
          p[s] = v;
        }
        if (change < 1e-13) {
          break;
        }
      }
      return p;
    }

    double removalEffect(int channel) {
      if (Double.isNaN(base)) {
        base = solve(-1)[START];
      }
      if (base <= 0) {
        return 0;
      }
      double without = solve(channel)[START];
      return Math.min(1, Math.max(0, 1 - without / base));
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MarkovModel m && m.description().equals(description());
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
