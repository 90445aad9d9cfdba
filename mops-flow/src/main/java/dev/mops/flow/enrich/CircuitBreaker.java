package dev.mops.flow.enrich;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker over consecutive failures: closed, it lets every call through; {@code
 * threshold} failed calls in a row open it; open, it refuses calls until {@code openFor} has
 * passed on the clock; then, half-open, it lets exactly one probe call through, whose success
 * closes it and whose failure opens it again.
 *
 * <p>Thread safety: thread-safe; every transition holds the breaker's lock, so exactly one caller
 * gets the half-open probe.
 */
final class CircuitBreaker {

  /** The three states. */
  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt = Instant.EPOCH;
  private boolean probeInFlight;
  private long openings;

  CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Returns whether a call may go through now; in half-open state only the first caller's may. */
  synchronized boolean tryAcquire() {
    if (threshold == 0) {
      return true;
    }
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (!clock.instant().isBefore(openedAt.plus(openFor))) {
          state = State.HALF_OPEN;
          probeInFlight = true;
          return true;
        }
        return false;
      case HALF_OPEN:
      default:
        if (!probeInFlight) {
          probeInFlight = true;
          return true;
        }
        return false;
    }
  }

  /** Records a successful call: it closes the breaker. */
  synchronized void onSuccess() {
    consecutiveFailures = 0;
    probeInFlight = false;
    state = State.CLOSED;
  }

  /** Records a failed call: the probe's failure, or the threshold reached, opens the breaker. */
  synchronized void onFailure() {
    if (threshold == 0) {
      return;
    }
    probeInFlight = false;
    consecutiveFailures++;
    if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= threshold)) {
      state = State.OPEN;
      openedAt = clock.instant();
      openings++;
    }
  }

  synchronized State state() {
    return state;
  }

  synchronized long openings() {
    return openings;
  }
}
