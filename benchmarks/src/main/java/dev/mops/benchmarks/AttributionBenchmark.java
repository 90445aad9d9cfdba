package dev.mops.benchmarks;

import dev.mops.metrics.attribution.Attribution;
import dev.mops.metrics.attribution.AttributionModel;
import dev.mops.metrics.attribution.AttributionResult;
import dev.mops.metrics.attribution.Journeys;
import dev.mops.metrics.attribution.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Multi-touch attribution of 1,000,000 journeys of 1 to 20 touchpoints (10.5 million in all, 12
 * channels, 40 campaigns, 30% converting, a 90-day lookback), one whole run per operation, for
 * every model; beside a hand-written linear loop over plain Java objects (one per journey, channel
 * and campaign already numbered, credit in a {@code double[]}): the floor a careful engineer
 * reaches without the library.
 *
 * <p>The journeys are generated from a fixed seed. Setup checks that the hand-written loop and the
 * library's linear model give the same credit, and prints the heap the journeys take.
 *
 * <p>Run: {@code java -Xmx4g -jar benchmarks/target/benchmarks.jar AttributionBenchmark -f 1 -wi 1 -i 3 -w 5s -r 5s}
 * from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AttributionBenchmark {

  static final int JOURNEYS = 1_000_000;
  static final int CHANNELS = 12;
  static final int CAMPAIGNS = 40;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration LOOKBACK = Duration.ofDays(90);

  @Param({"first", "last", "last_non_direct", "linear", "time_decay", "position", "w_shaped", "markov", "shapley"})
  public String model;

  Journeys journeys;
  AttributionModel attributionModel;
  PlainJourney[] plain;
  String[] pairChannel;
  String[] pairCampaign;

  /** A journey as a hand-written job holds it: its touchpoints' times and channel/campaign numbers. */
  static final class PlainJourney {
    final long[] times;
    final int[] pairs;
    final long convertedAt;
    final double value;

    PlainJourney(long[] times, int[] pairs, long convertedAt, double value) {
      this.times = times;
      this.pairs = pairs;
      this.convertedAt = convertedAt;
      this.value = value;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    String[] channels = channelNames();
    String[] campaigns = campaignNames();
    pairChannel = new String[CHANNELS * (CAMPAIGNS + 1)];
    pairCampaign = new String[pairChannel.length];
    for (int c = 0; c < CHANNELS; c++) {
      for (int k = 0; k <= CAMPAIGNS; k++) {
        pairChannel[c * (CAMPAIGNS + 1) + k] = channels[c];
        pairCampaign[c * (CAMPAIGNS + 1) + k] = k == CAMPAIGNS ? "" : campaigns[k];
      }
    }
    System.gc();
    long before = usedHeap();
    plain = plainJourneys();
    System.gc();
    long afterPlain = usedHeap();
    journeys = journeys();
    System.gc();
    long after = usedHeap();
    attributionModel = AttributionModel.named(model).withLookback(LOOKBACK);
    // the baseline agrees with the library
    double[] mine = handWrittenLinear();
    Map<String, Double> expected = new HashMap<>();
    for (int p = 0; p < mine.length; p++) {
      if (mine[p] != 0) {
        expected.merge(pairChannel[p] + "/" + pairCampaign[p], mine[p], Double::sum);
      }
    }
    AttributionResult linear = Attribution.run(journeys, AttributionModel.linear().withLookback(LOOKBACK));
    linear.rows().forEach(c -> {
      Double e = expected.get(c.channel() + "/" + c.campaign());
      if (e == null || Math.abs(e - c.credit()) > 1e-6 * Math.max(1, e)) {
        throw new IllegalStateException("hand-written linear disagrees on " + c + ": " + e);
      }
    });
    System.err.printf("attribution: %,d journeys, %,d touchpoints; heap: plain objects %,d MB, Journeys %,d MB%n",
        journeys.size(), journeys.touchpoints(), (afterPlain - before) >> 20, (after - afterPlain) >> 20);
  }

  static String[] channelNames() {
    String[] channels = new String[CHANNELS];
    channels[0] = "Direct";
    for (int c = 1; c < CHANNELS; c++) {
      channels[c] = "Channel " + c;
    }
    return channels;
  }

  static String[] campaignNames() {
    String[] campaigns = new String[CAMPAIGNS];
    for (int k = 0; k < CAMPAIGNS; k++) {
      campaigns[k] = "2026-q" + (1 + k % 4) + "_campaign_" + k;
    }
    return campaigns;
  }

  /** The journeys of the benchmark, from the fixed seed, in mops' columns. */
  static Journeys journeys() {
    String[] channels = channelNames();
    String[] campaigns = campaignNames();
    Journeys.Builder b = Journeys.builder();
    SplittableRandom r = new SplittableRandom(20_261_202L);
    for (int j = 0; j < JOURNEYS; j++) {
      String id = "J" + j;
      int n = 1 + r.nextInt(20);
      long t = T0.toEpochMilli() + r.nextLong(180L * 86_400_000L);
      for (int i = 0; i < n; i++) {
        t += 1 + r.nextLong(10L * 86_400_000L);
        int c = r.nextInt(CHANNELS);
        int k = r.nextInt(4) == 0 ? CAMPAIGNS : r.nextInt(CAMPAIGNS);
        List<Milestone> marks = r.nextInt(8) == 0 ? List.of(Milestone.LEAD_CREATED)
            : r.nextInt(12) == 0 ? List.of(Milestone.OPPORTUNITY_CREATED) : List.of();
        b.touchpoint(id, Instant.ofEpochMilli(t), channels[c], k == CAMPAIGNS ? null : campaigns[k], 0, marks);
      }
      if (r.nextInt(10) < 3) {
        long converted = t - r.nextLong(5L * 86_400_000L);   // some touchpoints may come after the conversion
        b.outcome(id, Instant.ofEpochMilli(converted), 1_000 + r.nextInt(99_000));
      }
    }
    return b.build();
  }

  /** The same journeys (the same seed and draws) as a hand-written job holds them. */
  static PlainJourney[] plainJourneys() {
    PlainJourney[] out = new PlainJourney[JOURNEYS];
    SplittableRandom r = new SplittableRandom(20_261_202L);
    for (int j = 0; j < JOURNEYS; j++) {
      int n = 1 + r.nextInt(20);
      long t = T0.toEpochMilli() + r.nextLong(180L * 86_400_000L);
      long[] times = new long[n];
      int[] pairs = new int[n];
      for (int i = 0; i < n; i++) {
        t += 1 + r.nextLong(10L * 86_400_000L);
        int c = r.nextInt(CHANNELS);
        int k = r.nextInt(4) == 0 ? CAMPAIGNS : r.nextInt(CAMPAIGNS);
        if (r.nextInt(8) != 0) {
          r.nextInt(12);   // the same draws as the milestones of journeys()
        }
        times[i] = t;
        pairs[i] = c * (CAMPAIGNS + 1) + k;
      }
      long converted = Long.MIN_VALUE;
      double value = 0;
      if (r.nextInt(10) < 3) {
        converted = t - r.nextLong(5L * 86_400_000L);
        value = 1_000 + r.nextInt(99_000);
      }
      out[j] = new PlainJourney(times, pairs, converted, value);
    }
    return out;
  }

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Benchmark
  public AttributionResult library() {
    return Attribution.run(journeys, attributionModel);
  }

  /** Linear credit with a 90-day lookback, written by hand over plain objects. */
  @Benchmark
  public double[] handWrittenLinear() {
    double[] credit = new double[pairChannel.length];
    long lookback = LOOKBACK.toMillis();
    for (PlainJourney j : plain) {
      if (j.convertedAt == Long.MIN_VALUE) {
        continue;
      }
      long[] times = j.times;
      long from = j.convertedAt - lookback;
      int n = 0;
      for (long t : times) {
        if (t >= from && t <= j.convertedAt) {
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      double share = j.value / n;
      int[] pairs = j.pairs;
      for (int i = 0; i < times.length; i++) {
        if (times[i] >= from && times[i] <= j.convertedAt) {
          credit[pairs[i]] += share;
        }
      }
    }
    return credit;
  }
}
