package dev.mops.routing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An inclusive span of calendar dates, such as a rep's out-of-office days, read in the rep's own
 * time zone.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param from the first day
 * @param to the last day, on or after {@code from}
 */
public record DateSpan(LocalDate from, LocalDate to) {

  /** Validates the span. */
  public DateSpan {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("span ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** Returns a span of one day. */
  public static DateSpan of(LocalDate day) {
    return new DateSpan(day, day);
  }

  /** Returns whether {@code epochDay} lies within the span. */
  public boolean contains(long epochDay) {
    return epochDay >= from.toEpochDay() && epochDay <= to.toEpochDay();
  }

  @Override
  public String toString() {
    return from.equals(to) ? from.toString() : from + ".." + to;
  }
}
