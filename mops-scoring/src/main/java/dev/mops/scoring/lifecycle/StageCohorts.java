package dev.mops.scoring.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Funnel velocity by cohort: leads grouped by the month (UTC) their history starts, with how many
 * of each cohort reached each funnel stage and how long they took to first enter it (median, p90,
 * any percentile within 2%). Comparing cohorts shows whether leads move faster or slower than they
 * used to. A mergeable state: build one per partition and {@link #merge} them.
 *
 * <p>Budget: at most {@link #MAX_COHORTS} months are kept (twenty years); leads of further months
 * are counted in {@link #beyondBudget()} and left out, never an {@code OutOfMemoryError}.
 *
 * <p>Thread safety: not thread-safe while being added to; use one per thread and merge.
 */
public final class StageCohorts {

  /** The most cohort months kept. */
  public static final int MAX_COHORTS = 240;

  private final LifecycleModel model;
  private final TreeMap<YearMonth, Cohort> cohorts = new TreeMap<>();
  private long beyond;

  private final class Cohort {
    long leads;
    final long[] reached = new long[model.stages().size()];
    final @Nullable DurationHistogram[] timeTo = new DurationHistogram[model.stages().size()];

    void merge(Cohort o) {
      leads += o.leads;
      for (int i = 0; i < reached.length; i++) {
        reached[i] += o.reached[i];
        DurationHistogram h = o.timeTo[i];
        if (h != null) {
          histogram(i).merge(h);
        }
      }
    }

    DurationHistogram histogram(int i) {
      DurationHistogram h = timeTo[i];
      if (h == null) {
        h = new DurationHistogram();
        timeTo[i] = h;
      }
      return h;
    }
  }

  /** Creates empty cohorts over the funnel stages of {@code model}. */
  public StageCohorts(LifecycleModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  private @Nullable Cohort cohort(YearMonth month, boolean create) {
    Cohort c = cohorts.get(month);
    if (c == null && create) {
      if (cohorts.size() >= MAX_COHORTS) {
        return null;
      }
      c = new Cohort();
      cohorts.put(month, c);
    }
    return c;
  }

  /** Adds one lead to the cohort of the month its history starts ({@link StageMetrics#createdAt()}, UTC). */
  public StageCohorts add(StageMetrics lead) {
    if (lead.model() != model) {
      throw new IllegalArgumentException("metrics of another lifecycle model");
    }
    Cohort c = cohort(YearMonth.from(lead.createdAt().atOffset(ZoneOffset.UTC)), true);
    if (c == null) {
      beyond++;
      return this;
    }
    c.leads++;
    Map<String, Instant> first = lead.firstEntered();
    for (Stage s : model.stages()) {
      if (lead.reached(s.name())) {
        c.reached[s.order()]++;
      }
      Instant t = first.get(s.name());
      if (t != null) {
        c.histogram(s.order()).add(Duration.between(lead.createdAt(), t));
      }
    }
    return this;
  }

  /** Adds the counts of {@code other} (cohorts of the same model) to these. */
  public StageCohorts merge(StageCohorts other) {
    if (other.model != model) {
      throw new IllegalArgumentException("cannot merge cohorts of different lifecycle models");
    }
    beyond += other.beyond;
    for (Map.Entry<YearMonth, Cohort> e : other.cohorts.entrySet()) {
      Cohort c = cohort(e.getKey(), true);
      if (c == null) {
        beyond += e.getValue().leads;
      } else {
        c.merge(e.getValue());
      }
    }
    return this;
  }

  /** Returns the cohort months, oldest first. */
  public List<YearMonth> months() {
    return List.copyOf(cohorts.keySet());
  }

  /** Returns the number of leads left out because {@link #MAX_COHORTS} months were already kept. */
  public long beyondBudget() {
    return beyond;
  }

  private int order(String stage) {
    Stage s = model.stagesByName().get(stage);
    if (s == null || !s.inFunnel()) {
      throw new IllegalArgumentException("'" + stage + "' is not a funnel stage; the funnel has " + model.stages());
    }
    return s.order();
  }

  /** Returns the number of leads in the cohort of {@code month}, 0 when there is none. */
  public long leads(YearMonth month) {
    Cohort c = cohorts.get(month);
    return c == null ? 0 : c.leads;
  }

  /** Returns how many leads of the cohort of {@code month} reached the funnel stage {@code stage}. */
  public long reached(YearMonth month, String stage) {
    int o = order(stage);
    Cohort c = cohorts.get(month);
    return c == null ? 0 : c.reached[o];
  }

  /**
   * Returns the {@code p}-quantile (0 to 1) of the time from the start of a lead's history to first
   * entering {@code stage}, over the leads of the cohort of {@code month} that entered it, or empty.
   */
  public Optional<Duration> timeToStage(YearMonth month, String stage, double p) {
    StageFunnel.checkP(p);
    int o = order(stage);
    Cohort c = cohorts.get(month);
    DurationHistogram h = c == null ? null : c.timeTo[o];
    return h == null || h.count() == 0 ? Optional.empty() : Optional.of(h.quantile(p));
  }

  LifecycleModel model() {
    return model;
  }
}
