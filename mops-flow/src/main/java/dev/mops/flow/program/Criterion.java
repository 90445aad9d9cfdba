package dev.mops.flow.program;

import dev.mops.core.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named exit criterion or goal of a {@link Program} ({@code unsubscribed}, {@code converted}): a
 * condition on the lead's fields, a condition on one event, or both.
 *
 * <p>With an event condition the criterion is met at the time of the first matching event at or
 * after the lead's entry (and the lead condition, if any, must hold on the lead). With a lead
 * condition alone it is met as soon as the lead is in the program: a lead record is a snapshot and
 * cannot say when a field changed, so criteria that must be timed belong on events.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the criterion's name, shown in results as the reason the lead left
 * @param lead the condition on the lead's fields, or null
 * @param event the condition on one event, or null
 * @param blocksReentry whether a lead that left by this criterion may never enter again
 */
public record Criterion(String name, @Nullable Condition lead, @Nullable Condition event, boolean blocksReentry) {

  /** Validates the components. */
  public Criterion {
    Objects.requireNonNull(name, "name");
    if (lead == null && event == null) {
      throw new IllegalArgumentException("criterion '" + name + "' needs a lead condition, an event condition or both");
    }
  }
}
