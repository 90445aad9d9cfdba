package dev.mops.planning.capacity;

import java.util.Objects;

/**
 * A person who could take a new work item, with their free hours in the item's window.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param person the person's id
 * @param freeHours available hours not yet assigned in the window (days over-booked count as 0)
 * @param utilization assigned over available hours in the window
 * @param fits whether the free hours cover the item's estimate
 */
public record Candidate(String person, double freeHours, double utilization, boolean fits) {
  /** Validates the components. */
  public Candidate {
    Objects.requireNonNull(person, "person");
  }
}
