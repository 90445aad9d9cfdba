package dev.mops.flow.program;

/**
 * The unit of a {@link Step.Wait}: calendar time (minutes, hours, days of 24 hours, weeks) or
 * business time of the program's {@link dev.mops.core.time.BusinessCalendar}.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum WaitUnit {
  /** Minutes of calendar time. */
  MINUTES("minutes"),
  /** Hours of calendar time. */
  HOURS("hours"),
  /** Days of exactly 24 hours of calendar time. */
  DAYS("days"),
  /** Weeks of exactly 7 days of calendar time. */
  WEEKS("weeks"),
  /** Hours of open time of the calendar (its working hours, skipping nights, weekends and holidays). */
  BUSINESS_HOURS("business hours"),
  /**
   * Working days of the calendar: the same local time of day {@code n} working days later (or the
   * calendar's next opening when it is closed at that time).
   */
  BUSINESS_DAYS("business days");

  private final String word;

  WaitUnit(String word) {
    this.word = word;
  }

  /** Returns the unit as words ({@code business days}). */
  public String word() {
    return word;
  }
}
