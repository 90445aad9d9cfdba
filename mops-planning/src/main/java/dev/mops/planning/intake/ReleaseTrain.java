package dev.mops.planning.intake;

import dev.mops.planning.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A release train: recurring windows on fixed days of the week ("Tues/Thurs 10-12 ET") in which
 * campaign launches and schema changes ship, with a cutoff before each window by which work must be
 * ready, skipping the holidays of the train's region.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the train's name, such as {@code campaign-launch}
 * @param zone the zone its times are in, such as {@code America/New_York}
 * @param days the days of the week it runs
 * @param start when a window opens (local time in the zone)
 * @param end when a window closes (local time, after {@code start})
 * @param cutoff how long before a window opens a request must be ready to ship in it
 * @param region the region whose holidays cancel a window ({@code ""}: the calendar's default)
 */
public record ReleaseTrain(
    String name, ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, Duration cutoff, String region) {

  /** How far ahead {@link #nextWindow} looks, in days. */
  public static final int HORIZON_DAYS = 366;

  /** Validates and copies the components. */
  public ReleaseTrain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("release train " + name + " has no days");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("release train " + name + " ends (" + end + ") before it starts (" + start + ")");
    }
    if (cutoff.isNegative()) {
      throw new IllegalArgumentException("release train " + name + " has a negative cutoff " + cutoff);
    }
    Objects.requireNonNull(region, "region");
  }

  /**
   * Returns the first window whose opening is at least {@link #cutoff} after {@code ready}, on a
   * train day that is not a holiday of the train's region, within {@link #HORIZON_DAYS} days; empty
   * when there is none.
   */
  public Optional<ReleaseWindow> nextWindow(Instant ready, WorkingCalendar calendar) {
    Instant earliest = ready.plus(cutoff);
    LocalDate day = earliest.atZone(zone).toLocalDate();
    for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
      if (!days.contains(day.getDayOfWeek()) || calendar.holiday(region, day).isPresent()) {
        continue;
      }
      ZonedDateTime open = ZonedDateTime.of(day, start, zone);
      if (open.toInstant().isBefore(earliest)) {
        continue;
      }
      return Optional.of(new ReleaseWindow(name, open, ZonedDateTime.of(day, end, zone)));
    }
    return Optional.empty();
  }
}
