package dev.mops.scoring.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stage metrics of one lead, computed from its history of transitions: time spent in each stage,
 * when each stage was first entered, the furthest funnel stage reached, and velocity between two
 * stages.
 *
 * <p>The history must start with a {@link StageTransition.Kind#CREATED} transition (or any
 * transition, whose {@code from} is then ignored), be in time order, and chain: each transition
 * leaves the stage the previous one entered. Time in the current stage runs until {@code now}.
 *
 * <p>Thread safety: an immutable value.
 */
public final class StageMetrics {

  private final LifecycleModel model;
  private final String current;
  private final Map<String, Duration> timeInStage;
  private final Map<String, Instant> firstEntered;
  private final int furthest;
  private final Instant createdAt;

  private StageMetrics(LifecycleModel model, String current, Map<String, Duration> timeInStage,
      Map<String, Instant> firstEntered, int furthest, Instant createdAt) {
    this.model = model;
    this.createdAt = createdAt;
    this.current = current;
    this.timeInStage = Collections.unmodifiableMap(timeInStage);
    this.firstEntered = Collections.unmodifiableMap(firstEntered);
    this.furthest = furthest;
  }

  /**
   * Computes the metrics of one lead's history as of {@code now}.
   *
   * @throws IllegalArgumentException naming the transition when the history is empty, out of time
   *     order, does not chain, names an unknown stage, or has a transition after {@code now}
   */
  public static StageMetrics of(LifecycleModel model, List<StageTransition> history, Instant now) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(now, "now");
    if (history.isEmpty()) {
      throw new IllegalArgumentException("a lead's history needs at least one transition");
    }
    Map<String, Stage> stages = model.stagesByName();
    Map<String, Duration> time = new LinkedHashMap<>();
    Map<String, Instant> first = new LinkedHashMap<>();
    int furthest = -1;
    StageTransition prev = null;
    for (int i = 0; i < history.size(); i++) {
      StageTransition t = history.get(i);
      Stage to = stages.get(t.to());
      if (to == null) {
        throw new IllegalArgumentException("transition " + i + " enters unknown stage '" + t.to() + "'");
      }
      if (t.at().isAfter(now)) {
        throw new IllegalArgumentException("transition " + i + " at " + t.at() + " is after now (" + now + ")");
      }
      if (prev != null) {
        if (!t.from().equals(prev.to())) {
          throw new IllegalArgumentException("transition " + i + " leaves '" + t.from() + "' but the lead was in '"
              + prev.to() + "'");
        }
        if (t.at().isBefore(prev.at())) {
          throw new IllegalArgumentException("transition " + i + " at " + t.at() + " is before the previous one at " + prev.at());
        }
        time.merge(prev.to(), Duration.between(prev.at(), t.at()), Duration::plus);
      }
      first.putIfAbsent(t.to(), t.at());
      furthest = Math.max(furthest, to.order());
      prev = t;
    }
    StageTransition last = java.util.Objects.requireNonNull(prev, "a history has at least one transition");
    time.merge(last.to(), Duration.between(last.at(), now), Duration::plus);
    return new StageMetrics(model, last.to(), time, first, furthest, history.get(0).at());
  }

  /** Returns the lead's current stage. */
  public String currentStage() {
    return current;
  }

  /** Returns when the lead's history starts: the time of its first transition (its cohort). */
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns the total time spent in each stage entered, the current one until now. */
  public Map<String, Duration> timeInStage() {
    return timeInStage;
  }

  /** Returns the time spent in {@code stage}, zero when it was never entered. */
  public Duration timeIn(String stage) {
    return timeInStage.getOrDefault(stage, Duration.ZERO);
  }

  /** Returns when each stage was first entered. */
  public Map<String, Instant> firstEntered() {
    return firstEntered;
  }

  /** Returns the furthest funnel stage the lead entered, or empty when it entered none. */
  public Optional<String> furthestStage() {
    return furthest < 0 ? Optional.empty() : Optional.of(model.stages().get(furthest).name());
  }

  /**
   * Returns whether the lead reached {@code stage}: entered it or any later funnel stage (a lead
   * that skipped from lead to SQL has passed MQL).
   */
  public boolean reached(String stage) {
    Stage s = model.stagesByName().get(stage);
    if (s == null) {
      throw new IllegalArgumentException("unknown stage '" + stage + "'");
    }
    return s.inFunnel() ? furthest >= s.order() : firstEntered.containsKey(stage);
  }

  /**
   * Returns the time from first entering {@code from} to first entering {@code to}, such as lead to
   * SQL, or empty when the lead did not enter both in that order.
   */
  public Optional<Duration> velocity(String from, String to) {
    Instant a = firstEntered.get(from);
    Instant b = firstEntered.get(to);
    if (a == null || b == null || b.isBefore(a)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(a, b));
  }

  LifecycleModel model() {
    return model;
  }

  int furthestOrder() {
    return furthest;
  }
}
