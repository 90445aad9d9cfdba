package dev.mops.planning.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A campaign on the calendar: who it reaches ({@code audience}, a segment name), through which
 * channel, in which region, from its first to its last day (both inclusive), and who owns it.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param id the campaign's id, unique on the calendar
 * @param name a name for people ({@code ""} when none)
 * @param audience the segment it reaches, such as {@code emea_customers}
 * @param channel the channel, such as {@code email}
 * @param region the region whose holidays apply ({@code ""} for the calendar's default)
 * @param start the launch (first send) day
 * @param end the last day, not before {@code start}
 * @param owner who owns it ({@code ""} when unknown)
 */
public record Campaign(
    String id, String name, String audience, String channel, String region, LocalDate start, LocalDate end, String owner) {

  /** Validates the components. */
  public Campaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(owner, "owner");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("campaign " + id + " ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** Returns whether this campaign runs on at least one day of {@code from..to} (inclusive). */
  public boolean runsDuring(LocalDate from, LocalDate to) {
    return !start.isAfter(to) && !end.isBefore(from);
  }
}
