package dev.mops.planning.calendar;

import dev.mops.core.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A conflict on the campaign calendar, with every campaign involved: two campaigns reaching one
 * audience in one channel on the same days, a week over an audience's frequency cap, a launch on a
 * holiday, a campaign in a quiet period.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param code what kind of conflict: {@code AUDIENCE_OVERLAP}, {@code FREQUENCY_CAP}, {@code
 *     HOLIDAY} or {@code QUIET_PERIOD} ({@link dev.mops.planning.PlanningCodes})
 * @param severity how serious the rules say it is
 * @param campaignIds the campaigns involved, in calendar order (start, then id)
 * @param audience the audience concerned ({@code a & b} for two overlapping segments)
 * @param channel the channel concerned ({@code ""} when any)
 * @param from the first day of the conflict
 * @param to the last day of the conflict (inclusive)
 * @param message a sentence for people
 */
public record Conflict(
    String code, Severity severity, List<String> campaignIds, String audience, String channel,
    LocalDate from, LocalDate to, String message) {

  /** Validates and copies the components. */
  public Conflict {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    campaignIds = List.copyOf(campaignIds);
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code CODE(id1+id2)}, the form used in CSV columns. */
  public String shortForm() {
    return code + "(" + String.join("+", campaignIds) + ")";
  }
}
