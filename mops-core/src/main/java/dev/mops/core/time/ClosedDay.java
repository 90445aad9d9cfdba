package dev.mops.core.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date on which a {@link BusinessCalendar} is closed although its weekday has working hours:
 * a public holiday or an extra closed date, with the reason.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param date the closed date, in the calendar's zone
 * @param reason the holiday's English name or the closed date's {@code name} ({@code closed} when
 *     it has none)
 */
public record ClosedDay(LocalDate date, String reason) {

  /** Validates the components. */
  public ClosedDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
  }
}
