package dev.mops.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time during which a {@link BusinessCalendar} is open, from {@code start}
 * (inclusive) to {@code end} (exclusive).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param start the first instant of the period
 * @param end the instant the period ends (not part of it); after {@code start}
 */
public record OpenPeriod(Instant start, Instant end) {

  /** Validates that the period is not empty. */
  public OpenPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an open period must end after it starts: " + start + " to " + end);
    }
  }

  /** Returns the length of the period. */
  public Duration duration() {
    return Duration.between(start, end);
  }
}
