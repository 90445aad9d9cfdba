package dev.mops.metrics.sla;

import dev.mops.core.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SLA of one request at an as-of instant: the goal that applies, the state of its latest
 * cycle, the business time used and left, when it is (or was) due and when it was breached.
 *
 * <p>With several cycles (a request reopened after a stop), the figures are those of the latest
 * cycle; {@link #cycles()} and {@link #breachedCycles()} count all of them.
 *
 * <p>Thread safety: an immutable value.
 */
public final class SlaResult {

  private final SlaGoal goal;
  private final SlaState state;
  private final Duration elapsed;
  private final @Nullable Instant dueAt;
  private final @Nullable Instant breachedAt;
  private final @Nullable Instant stoppedAt;
  private final int cycles;
  private final int breachedCycles;
  private final List<Finding> findings;

  SlaResult(SlaGoal goal, SlaState state, Duration elapsed, @Nullable Instant dueAt, @Nullable Instant breachedAt,
      @Nullable Instant stoppedAt, int cycles, int breachedCycles, List<Finding> findings) {
    this.goal = Objects.requireNonNull(goal, "goal");
    this.state = Objects.requireNonNull(state, "state");
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.dueAt = dueAt;
    this.breachedAt = breachedAt;
    this.stoppedAt = stoppedAt;
    this.cycles = cycles;
    this.breachedCycles = breachedCycles;
    this.findings = List.copyOf(findings);
  }

  /** Returns the goal that applies to the request (the first that matched). */
  public SlaGoal goal() {
    return goal;
  }

  /** Returns the goal's target. */
  public Duration target() {
    return goal.target();
  }

  /** Returns the state of the latest cycle. */
  public SlaState state() {
    return state;
  }

  /** Returns the business time the latest cycle has used (up to its stop or the as-of instant). */
  public Duration elapsed() {
    return elapsed;
  }

  /** Returns the target minus the elapsed time: negative when breached, by how much. */
  public Duration remaining() {
    return goal.target().minus(elapsed);
  }

  /**
   * Returns when the latest cycle is due: for a running cycle, the instant its remaining business
   * time runs out if it keeps running; for a breached one, when it ran out; for a met one, when it
   * would have run out had it not stopped; {@code null} while paused or pending.
   */
  public @Nullable Instant dueAt() {
    return dueAt;
  }

  /** Returns when the latest cycle used up its target, or {@code null} when it has not. */
  public @Nullable Instant breachedAt() {
    return breachedAt;
  }

  /** Returns when the latest cycle stopped, or {@code null} while it runs, is paused or pending. */
  public @Nullable Instant stoppedAt() {
    return stoppedAt;
  }

  /** Returns the number of cycles started up to the as-of instant. */
  public int cycles() {
    return cycles;
  }

  /** Returns how many of the cycles exceeded their target. */
  public int breachedCycles() {
    return breachedCycles;
  }

  /** Returns the findings about the request's events (ignored out-of-order events, ...). */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public String toString() {
    return "SlaResult[" + goal.name() + " " + state.label() + " elapsed " + elapsed + " of " + goal.target()
        + (dueAt == null ? "" : " due " + dueAt) + (breachedAt == null ? "" : " breached " + breachedAt) + "]";
  }
}
