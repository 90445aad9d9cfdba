package dev.mops.metrics.sla;

import dev.mops.core.Finding;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import dev.mops.core.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@link SlaPolicy} bound to the schema of the requests: picks each request's goal and runs
 * its SLA clock over its events up to an as-of instant.
 *
 * <p>The clock: {@code start} begins a cycle when none runs; {@code pause} and {@code resume}
 * stop and restart a running cycle's clock; {@code stop} ends the cycle, which is then met when
 * it used no more business time than the target and breached otherwise. A later {@code start}
 * begins a new cycle with a fresh target. Events are taken in time order (ties in the order
 * given); events after the as-of instant are not yet known; an event that does not fit (a pause
 * while paused, a stop with nothing running) is ignored with a finding {@code SLA_EVENT_IGNORED}.
 * A running cycle is breached once its elapsed business time exceeds the target, and at risk from
 * the goal's at-risk share of the target.
 *
 * <p>Cost: each running stretch costs one business-duration computation (linear in the dates it
 * spans) and the request's events are sorted once.
 *
 * <p>Thread safety: immutable and safe to share between threads.
 */
public final class SlaEvaluator {

  private final SlaPolicy policy;
  private final Schema schema;
  private final CompiledCondition[] conditions;

  SlaEvaluator(SlaPolicy policy, Schema schema) {
    this.policy = policy;
    this.schema = schema;
    List<SlaGoal> goals = policy.goals();
    this.conditions = new CompiledCondition[goals.size()];
    for (int i = 0; i < goals.size(); i++) {
      conditions[i] = CompiledCondition.compile(goals.get(i).when(), schema);
    }
  }

  /** Returns the policy. */
  public SlaPolicy policy() {
    return policy;
  }

  /** Returns the schema the goals are bound to (the requests' rows must use it). */
  public Schema schema() {
    return schema;
  }

  /** Returns the first goal whose condition holds for {@code request} at {@code asOf}. */
  public SlaGoal goalFor(Row request, Instant asOf) {
    for (int i = 0; i < conditions.length; i++) {
      if (conditions[i].test(request, asOf)) {
        return policy.goals().get(i);
      }
    }
    return policy.goals().get(conditions.length - 1); // the catch-all
  }

  /**
   * Evaluates a request whose clock starts at {@code createdAt} and stops at {@code resolvedAt}
   * (when not null), as of {@code asOf}.
   */
  public SlaResult evaluate(Row request, Instant createdAt, @Nullable Instant resolvedAt, Instant asOf) {
    Objects.requireNonNull(createdAt, "createdAt");
    return resolvedAt == null
        ? evaluate(request, List.of(SlaEvent.start(createdAt)), asOf)
        : evaluate(request, List.of(SlaEvent.start(createdAt), SlaEvent.stop(resolvedAt)), asOf);
  }

  /** Evaluates a request from its clock events as of {@code asOf}. */
  public SlaResult evaluate(Row request, List<SlaEvent> events, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return evaluate(goalFor(request, asOf), events, asOf);
  }

  /** Evaluates the clock of {@code goal} over {@code events} as of {@code asOf}. */
  public static SlaResult evaluate(SlaGoal goal, List<SlaEvent> events, Instant asOf) {
    SlaEvent[] sorted = events.toArray(new SlaEvent[0]);
    Arrays.sort(sorted, Comparator.comparing(SlaEvent::at)); // stable: ties keep their order
    BusinessCalendar cal = goal.calendar();
    Duration target = goal.target();
    List<Finding> findings = new ArrayList<>();
    int cycles = 0;
    int breachedCycles = 0;
    // the latest cycle
    Clock clock = new Clock();
    Instant stoppedAt = null;
    Instant runningSince = null;
    boolean paused = false;
    boolean open = false; // a cycle is running or paused
    for (SlaEvent e : sorted) {
      if (e.at().isAfter(asOf)) {
        break;
      }
      switch (e.kind()) {
        case START:
          if (open) {
            findings.add(ignored(e, "a cycle is already " + (paused ? "paused" : "running")));
            break;
          }
          cycles++;
          open = true;
          paused = false;
          runningSince = e.at();
          clock = new Clock();
          stoppedAt = null;
          break;
        case PAUSE:
          if (!open || paused || runningSince == null) {
            findings.add(ignored(e, open ? "the cycle is already paused" : "no cycle is running"));
            break;
          }
          clock.run(cal, target, runningSince, e.at());
          runningSince = null;
          paused = true;
          break;
        case RESUME:
          if (!open || !paused) {
            findings.add(ignored(e, open ? "the cycle is not paused" : "no cycle is running"));
            break;
          }
          paused = false;
          runningSince = e.at();
          break;
        case STOP:
          if (!open) {
            findings.add(ignored(e, "no cycle is running"));
            break;
          }
          if (runningSince != null) {
            clock.run(cal, target, runningSince, e.at());
          }
          if (clock.elapsed.compareTo(target) > 0) {
            breachedCycles++;
          }
          runningSince = null;
          open = false;
          paused = false;
          stoppedAt = e.at();
          break;
        default:
          throw new AssertionError(e.kind());
      }
    }
    if (cycles == 0) {
      return new SlaResult(goal, SlaState.PENDING, Duration.ZERO, null, null, null, 0, 0, findings);
    }
    if (runningSince != null) {
      clock.run(cal, target, runningSince, asOf);
    }
    Duration elapsed = clock.elapsed;
    Instant breachedAt = clock.breachedAt;
    boolean breached = elapsed.compareTo(target) > 0;
    if (open && breached) {
      breachedCycles++;
    }
    SlaState state;
    Instant due;
    if (breached) {
      state = SlaState.BREACHED;
      due = breachedAt;
    } else if (!open) {
      state = SlaState.MET;
      due = stoppedAt == null ? null : cal.dueTime(stoppedAt, target.minus(elapsed));
    } else if (paused) {
      state = SlaState.PAUSED;
      due = null;
    } else {
      double used = (double) elapsed.toNanos() / target.toNanos();
      state = used >= goal.atRiskShare() ? SlaState.AT_RISK : SlaState.RUNNING;
      due = cal.dueTime(asOf, target.minus(elapsed));
    }
    return new SlaResult(goal, state, elapsed, due, breached ? breachedAt : null, open ? null : stoppedAt, cycles,
        breachedCycles, findings);
  }

  /** The business time a cycle has used, and when it exceeded its target. */
  private static final class Clock {
    Duration elapsed = Duration.ZERO;
    @Nullable Instant breachedAt;

    void run(BusinessCalendar cal, Duration target, Instant from, Instant to) {
      Duration d = cal.businessDuration(from, to);
      if (breachedAt == null && elapsed.plus(d).compareTo(target) > 0) {
        breachedAt = cal.dueTime(from, target.minus(elapsed));
      }
      elapsed = elapsed.plus(d);
    }
  }

  private static Finding ignored(SlaEvent e, String why) {
    return Finding.warning("SLA_EVENT_IGNORED", "event", e.kind().name().toLowerCase(java.util.Locale.ROOT) + "@" + e.at(),
        "the " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + " event at " + e.at() + " is ignored: " + why);
  }
}
