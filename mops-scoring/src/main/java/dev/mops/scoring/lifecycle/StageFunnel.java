package dev.mops.scoring.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stage metrics aggregated over many leads: how many reached each stage, stage-to-stage
 * conversion, mean time in stage and mean velocity between stages. A funnel is a mergeable state:
 * build one per partition and {@link #merge} them.
 *
 * <p>Conversion from {@code a} to a later {@code b} is the share of leads that reached {@code a}
 * that also reached {@code b} ("reached" as {@link StageMetrics#reached} says).
 *
 * <p>Thread safety: not thread-safe while being added to; use one per thread and merge.
 */
public final class StageFunnel {

  private final LifecycleModel model;
  private final int n;
  private long leads;
  private final long[] reached;
  private final long[] timeSeconds;
  private final long[] timeCount;
  private final long[][] velocitySeconds;
  private final long[][] velocityCount;
  private final @Nullable DurationHistogram[] timeHistogram;
  private final @Nullable DurationHistogram[] velocityHistogram;

  /** Creates an empty funnel over the stages of {@code model}. */
  public StageFunnel(LifecycleModel model) {
    this.model = Objects.requireNonNull(model, "model");
    this.n = model.stagesByName().size();
    this.reached = new long[n];
    this.timeSeconds = new long[n];
    this.timeCount = new long[n];
    this.velocitySeconds = new long[n][n];
    this.velocityCount = new long[n][n];
    this.timeHistogram = new DurationHistogram[n];
    this.velocityHistogram = new DurationHistogram[n * n];
  }

  private static DurationHistogram into(@Nullable DurationHistogram[] row, int i) {
    DurationHistogram h = row[i];
    if (h == null) {
      h = new DurationHistogram();
      row[i] = h;
    }
    return h;
  }

  private int index(String stage) {
    int i = 0;
    for (String s : model.stagesByName().keySet()) {
      if (s.equals(stage)) {
        return i;
      }
      i++;
    }
    throw new IllegalArgumentException("unknown stage '" + stage + "'; the lifecycle has " + model.stagesByName().keySet());
  }

  /** Adds one lead's metrics. */
  public StageFunnel add(StageMetrics lead) {
    if (lead.model() != model) {
      throw new IllegalArgumentException("metrics of another lifecycle model");
    }
    leads++;
    List<String> names = List.copyOf(model.stagesByName().keySet());
    for (int i = 0; i < n; i++) {
      String s = names.get(i);
      if (lead.reached(s)) {
        reached[i]++;
      }
      Duration d = lead.timeInStage().get(s);
      if (d != null) {
        timeSeconds[i] += d.toSeconds();
        timeCount[i]++;
        into(timeHistogram, i).add(d);
      }
    }
    Map<String, Instant> first = lead.firstEntered();
    for (int a = 0; a < n; a++) {
      Instant ta = first.get(names.get(a));
      if (ta == null) {
        continue;
      }
      for (int b = 0; b < n; b++) {
        Instant tb = first.get(names.get(b));
        if (a != b && tb != null && !tb.isBefore(ta)) {
          Duration v = Duration.between(ta, tb);
          velocitySeconds[a][b] += v.toSeconds();
          velocityCount[a][b]++;
          into(velocityHistogram, a * n + b).add(v);
        }
      }
    }
    return this;
  }

  /** Adds the counts of {@code other} (a funnel of the same model) to this one. */
  public StageFunnel merge(StageFunnel other) {
    if (other.model != model) {
      throw new IllegalArgumentException("cannot merge funnels of different lifecycle models");
    }
    leads += other.leads;
    for (int i = 0; i < n; i++) {
      reached[i] += other.reached[i];
      timeSeconds[i] += other.timeSeconds[i];
      timeCount[i] += other.timeCount[i];
      DurationHistogram th = other.timeHistogram[i];
      if (th != null) {
        into(timeHistogram, i).merge(th);
      }
      for (int j = 0; j < n; j++) {
        velocitySeconds[i][j] += other.velocitySeconds[i][j];
        velocityCount[i][j] += other.velocityCount[i][j];
        DurationHistogram vh = other.velocityHistogram[i * n + j];
        if (vh != null) {
          into(velocityHistogram, i * n + j).merge(vh);
        }
      }
    }
    return this;
  }

  /** Returns the number of leads added. */
  public long leads() {
    return leads;
  }

  /** Returns how many leads reached {@code stage}. */
  public long reached(String stage) {
    return reached[index(stage)];
  }

  /** Returns the share of leads that reached {@code from} that also reached {@code to}, or empty when none reached {@code from}. */
  public Optional<Double> conversion(String from, String to) {
    long a = reached[index(from)];
    return a == 0 ? Optional.empty() : Optional.of((double) reached[index(to)] / a);
  }

  /** Returns the mean time in {@code stage} over the leads that entered it, to the second. */
  public Optional<Duration> meanTimeIn(String stage) {
    int i = index(stage);
    return timeCount[i] == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(timeSeconds[i] / timeCount[i]));
  }

  /** Returns the mean time from first entering {@code from} to first entering {@code to}, over leads that did both. */
  public Optional<Duration> meanVelocity(String from, String to) {
    int a = index(from);
    int b = index(to);
    return velocityCount[a][b] == 0 ? Optional.empty()
        : Optional.of(Duration.ofSeconds(velocitySeconds[a][b] / velocityCount[a][b]));
  }

  /**
   * Returns the {@code p}-quantile (0 to 1: 0.5 for the median, 0.9 for p90) of the time in {@code
   * stage} over the leads that entered it, or empty when none did. Times are kept in logarithmic
   * buckets, so the answer is within 2% of the exact quantile whatever the scale (minutes or
   * years), in fixed memory per stage.
   *
   * @throws IllegalArgumentException when {@code p} is outside [0, 1] or the stage is unknown
   */
  public Optional<Duration> timeInPercentile(String stage, double p) {
    checkP(p);
    DurationHistogram h = timeHistogram[index(stage)];
    return h == null || h.count() == 0 ? Optional.empty() : Optional.of(h.quantile(p));
  }

  /**
   * Returns the {@code p}-quantile of the time from first entering {@code from} to first entering
   * {@code to}, over leads that did both, within 2% as {@link #timeInPercentile} says, or empty.
   *
   * @throws IllegalArgumentException when {@code p} is outside [0, 1] or a stage is unknown
   */
  public Optional<Duration> velocityPercentile(String from, String to, double p) {
    checkP(p);
    DurationHistogram h = velocityHistogram[index(from) * n + index(to)];
    return h == null || h.count() == 0 ? Optional.empty() : Optional.of(h.quantile(p));
  }

  static void checkP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a percentile is between 0 and 1, not " + p);
    }
  }

  /** Returns the number of leads that spent time in {@code stage} (entered it). */
  public long enteredCount(String stage) {
    return timeCount[index(stage)];
  }

  /** Returns the lifecycle model whose stages this funnel counts. */
  public LifecycleModel model() {
    return model;
  }

  /** Returns the number of leads that entered both {@code from} and then {@code to}. */
  public long velocityCount(String from, String to) {
    return velocityCount[index(from)][index(to)];
  }

  /** Returns a readable table: one funnel stage per line with reached, conversion from the previous stage, mean time. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    String prev = null;
    for (Stage s : model.stages()) {
      sb.append(String.format(Locale.ROOT, "%-14s reached %6d", s.name(), reached(s.name())));
      if (prev != null) {
        Optional<Double> c = conversion(prev, s.name());
        sb.append(c.map(v -> String.format(Locale.ROOT, "  %5.1f%% from %s", 100 * v, model.stages().get(s.order() - 1).name())).orElse(""));
      }
      meanTimeIn(s.name()).ifPresent(d -> sb.append(String.format(Locale.ROOT, "  mean time %.1f days", d.toSeconds() / 86_400.0)));
      sb.append('\n');
      prev = s.name();
    }
    return sb.toString();
  }
}
