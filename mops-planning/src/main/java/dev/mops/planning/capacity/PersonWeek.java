package dev.mops.planning.capacity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One person's load in one week: the hours they can work (their weekly hours less holidays and
 * time off), the hours of work assigned to the week, and the items those hours come from.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param person the person's id
 * @param weekStart the first day of the week
 * @param availableHours the hours the person can work in the week (within the plan's window)
 * @param assignedHours the hours of work items that fall in the week
 * @param itemIds the work items with hours in the week, in input order
 * @param overAllocated whether assigned hours exceed available hours times the plan's threshold
 */
public record PersonWeek(
    String person, LocalDate weekStart, double availableHours, double assignedHours, List<String> itemIds,
    boolean overAllocated) {

  /** Validates and copies the components. */
  public PersonWeek {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(weekStart, "weekStart");
    itemIds = List.copyOf(itemIds);
  }

  /**
   * Returns assigned over available hours ({@code 1.0} is fully booked); infinite when work is
   * assigned to a week with no available hours, 0 when neither.
   */
  public double utilization() {
    if (availableHours <= 0) {
      return assignedHours > 0 ? Double.POSITIVE_INFINITY : 0;
    }
    return assignedHours / availableHours;
  }

  /** Returns {@code over}, {@code full} (at least 90%), {@code ok} or {@code idle} (nothing assigned). */
  public String status() {
    if (overAllocated) {
      return "over";
    }
    if (assignedHours == 0) {
      return "idle";
    }
    return utilization() >= 0.9 ? "full" : "ok";
  }
}
