package dev.mops.flow.program;

import dev.mops.core.condition.Condition;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The entry criteria of a {@link Program}: an optional condition on the lead's fields that must
 * hold, and exactly one trigger that says when the lead enters.
 *
 * <ul>
 *   <li>{@code event}: at the time of each event matching the condition ({@code form_submitted});
 *   <li>{@code field}: at the instant held in a lead field ({@code created_at});
 *   <li>{@code inactiveFor} with {@code activity}: when that long has passed since an activity
 *       event with no other activity event in between (re-engagement).
 * </ul>
 *
 * <p>Thread safety: an immutable value.
 *
 * @param lead the condition on the lead's fields, or null when every lead may enter
 * @param event the trigger condition on one event, or null
 * @param field the lead field holding the entry instant, or null
 * @param inactiveFor how long without activity triggers entry, or null
 * @param activity the condition on the events that count as activity, with {@code inactiveFor}
 */
public record EntryCriteria(
    @Nullable Condition lead,
    @Nullable Condition event,
    @Nullable String field,
    @Nullable Duration inactiveFor,
    @Nullable Condition activity) {

  /** Validates that there is exactly one trigger. */
  public EntryCriteria {
    int triggers = (event == null ? 0 : 1) + (field == null ? 0 : 1) + (inactiveFor == null ? 0 : 1);
    if (triggers != 1) {
      throw new IllegalArgumentException("expected exactly one entry trigger, found " + triggers);
    }
    if ((inactiveFor == null) != (activity == null)) {
      throw new IllegalArgumentException("inactiveFor and activity go together");
    }
  }
}
