package dev.mops.metrics.sla;

import java.util.Locale;

/**
 * The state of a request's SLA clock at an as-of instant.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum SlaState {
  /** No cycle has started yet (no start event, or created after the as-of instant). */
  PENDING,
  /** The clock runs and less than the at-risk share of the target is used. */
  RUNNING,
  /** The clock runs, at least the at-risk share of the target is used, and it is not breached. */
  AT_RISK,
  /** The clock is paused (waiting on the requester, say) and the target is not exceeded. */
  PAUSED,
  /** The cycle stopped within its target. */
  MET,
  /** More business time than the target has been used (whether the cycle stopped or not). */
  BREACHED,
  /** The request could not be evaluated: it has no valid start (see the findings). */
  INVALID;

  /** Returns the label written in outputs: {@code running}, {@code at-risk}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Returns whether this is {@link #MET} or {@link #BREACHED}: the outcome that adherence counts. */
  public boolean isFinal() {
    return this == MET || this == BREACHED;
  }
}
